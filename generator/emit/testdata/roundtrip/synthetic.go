package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/redcapgen/redcapgen/runtime/redcap"

	"redcapgen.test/corpus/classic"
	"redcapgen.test/corpus/fieldtypes"
	"redcapgen.test/corpus/longitudinal"
	"redcapgen.test/corpus/missingcodes"
	"redcapgen.test/corpus/repeating"
)

// syntheticCase is a hand-made situation the captured exports do not show.
type syntheticCase struct {
	name string
	run  func() error
}

// outcome renders a synthetic case's error ("ok" when nil).
func outcome(err error) string {
	if err == nil {
		return "ok"
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

// rowsOf builds rows of a layout from column/value pairs, one map per row.
func rowsOf(l *redcap.Layout, rows ...[]string) ([]redcap.Row, error) {
	var out []redcap.Row
	for _, kv := range rows {
		row := redcap.NewRow(l)
		for i := 0; i+1 < len(kv); i += 2 {
			if err := row.SetByName(kv[i], kv[i+1]); err != nil {
				return nil, err
			}
		}
		out = append(out, row)
	}
	return out, nil
}

// decodeCase decodes hand-made rows into a new record.
func decodeCase(rec redcap.Record, rows ...[]string) func() error {
	return func() error {
		rs, err := rowsOf(rec.Schema().Layout, rows...)
		if err != nil {
			return err
		}
		return rec.DecodeRows(rs)
	}
}

func syntheticCases() []syntheticCase {
	return []syntheticCase{
		{"built_classic", func() error {
			rec := classic.Record{ID: "new1"}
			rec.Demographics.Sex = redcap.Of(classic.SexFemale)
			if !rec.Demographics.Race.Set(classic.RaceWhite) || rec.Demographics.Race.Set("zzz") {
				return errors.New("Set reports the wrong result")
			}
			rows, err := rec.EncodeRows(nil)
			if err != nil {
				return err
			}
			if len(rows) != 1 {
				return fmt.Errorf("%d rows", len(rows))
			}
			for c := 0; c < rows[0].Layout.Len(); c++ {
				if col := rows[0].Layout.Column(c); rows[0].Has(c) == isSurveyColumn(rows[0].Layout, col) {
					return fmt.Errorf("column %s: sent %v, but a built record sends every column except the survey ones", col, rows[0].Has(c))
				}
			}
			var back classic.Record
			if err := back.DecodeRows(rows); err != nil {
				return err
			}
			if sex, _ := back.Demographics.Sex.Get(); sex != classic.SexFemale || back.Demographics.Sex.Raw() != "0" {
				return fmt.Errorf("sex came back as %q", back.Demographics.Sex.Raw())
			}
			if got := back.Demographics.Race.Checked(); len(got) != 1 || got[0] != classic.RaceWhite {
				return fmt.Errorf("race came back as %v", got)
			}
			return nil
		}},
		{"built_longitudinal", func() error {
			rec := longitudinal.Record{ID: "9", BaselineArm1: &longitudinal.BaselineArm1{},
				Week2Arm2: []redcap.Instance[longitudinal.Week2Arm2]{{Number: 2}}}
			rec.BaselineArm1.Demographics.Sex = redcap.Of(longitudinal.SexMale)
			rec.Week2Arm2[0].Data.Visit.VisitDate = redcap.Of(redcap.Date{Year: 2024, Month: 4, Day: 15})
			rows, err := rec.EncodeRows(nil)
			if err != nil {
				return err
			}
			var back longitudinal.Record
			if err := back.DecodeRows(rows); err != nil {
				return err
			}
			again, err := back.EncodeRows(nil)
			if err != nil {
				return err
			}
			if msg := compareRows(rows, again); msg != "" {
				return errors.New(msg)
			}
			var events []string
			for i := range rows {
				events = append(events, rows[i].Get(1)+"#"+rows[i].Get(3)+" "+rows[i].Get(rows[i].Layout.Len()-6))
			}
			return fmt.Errorf("events: %s", strings.Join(events, ", "))
		}},
		{"built_without_id", func() error {
			_, err := (&classic.Record{}).EncodeRows(nil)
			return err
		}},
		{"built_repeating_instance_zero", encodeCase(&repeating.Record{ID: "1", Medications: []redcap.Instance[repeating.Medications]{{Number: redcap.NewInstanceNumber}}})},
		{"built_repeating_instance_negative", encodeCase(&repeating.Record{ID: "1", Medications: []redcap.Instance[repeating.Medications]{{Number: -1}}})},
		{"built_repeating_event_negative", encodeCase(&longitudinal.Record{ID: "9", Week2Arm2: []redcap.Instance[longitudinal.Week2Arm2]{{Number: -2}}})},
		{"built_repeating_rows", encodeCase(&repeating.Record{ID: "1", Medications: []redcap.Instance[repeating.Medications]{{Number: 3}}})},
		{"instance_on_nonrepeating_form", decodeCase(new(repeating.Record),
			[]string{"record_id", "1", "redcap_repeat_instrument", "enrollment", "redcap_repeat_instance", "1"})},
		{"instance_on_nonrepeating_event", decodeCase(new(longitudinal.Record),
			[]string{"record_id", "1", "redcap_event_name", "baseline_arm_1", "redcap_repeat_instance", "2"})},
		{"repeat_form_in_wrong_event", decodeCase(new(longitudinal.Record),
			[]string{"record_id", "1", "redcap_event_name", "baseline_arm_1", "redcap_repeat_instrument", "visit", "redcap_repeat_instance", "1"})},
		{"stray_value", decodeCase(new(repeating.Record),
			[]string{"record_id", "1", "redcap_repeat_instrument", "medications", "redcap_repeat_instance", "1", "enroll_date", "2024-01-01"})},
		{"unknown_instrument", decodeCase(new(repeating.Record),
			[]string{"record_id", "1", "redcap_repeat_instrument", "nope", "redcap_repeat_instance", "1"})},
		{"bad_instance", decodeCase(new(repeating.Record),
			[]string{"record_id", "1", "redcap_repeat_instrument", "medications", "redcap_repeat_instance", "0"})},
		{"two_records", decodeCase(new(classic.Record), []string{"record_id", "1"}, []string{"record_id", "2"})},
		{"second_main_row", decodeCase(new(classic.Record), []string{"record_id", "1"}, []string{"record_id", "1"})},
		{"unknown_event", decodeCase(new(longitudinal.Record), []string{"record_id", "1", "redcap_event_name", "nope_arm_1"})},
		{"missing_codes", func() error {
			var rec missingcodes.Record
			rows, err := rowsOf(missingcodes.Schema().Layout, []string{"record_id", "m1", "m_radio", "-99", "m_date", "UNK",
				"m_int", "NA", "m_text", "na", "m_check___unk", "1", "m_check___1", "0"})
			if err != nil {
				return err
			}
			if err := rec.DecodeRows(rows); err != nil {
				return err
			}
			v := &rec.Visit
			checks := []struct{ what, code string }{
				{"radio", first(v.MRadio.MissingCode())},
				{"date", first(v.MDate.MissingCode())},
				{"integer", first(v.MInt.MissingCode())},
				{"checkbox", first(v.MCheck.MissingCode())},
			}
			for _, c := range checks {
				if c.code == "" {
					return fmt.Errorf("%s: no missing code decoded", c.what)
				}
			}
			if _, ok := v.MText.MissingCode(); ok {
				return errors.New(`"na" decoded as a missing code; codes match exactly`)
			}
			if !v.MCheck.SetMissing("NA") || v.MCheck.SetMissing("Unknown") {
				return errors.New("SetMissing accepted a label or refused a code")
			}
			if code, _ := v.MCheck.MissingCode(); code != "NA" {
				return fmt.Errorf("checkbox missing code %q after SetMissing, want NA", code)
			}
			return nil
		}},
		{"other_layout", func() error {
			rows, err := rowsOf(classic.Schema().Layout, []string{"record_id", "1"})
			if err != nil {
				return err
			}
			return new(fieldtypes.Record).DecodeRows(rows)
		}},
	}
}

// encodeCase encodes a record built in code and reports the rows it gives as an error,
// "rows: col=value,... | ...", listing the columns each row carries; or the encoder's error.
func encodeCase(rec redcap.Record) func() error {
	return func() error {
		rows, err := rec.EncodeRows(nil)
		if err != nil {
			return err
		}
		var sent []string
		for i := range rows {
			var cols []string
			for c := 0; c < rows[i].Layout.Len(); c++ {
				if rows[i].Has(c) {
					cols = append(cols, rows[i].Layout.Column(c)+"="+rows[i].Get(c))
				}
			}
			sent = append(sent, strings.Join(cols, ","))
		}
		return fmt.Errorf("rows: %s", strings.Join(sent, " | "))
	}
}

// first returns the first of two results.
func first[T any](v T, _ bool) T { return v }

// compareRows compares the values of two encodings column by column. Which columns are present
// may grow: a decoded record sends the union of its rows' columns on every row, as REDCap's
// exports do.
func compareRows(a, b []redcap.Row) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d rows, then %d", len(a), len(b))
	}
	for i := range a {
		for c := 0; c < a[i].Layout.Len(); c++ {
			if a[i].Get(c) != b[i].Get(c) || a[i].Has(c) && !b[i].Has(c) {
				return fmt.Sprintf("row %d column %s differs", i+1, a[i].Layout.Column(c))
			}
		}
	}
	return ""
}
