package redcaptest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// TestParticipantListAnswers replays the participantList cases of surveys.jsonl that the fake
// models (REDCap's errors, and the empty list of a survey form before any record) against the
// project XML the capture created its project from.
func TestParticipantListAnswers(t *testing.T) {
	p, err := dictionary.ReadFile(filepath.Join(sharedDir(t), "conformance", "projects", "long_surveys.xml"))
	if err != nil {
		t.Fatal(err)
	}
	s := NewServer(p)
	t.Cleanup(s.Close)
	replayed := 0
	for _, v := range loadVectors(t, sharedDir(t), "surveys.jsonl") {
		if !strings.HasPrefix(v.Name, "participantList_error") && !strings.HasPrefix(v.Name, "participantList_empty") {
			continue
		}
		replayed++
		if d := disagreement(v, send(t, s, v)); d != "" {
			t.Errorf("%s: %s", v.Name, d)
		}
	}
	if replayed < 9 {
		t.Errorf("replayed %d participantList cases, want the 9 errors and empty lists", replayed)
	}
}
