package snapshot

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/dictionary"
)

// TestParseRoundTrip reads back the snapshot of every shared dictionary and of the demo
// project and wants the same snapshot and no change.
func TestParseRoundTrip(t *testing.T) {
	check := func(t *testing.T, snap []byte) {
		t.Helper()
		p, err := ParseSnapshot(snap)
		if err != nil {
			t.Fatalf("ParseSnapshot: %v", err)
		}
		if diff := cmp.Diff(string(snap), string(Snapshot(p))); diff != "" {
			t.Fatalf("round trip changed the snapshot (-want +got):\n%s", diff)
		}
	}
	t.Run("demo", func(t *testing.T) {
		p := demoProject()
		check(t, Snapshot(p))
		q, _ := ParseSnapshot(Snapshot(p))
		if changes := Diff(p, q); len(changes) > 0 {
			t.Errorf("Diff(project, parsed snapshot) = %v, want none", changes)
		}
		if q.Forms[1].Fields[2].ActionTags[0].Name != "HIDDEN" {
			t.Errorf("action tags not rebuilt from the annotation: %+v", q.Forms[1].Fields[2].ActionTags)
		}
	})
	for _, name := range sharedDictionaryNames(t) {
		t.Run(name, func(t *testing.T) {
			p := readSharedProject(t, name)
			check(t, Snapshot(p))
			q, _ := ParseSnapshot(Snapshot(p))
			if changes := Diff(p, q); len(changes) > 0 {
				t.Errorf("Diff(project, parsed snapshot) has %d changes, first %v", len(changes), changes[0])
			}
		})
	}
}

func TestParseSnapshotErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"no header", "field a form=f type=text\n", []string{"line 1", "not a redcapgen snapshot"}},
		{"other version", "# redcapgen dictionary snapshot v9\n", []string{"line 1"}},
		{"unknown kind", header + "\nwidget a\n", []string{"line 2", `unknown line kind "widget"`}},
		{"unknown attribute", header + "\nfield a form=f type=text colour=red\n", []string{"line 2", `field "a"`, "colour"}},
		{"flag with a value", header + "\nfield a form=f required=y\n", []string{"line 2", "required"}},
		{"bad quote", header + "\nfield a form=f label=\"open\n", []string{"line 2", "bad quoted value"}},
		{"unquoted space-less junk", header + "\nfield a form=f label=a\"b\n", []string{"line 2", "quote it"}},
		{"duplicate field", header + "\nfield a form=f\nfield a form=f\n", []string{"line 3", "twice"}},
		{"field without form", header + "\nfield a type=text\n", []string{"line 2", "no form"}},
		{"bad arm", header + "\narm one name=x\n", []string{"line 2", "not a number"}},
		{"event without arm", header + "\nevent e name=x\n", []string{"line 2", "arm is missing"}},
		{"duplicate key", header + "\nform f label=a label=b\n", []string{"line 2", "twice"}},
		{"bad choices", header + "\nfield a form=f type=radio choices=\"1, A | 1, B\"\n", []string{"line 2", "used twice"}},
		{"no name", header + "\nform label=x\n", []string{"line 2", "without a name"}},
		{"duplicate event", header + "\nevent e arm=1\nevent e arm=1 name=x\n", []string{"line 3", `event "e" is declared again (first on line 2)`}},
		{"duplicate mapping", header + "\nmapping e form=f\nmapping e form=f\n", []string{"line 3", "declared again"}},
		{"duplicate repeat", header + "\nrepeat form=f\nrepeat form=f\n", []string{"line 3", "declared again"}},
		{"duplicate missing code", header + "\nmissing UNK\nmissing \" UNK\" label=x\n", []string{"line 3", "declared again"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSnapshot([]byte(tt.input))
			if err == nil {
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

func TestIsSnapshot(t *testing.T) {
	tests := []struct {
		data string
		want bool
	}{
		{header + "\nfield a form=f type=text\n", true},
		{"# redcapgen dictionary snapshot v9\n", true}, // ParseSnapshot names the version
		{"field_name,form_name\n", false},
		{"", false},
		{"[{\"field_name\": \"a\"}]", false},
	}
	for _, tt := range tests {
		if got := IsSnapshot([]byte(tt.data)); got != tt.want {
			t.Errorf("IsSnapshot(%q) = %v, want %v", tt.data, got, tt.want)
		}
	}
}

func FuzzParseSnapshot(f *testing.F) {
	f.Add(string(Snapshot(demoProject())))
	f.Add(header + "\nfield a form=f type=radio choices=\"1, A\" required\nrepeat form=f\n")
	f.Add(header + "\nmissing \"\" label=x\n")
	f.Fuzz(func(t *testing.T, input string) {
		p, err := ParseSnapshot([]byte(input))
		if err != nil {
			return
		}
		snap := Snapshot(p)
		q, err := ParseSnapshot(snap)
		if err != nil {
			t.Fatalf("snapshot of a parsed snapshot does not parse: %v\n%s", err, snap)
		}
		if again := Snapshot(q); string(again) != string(snap) {
			t.Fatalf("snapshot not stable:\n%s\nthen\n%s", snap, again)
		}
		if changes := Diff(p, q); len(changes) > 0 {
			t.Fatalf("Diff(parsed, reparsed) = %v, want none", changes)
		}
		for _, c := range Diff(q, &dictionary.Project{}) {
			if c.String() == "" {
				t.Fatalf("empty rendering of %#v", c)
			}
		}
	})
}
