package redcap_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/dictionary"
	calculations "github.com/redcapgen/redcapgen/examples/calculations/study"
	quickstart "github.com/redcapgen/redcapgen/examples/quickstart/study"
	classic "github.com/redcapgen/redcapgen/golden/classic_demographics/want"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// The data quality rules, Recalculate and Applies are tested with generated packages: the
// quickstart example and the classic golden case.

// quickstartRecords decodes records of the quickstart project from an export's JSON.
func quickstartRecords(t *testing.T, body string) []*quickstart.Record {
	t.Helper()
	var out []*quickstart.Record
	err := redcap.ReadRecords[quickstart.Record](strings.NewReader(body), func(r *quickstart.Record) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestApplies(t *testing.T) {
	recs := quickstartRecords(t, `[{"record_id":"1","smoker":"1","cigs_per_day":"5"},{"record_id":"2","smoker":"0","cigs_per_day":""},{"record_id":"3","smoker":"","cigs_per_day":""}]`)
	for i, want := range []bool{true, false, false} {
		got, err := redcap.Applies(recs[i], "cigs_per_day", "", 0, redcap.LogicOptions{})
		if err != nil || got != want {
			t.Errorf("record %s: Applies(cigs_per_day) = %v, %v; want %v", recs[i].ID, got, err, want)
		}
		if got, err := redcap.Applies(recs[i], "smoker", "", 0, redcap.LogicOptions{}); err != nil || !got {
			t.Errorf("record %s: a field without branching logic applies; got %v, %v", recs[i].ID, got, err)
		}
	}
}

// demographicsRecords decodes records of the classic golden project (bmi is a calc of weight
// and height; cigs_per_day shows when smoker is 1, and is required nowhere).
func demographicsRecords(t *testing.T, body string) []*classic.Record {
	t.Helper()
	var out []*classic.Record
	err := redcap.ReadRecords[classic.Record](strings.NewReader(body), func(r *classic.Record) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRecalculate(t *testing.T) {
	recs := demographicsRecords(t, `[
{"record_id":"1","height_cm":"175","weight_kg":"70.0","bmi":""},
{"record_id":"2","height_cm":"175","weight_kg":"70.0","bmi":"22.9"},
{"record_id":"3","height_cm":"","weight_kg":"70.0","bmi":"20"}]`)
	want := [][]redcap.StaleValue{
		{{Record: "1", Field: "bmi", Stored: "", Computed: "22.9"}},
		nil,
		{{Record: "3", Field: "bmi", Stored: "20", Computed: ""}},
	}
	for i, rec := range recs {
		got, err := redcap.Recalculate(rec, redcap.LogicOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want[i], got); d != "" {
			t.Errorf("record %s: stale values (-want +got):\n%s", rec.ID, d)
		}
		if rec.Demographics.BMI.Raw() != []string{"", "22.9", "20"}[i] {
			t.Errorf("record %s: Recalculate without Apply changed bmi to %q", rec.ID, rec.Demographics.BMI.Raw())
		}
		if _, err := redcap.Recalculate(rec, redcap.LogicOptions{Apply: true}); err != nil {
			t.Fatal(err)
		}
		if again, _ := redcap.Recalculate(rec, redcap.LogicOptions{}); len(again) != 0 {
			t.Errorf("record %s: after Apply still stale: %v", rec.ID, again)
		}
	}
	if got := recs[0].Demographics.BMI.Raw(); got != "22.9" {
		t.Errorf("record 1 after Apply: bmi %q, want 22.9", got)
	}
}

func TestValidatorLogic(t *testing.T) {
	recs := demographicsRecords(t, `[
{"record_id":"1","height_cm":"175","weight_kg":"70.0","bmi":"22.9","smoker":"0","cigs_per_day":"5"},
{"record_id":"2","height_cm":"175","weight_kg":"70.0","bmi":"30","smoker":"1","cigs_per_day":"5"}]`)
	type found struct{ Record, Field, Rule string }
	run := func(opts redcap.ValidatorOptions) []found {
		v := redcap.NewValidator(classic.Schema(), opts)
		for _, r := range recs {
			r.Validate(v)
		}
		var out []found
		for _, x := range v.Violations() {
			if x.Rule == redcap.RuleHidden || x.Rule == redcap.RuleStaleCalc {
				out = append(out, found{x.Record, x.Field, x.Rule})
			}
		}
		return out
	}
	want := []found{{"1", "cigs_per_day", redcap.RuleHidden}, {"2", "bmi", redcap.RuleStaleCalc}}
	if d := cmp.Diff(want, run(redcap.ValidatorOptions{Logic: true})); d != "" {
		t.Errorf("data quality warnings (-want +got):\n%s", d)
	}
	if got := run(redcap.ValidatorOptions{}); len(got) != 0 {
		t.Errorf("without ValidatorOptions.Logic: %v, want none", got)
	}
	if got := run(redcap.ValidatorOptions{Logic: true, Skip: []string{redcap.RuleHidden, redcap.RuleStaleCalc}}); len(got) != 0 {
		t.Errorf("with both rules skipped: %v, want none", got)
	}
	v := redcap.NewValidator(classic.Schema(), redcap.ValidatorOptions{Logic: true})
	recs[0].Validate(v)
	if err := v.Err(); err != nil {
		t.Errorf("data quality rules are warnings, but Err = %v", err)
	}
}

// TestImportRecomputeCalcs: by default an import carries the calc columns and REDCap leaves the
// calcs as they were; with RecomputeCalcs it leaves them out and REDCap computes them.
func TestImportRecomputeCalcs(t *testing.T) {
	for _, recompute := range []bool{false, true} {
		p, err := dictionary.ReadFile(filepath.Join("..", "..", "golden", "classic_demographics", "input.csv"))
		if err != nil {
			t.Fatal(err)
		}
		srv := redcaptest.NewServer(p)
		defer srv.Close()
		token := srv.Token()
		c, err := redcap.NewClient(srv.URL(), redcap.TokenFromGetenv("T", func(string) string { return token }))
		if err != nil {
			t.Fatal(err)
		}
		recs := demographicsRecords(t, `[{"record_id":"1","height_cm":"175","weight_kg":"70.0","bmi":""}]`)
		ctx := context.Background()
		if _, err := redcap.Import(ctx, c, []classic.Record{*recs[0]}, redcap.ImportOptions{RecomputeCalcs: recompute}); err != nil {
			t.Fatal(err)
		}
		got, err := redcap.ExportAll[classic.Record](ctx, c, redcap.ExportOptions{})
		if err != nil || len(got) != 1 {
			t.Fatalf("export: %v (%d records)", err, len(got))
		}
		want := ""
		if recompute {
			want = "22.9"
		}
		if bmi := got[0].Demographics.BMI.Raw(); bmi != want {
			t.Errorf("RecomputeCalcs %v: bmi %q after import, want %q", recompute, bmi, want)
		}
	}
}

// TestComputedTextIsReadOnly: a value in an @CALCTEXT or @CALCDATE field is a read-only warning,
// as in a calc field, after the field's own rule is checked.
func TestComputedTextIsReadOnly(t *testing.T) {
	var rec *calculations.Record
	err := redcap.ReadRecords[calculations.Record](strings.NewReader(`[{"record_id":"1","bmi_class":"normal","next_visit":"2026-13-01"}]`), func(r *calculations.Record) error {
		rec = r
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	v := redcap.NewValidator(calculations.Schema(), redcap.ValidatorOptions{})
	rec.Validate(v)
	got := map[string][]string{}
	for _, x := range v.Violations() {
		got[x.Field] = append(got[x.Field], x.Rule)
	}
	want := map[string][]string{
		"bmi_class":    {redcap.RuleReadOnly},
		"next_visit":   {"validation:date_ymd"},
		"smoker":       {redcap.RuleRequired},
		"cigs_per_day": {redcap.RuleRequired}, // has branching logic: without ValidatorOptions.Logic, reported wherever blank
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("violations by field (-want +got):\n%s", d)
	}
}
