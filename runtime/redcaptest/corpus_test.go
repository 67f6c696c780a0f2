package redcaptest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// TestSharedDictionaries serves every real dictionary of ../shared/dictionaries: design and data
// answers must succeed and a record must round-trip, whatever the dictionary holds.
func TestSharedDictionaries(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "dictionaries")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read %s: %v", dir, err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".md") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			p, err := dictionary.ReadFile(filepath.Join(dir, name))
			if err != nil {
				if ps := (dictionary.Problems)(nil); errors.As(err, &ps) {
					t.Skipf("the dictionary reader refuses %s (its own tests cover that): %.200v", name, err)
				}
				t.Fatalf("read: %v", err)
			}
			s := NewUnstartedServer(p)
			for _, content := range []string{"metadata", "exportFieldNames", "instrument", "project", "record"} {
				for _, format := range []string{"json", "csv", "xml"} {
					a := s.st.dispatchForTest(content, format)
					if a.status != 200 {
						t.Errorf("%s %s: status %d: %.200s", content, format, a.status, a.body)
					}
				}
			}
			rid := p.RecordIDField()
			if rid == nil {
				t.Fatal("no record ID field")
			}
			if err := s.Load([]map[string]string{{rid.Name: "1"}}); err != nil {
				t.Fatalf("load: %v", err)
			}
			recs := s.Records()
			if len(recs) == 0 || recs[0][rid.Name] != "1" {
				t.Errorf("Records() after loading record 1: %d rows", len(recs))
			}
		})
	}
}

// dispatchForTest answers one export of content in format.
func (st *state) dispatchForTest(content, format string) answer {
	p := params{v: map[string][]string{"content": {content}, "format": {format}}}
	switch content {
	case "metadata":
		return st.exportMetadata(p)
	case "exportFieldNames":
		return st.exportFieldNames(p)
	case "instrument":
		return st.exportInstruments(p)
	case "project":
		return st.projectInfo(p)
	}
	return st.exportRecords(p)
}
