package redcap_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

const driftDictionary = `"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"
record_id,demographics,,text,"Record ID",,,,,,,,,,,,,
dob,demographics,,text,"Date of birth",,,date_ymd,1900-01-01,today,y,,,,,,,
sex,demographics,,radio,Sex,"0, Female | 1, Male | -9, Unknown",,,,,,,,,,,,
height_cm,demographics,,text,"Height",,,number,50,250,,,,,,,,
`

// schemaOf builds the schema a generated package would carry for a dictionary.
func schemaOf(t *testing.T, p *dictionary.Project) *redcap.Schema {
	t.Helper()
	var codes []string
	for _, c := range p.MissingCodes {
		codes = append(codes, c.Code)
	}
	return &redcap.Schema{
		RecordIDField: p.RecordIDField().Name,
		Layout:        redcap.NewLayout(p.ExportColumns()...),
		Fields:        dictionary.Rules(p),
		MissingCodes:  redcap.NewMissingCodes(codes...),
		Fingerprint:   "sha256:test",
	}
}

func readDrift(t *testing.T, csv string) *dictionary.Project {
	t.Helper()
	p, err := dictionary.ReadCSV("study.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckDrift(t *testing.T) {
	tests := []struct {
		name     string
		live     string
		codes    []dictionary.MissingCode
		want     []string // substrings of the change lines, in order
		breaking bool
	}{
		{name: "unchanged", live: driftDictionary},
		{
			name:     "choice removed",
			live:     strings.Replace(driftDictionary, " | -9, Unknown", "", 1),
			want:     []string{`field "sex": choices changed`},
			breaking: true,
		},
		{
			name: "choice relabelled",
			live: strings.Replace(driftDictionary, "1, Male", "1, Man", 1),
			want: []string{`field "sex": choices changed`},
		},
		{
			name:     "validation changed",
			live:     strings.Replace(driftDictionary, ",number,50,250", ",integer,50,250", 1),
			want:     []string{`field "height_cm": validation changed from "number" to "integer"`},
			breaking: true,
		},
		{
			name:     "field removed",
			live:     strings.Replace(driftDictionary, "height_cm,demographics,,text,\"Height\",,,number,50,250,,,,,,,,\n", "", 1),
			want:     []string{`field "height_cm": field removed`},
			breaking: true,
		},
		{
			name: "field added",
			live: driftDictionary + "notes,demographics,,notes,Notes,,,,,,,,,,,,,\n",
			want: []string{`field "notes": field added`},
		},
		{
			name:  "missing codes added",
			live:  driftDictionary,
			codes: []dictionary.MissingCode{{Code: "UNK", Label: "Unknown"}},
			want:  []string{`project: missing-data codes changed from "" to "UNK"`},
		},
	}
	generated := schemaOf(t, readDrift(t, driftDictionary))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := redcaptest.NewServer(readDrift(t, tt.live), redcaptest.WithMissingCodes(tt.codes...))
			defer srv.Close()
			t.Setenv("DRIFT_TEST_TOKEN", srv.Token())
			c, err := redcap.NewClient(srv.URL(), redcap.TokenFromEnv("DRIFT_TEST_TOKEN"))
			if err != nil {
				t.Fatal(err)
			}
			err = redcap.CheckDrift(context.Background(), c, generated)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("CheckDrift = %v, want nil", err)
				}
				return
			}
			var drift *redcap.DriftError
			if !errors.As(err, &drift) {
				t.Fatalf("CheckDrift = %v, want a *DriftError", err)
			}
			if len(drift.Changes) != len(tt.want) {
				t.Fatalf("got %d changes, want %d:\n%v", len(drift.Changes), len(tt.want), err)
			}
			for i, w := range tt.want {
				if got := drift.Changes[i].String(); !strings.Contains(got, w) {
					t.Errorf("change %d = %q, want it to contain %q", i, got, w)
				}
			}
			if drift.Breaking() != tt.breaking {
				t.Errorf("Breaking() = %v, want %v", drift.Breaking(), tt.breaking)
			}
		})
	}
}
