package perfdata

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/redcapgen/redcapgen/internal/perf/regression"
	"github.com/redcapgen/redcapgen/internal/perf/wide50"
)

func regressionSpec(seed uint64) Spec {
	return Spec{Schema: new(regression.Record).Schema(), Event: "test_1_arm_1", Forms: []string{"validations_default", "validations_additional_available", "missing_values", "embedded_fields"}, Seed: seed}
}

func TestSameSpecSameBytes(t *testing.T) {
	tests := []struct {
		name string
		a, b Spec
		same bool
	}{
		{"same seed", regressionSpec(1), regressionSpec(1), true},
		{"other seed", regressionSpec(1), regressionSpec(2), false},
		{"wide50", Spec{Schema: new(wide50.Record).Schema(), Seed: 3}, Spec{Schema: new(wide50.Record).Schema(), Seed: 3}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ga, err := New(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			gb, err := New(tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.Equal(ga.JSON(1, 50), gb.JSON(1, 50)); got != tt.same {
				t.Fatalf("same bytes = %v, want %v", got, tt.same)
			}
		})
	}
}

// TestValuesAreRealisticAndValid checks that every generated value is one REDCap takes as it
// is, that the columns are the forms' columns, and that the mix holds blanks, missing-data
// codes, dates and checked boxes, with every data field filled in some record.
func TestValuesAreRealisticAndValid(t *testing.T) {
	spec := regressionSpec(7)
	g, err := New(spec)
	if err != nil {
		t.Fatal(err)
	}
	cols := g.Columns()
	if cols[0] != "instance_name" || cols[1] != "redcap_event_name" || len(cols) < 40 {
		t.Fatalf("columns: %v", cols)
	}
	filled := map[string]bool{}
	var blanks, missing, checked int
	for n := 1; n <= 400; n++ {
		for i, v := range g.Record(n) {
			r := g.rules[i]
			switch {
			case r == nil:
			case v == "":
				blanks++
			case spec.Schema.MissingCodes.Has(v) && g.boxIndex[i] < 0:
				missing++
			default:
				filled[r.Name] = true
				if g.boxIndex[i] >= 0 && v == "1" {
					checked++
				}
				if g.boxIndex[i] < 0 && !Accepted(r, v, spec.Schema.MissingCodes) {
					t.Errorf("record %d field %q: value %q is not accepted", n, r.Name, v)
				}
			}
		}
	}
	if blanks == 0 || missing == 0 || checked == 0 {
		t.Errorf("blanks %d, missing codes %d, checked boxes %d: want some of each", blanks, missing, checked)
	}
	for i, r := range g.rules {
		if r != nil && !r.ReadOnly && r.Type != "calc" && r.Type != "file" && r.Type != "sql" && !filled[r.Name] {
			t.Errorf("column %q (field %q, %s %s) is never filled: no generated value is accepted", cols[i], r.Name, r.Type, r.Validation)
		}
	}
}

// TestJSONMatchesRecords checks the writer against encoding/json: the body decodes to exactly
// the generated values.
func TestJSONMatchesRecords(t *testing.T) {
	g, err := New(regressionSpec(5))
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	if err := json.Unmarshal(g.JSON(3, 60), &rows); err != nil {
		t.Fatal(err)
	}
	var streamed bytes.Buffer
	if err := g.WriteJSON(&streamed, 3, 60); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(streamed.Bytes(), g.JSON(3, 60)) {
		t.Fatal("WriteJSON and JSON differ")
	}
	cols := g.Columns()
	for i, row := range rows {
		want := g.Record(3 + i)
		if len(row) != len(cols) {
			t.Fatalf("row %d has %d columns, want %d", i, len(row), len(cols))
		}
		for j, c := range cols {
			if row[c] != want[j] {
				t.Fatalf("row %d column %q: %q, want %q", i, c, row[c], want[j])
			}
		}
	}
}

func TestUnknownForm(t *testing.T) {
	_, err := New(Spec{Schema: new(wide50.Record).Schema(), Forms: []string{"no_such_form"}})
	if err == nil {
		t.Fatal("want an error for a form the schema does not have")
	}
	if _, err := New(Spec{}); err == nil {
		t.Fatal("want an error without a schema")
	}
}
