package naming

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/dictionary"
)

func TestParsePins(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		want    Pins
		wantErr []string
	}{
		{
			name:  "good",
			input: "\uFEFF# names\n\nfield:dob_1 = DOBRepeat\n  const:sex:-9 = SexNotSaid  \narm:1=ArmDrugA\nconst:op:>= = OpGe\nform : visit = Visit\n",
			want: Pins{"field:dob_1": "DOBRepeat", "const:sex:-9": "SexNotSaid", "arm:1": "ArmDrugA",
				"const:op:>=": "OpGe", "form:visit": "Visit"},
		},
		{
			name:    "bad lines",
			input:   "field:a = A\nfield:a = B\nnope\nwidget:x = X\nfield:b = lower\nconst:sex = S\nfield: = X\n",
			wantErr: []string{"names.txt:2:", "first on line 1", "names.txt:3:", "names.txt:4:", "names.txt:5:", "names.txt:6:", "names.txt:7:"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePins("names.txt", []byte(tt.input))
			if len(tt.wantErr) > 0 {
				if err == nil {
					t.Fatalf("no error, want %q", tt.wantErr)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q lacks %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("ParsePins: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("pins mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadPinsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "study.names")
	if err := os.WriteFile(path, []byte("form:record = Rec\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := ReadPins(path)
	if err != nil || got["form:record"] != "Rec" {
		t.Fatalf("ReadPins = %v, %v", got, err)
	}
	if _, err := ReadPins(filepath.Join(t.TempDir(), "missing.names")); err == nil || !strings.Contains(err.Error(), "missing.names") {
		t.Errorf("ReadPins(missing) error = %v, want one naming the file", err)
	}
}

func TestResolvePins(t *testing.T) {
	p := project(
		form("record", text("a1"), text("a_1"), enum("sex", dictionary.TypeRadio, "0, Female", "1, Male")),
	)
	pins := Pins{
		"field:a_1":     "AOne",
		"form:record":   "Main",
		"const:sex:1":   "SexM",
		"enum:sex":      "Gender",
		"field:removed": "Gone",
	}
	n, err := Resolve(p, pins)
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	got := []string{n.Field("a1"), n.Field("a_1"), n.Form("record"), n.Enum("sex"), n.EnumConst("sex", "0"), n.EnumConst("sex", "1")}
	want := []string{"A1", "AOne", "Main", "Gender", "GenderFemale", "SexM"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"field:removed"}, n.UnusedPins()); diff != "" {
		t.Errorf("unused pins mismatch (-want +got):\n%s", diff)
	}
}

func TestResolveErrors(t *testing.T) {
	tests := []struct {
		name    string
		p       *dictionary.Project
		pins    Pins
		wantErr []string
	}{
		{
			name:    "fields differing only in case",
			p:       project(form("f", text("ab"), text("Ab"))),
			wantErr: []string{`struct of form "f"`, `field "Ab" and field "ab"`, "`field:Ab = "},
		},
		{
			name:    "pin on a method name",
			p:       project(form("f", text("x"))),
			pins:    Pins{"field:x": "Validate"},
			wantErr: []string{"pin `field:x = Validate`", `field "x"`},
		},
		{
			name:    "pin on a reserved package name",
			p:       project(form("f", text("x"))),
			pins:    Pins{"form:f": "Record"},
			wantErr: []string{"pin `form:f = Record`", `form "f" cannot be named "Record"`},
		},
		{
			name:    "pin on a generated enum function",
			p:       project(form("f", enum("sex", dictionary.TypeRadio, "1, A")), form("g", text("y"))),
			pins:    Pins{"form:g": "ParseSex"},
			wantErr: []string{`generated function "ParseSex" of field "sex" and form "g" both end up as Go name "ParseSex"`, "change one of the pins"},
		},
		{
			name:    "two pins on one name",
			p:       project(form("f", text("x")), form("g", text("y"))),
			pins:    Pins{"form:f": "Same", "form:g": "Same"},
			wantErr: []string{`form "f" and form "g" both end up as Go name "Same"`},
		},
		{
			name:    "duplicate field",
			p:       project(form("f", text("x")), form("g", text("x"))),
			wantErr: []string{`field "x" appears twice (forms "f" and "g")`},
		},
		{
			name:    "duplicate choice code",
			p:       project(form("f", enum("x", dictionary.TypeRadio, "1, A", "1, B"))),
			wantErr: []string{`field "x" lists choice code "1" twice`},
		},
		{
			name:    "nil field",
			p:       &dictionary.Project{Forms: []*dictionary.Form{{Name: "f", Fields: []*dictionary.Field{nil}}}},
			wantErr: []string{"form 1 of the project is incomplete"},
		},
		{
			name:    "no project",
			wantErr: []string{"no project"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve(tt.p, tt.pins)
			if err == nil {
				t.Fatalf("no error, want %q", tt.wantErr)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}
