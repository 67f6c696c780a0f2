package redcaptest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
)

// designCalls are the read calls whose answers describe the project's design.
var designCalls = []map[string]string{
	{"content": "metadata", "format": "json"},
	{"content": "metadata", "format": "csv"},
	{"content": "instrument", "format": "json"},
	{"content": "exportFieldNames", "format": "json"},
	{"content": "arm", "format": "json"},
	{"content": "event", "format": "json"},
	{"content": "formEventMapping", "format": "json"},
	{"content": "repeatingFormsEvents", "format": "json"},
	{"content": "record", "format": "json", "type": "flat"},
}

// TestSnapshotServerAnswersLikeDictionaryServer starts one fake from a dictionary and one from
// the dictionary's snapshot, and wants the same answer to every design call from both: the same
// bytes for the examples' dictionaries, and for the shared ones (whose text has stray white space
// and unevenly spaced choice lists) the same answers once values are trimmed and choice lists
// are written evenly, as a snapshot keeps them. Scheduling offsets are not in a snapshot.
func TestSnapshotServerAnswersLikeDictionaryServer(t *testing.T) {
	exact := map[string]*dictionary.Project{"demo": demoProject(t)}
	for _, name := range []string{"quickstart", "calculations", "sync"} {
		path := filepath.Join("..", "..", "examples", name, "study.csv")
		p, err := dictionary.ReadFile(path)
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		exact["examples/"+name] = p
	}
	for name, p := range exact {
		t.Run(name, func(t *testing.T) { compareDesignAnswers(t, p, nil) })
	}
	dir := filepath.Join(sharedDir(t), "dictionaries")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext != ".csv" && ext != ".json" && ext != ".xml" {
			continue
		}
		t.Run("shared/"+e.Name(), func(t *testing.T) {
			p, err := dictionary.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatalf("read %s: %v", e.Name(), err)
			}
			compareDesignAnswers(t, p, asSnapshotKeepsIt)
		})
	}
}

// compareDesignAnswers starts a fake from p and one from p's snapshot and compares their
// answers to designCalls: exactly when view is nil, else each JSON answer decoded by view.
func compareDesignAnswers(t *testing.T, p *dictionary.Project, view func(string) any) {
	t.Helper()
	const tok = "0123456789ABCDEF0123456789ABCDEF"
	want := NewServer(p, WithToken(tok))
	defer want.Close()
	got, err := NewServerFromSnapshot(string(snapshot.Snapshot(p)), WithToken(tok))
	if err != nil {
		t.Fatalf("NewServerFromSnapshot: %v", err)
	}
	defer got.Close()
	exact := view == nil
	if exact {
		view = jsonOrText
	}
	for _, call := range designCalls {
		ws, wct, wbody := post(t, want, call)
		gs, gct, gbody := post(t, got, call)
		if ws != gs || wct != gct {
			t.Errorf("%v: status %d %q, want %d %q", call, gs, gct, ws, wct)
		}
		if !exact && call["format"] == "csv" {
			continue // the JSON answer to the same call is compared
		}
		if diff := cmp.Diff(view(wbody), view(gbody)); diff != "" {
			t.Errorf("%v: answer differs (-dictionary +snapshot):\n%s", call, diff)
		}
	}
}

// asSnapshotKeepsIt decodes a JSON answer with every string value trimmed, choice lists written
// evenly ("1, A | 2, B") and scheduling offsets left out.
func asSnapshotKeepsIt(body string) any {
	v := jsonOrText(body)
	rows, ok := v.([]any)
	if !ok {
		return v
	}
	for _, r := range rows {
		m, ok := r.(map[string]any)
		if !ok {
			continue
		}
		for _, k := range []string{"day_offset", "offset_min", "offset_max"} {
			delete(m, k)
		}
		for k, x := range m {
			if s, ok := x.(string); ok {
				m[k] = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
			}
		}
		switch m["field_type"] {
		case "radio", "dropdown", "checkbox":
			choices, _, _ := dictionary.ParseChoices(m["select_choices_or_calculations"].(string))
			var parts []string
			for _, c := range choices {
				parts = append(parts, c.Code+", "+c.Label)
			}
			m["select_choices_or_calculations"] = strings.Join(parts, " | ")
		}
	}
	return rows
}

// jsonOrText decodes a JSON answer, so that a difference is shown by element and key.
func jsonOrText(body string) any {
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		return body
	}
	return v
}

func TestNewServerFromSnapshotErrors(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", []string{"line 1", "not a redcapgen snapshot"}},
		{"a dictionary, not a snapshot", demoDictionary, []string{"line 1", "not a redcapgen snapshot"}},
		{"no field", "# redcapgen dictionary snapshot v1\n", []string{"declares no field"}},
		{"a form without fields", "# redcapgen dictionary snapshot v1\nform f label=F\n", []string{"declares no field"}},
		{"bad line", "# redcapgen dictionary snapshot v1\nfield a form=f type=text\nfield b form=f colour=red\n", []string{"line 3", `field "b"`, "colour"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewServerFromSnapshot(tt.text)
			if err == nil {
				s.Close()
				t.Fatalf("no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}
