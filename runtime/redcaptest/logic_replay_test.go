package redcaptest

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// logicCaptureDay is the day REDCap computed the logic vectors: its 'today'.
var logicCaptureDay = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)

// TestLogicReplay replays each captured logic project against a fresh fake made from its
// dictionary, today pinned to the capture day: the imports answer the same, the full export
// holds the values REDCap computed for every calc, @CALCTEXT and @CALCDATE field, and every
// filterLogic export returns REDCap's rows (or REDCap's refusal).
func TestLogicReplay(t *testing.T) {
	shared := sharedDir(t)
	for _, lp := range sharedtest.LogicProjects {
		t.Run(lp.Name, func(t *testing.T) {
			if vectors := filepath.Join(shared, "conformance/logic", lp.Name+".jsonl.gz"); testing.Short() && sharedtest.LargeFile(t, vectors) {
				t.Skip("-short: a large vector file")
			}
			p, err := dictionary.ReadFile(filepath.Join(shared, lp.Dictionary))
			if err != nil {
				t.Fatal(err)
			}
			s := NewServer(p, WithClock(func() time.Time { return logicCaptureDay }))
			t.Cleanup(s.Close)
			var bad []string
			cases := sharedtest.ReadVectors(t, filepath.Join(shared, "conformance/logic", lp.Name+".jsonl.gz"))
			for _, c := range cases {
				fields := map[string]string{}
				for k, v := range c.Request {
					if k != "token" {
						fields[k] = v
					}
				}
				status, _, body := postArrays(t, s, fields)
				if status != c.Status {
					bad = append(bad, fmt.Sprintf("%s: status %d, want %d", c.Name, status, c.Status))
					continue
				}
				if c.Status != 200 {
					continue
				}
				if d := jsonDiff(c.Body, body); d != "" {
					bad = append(bad, fmt.Sprintf("%s (%s) %s: body differs (-REDCap +fake):\n%s", c.Name, c.Note, fields["filterLogic"], d))
				}
			}
			if len(bad) > 0 {
				show := bad
				if len(show) > 10 {
					show = show[:10]
				}
				t.Errorf("%d of %d cases disagree with REDCap:\n%s", len(bad), len(cases), strings.Join(show, "\n"))
			}
		})
	}
}

// postArrays posts fields, turning REDCap's array names (fields[0]) into name[] as PHP reads them.
func postArrays(t *testing.T, s *Server, fields map[string]string) (int, string, string) {
	t.Helper()
	plain := map[string]string{}
	for k, v := range fields {
		if i := strings.IndexByte(k, '['); i > 0 {
			k = k[:i] + "[]"
		}
		plain[k] = v
	}
	return post(t, s, plain)
}

// jsonDiff compares two JSON texts as values; "" when equal.
func jsonDiff(want, got string) string {
	var w, g any
	if json.Unmarshal([]byte(want), &w) != nil || json.Unmarshal([]byte(got), &g) != nil {
		if want == got {
			return ""
		}
		return cmp.Diff(want, got)
	}
	return cmp.Diff(w, g)
}
