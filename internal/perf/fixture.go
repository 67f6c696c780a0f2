package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/redcapgen/redcapgen/internal/perf/perfdata"
	"github.com/redcapgen/redcapgen/internal/perf/regression"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// regressionEvent is the event the benchmark rows sit in: the one most forms are designated for.
const regressionEvent = "test_1_arm_1"

// regressionForms are the instruments the benchmark export carries, like an export with
// forms[]: every standard and additional validation type (dates, datetimes, times, numbers,
// comma decimals, emails, phones, postal codes), radios, dropdowns, yes/no, true/false,
// checkboxes, a slider and notes, plus missing-data codes from the project's list.
var regressionForms = []string{
	"validations_default", "validations_additional_available", "missing_values",
	"basic_skip_patterns", "embedded_fields", "sandbox", "data_quality_rules", "user_rights",
}

// codecFixture is one data set in every shape the codec benchmarks need: the export body, the
// same rows as maps (what encoding/json gives) and as generated records.
type codecFixture struct {
	records int
	columns int
	body    []byte
	maps    []map[string]string
	typed   []regression.Record
}

// newCodecFixture generates n records of the regression-test project and decodes them both ways.
// The two decodings must agree value for value, so both sides of every comparison hold the
// same data.
func newCodecFixture(n int) (*codecFixture, error) {
	g, err := perfdata.New(perfdata.Spec{Schema: new(regression.Record).Schema(), Event: regressionEvent, Forms: regressionForms, Seed: 8})
	if err != nil {
		return nil, err
	}
	fx := &codecFixture{records: n, columns: len(g.Columns()), body: g.JSON(1, n)}
	if err := json.Unmarshal(fx.body, &fx.maps); err != nil {
		return nil, fmt.Errorf("baseline decode of the fixture: %w", err)
	}
	fx.typed = make([]regression.Record, 0, n)
	err = redcap.ReadRecords(bytes.NewReader(fx.body), func(r *regression.Record) error {
		fx.typed = append(fx.typed, *r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("typed decode of the fixture: %w", err)
	}
	if len(fx.maps) != n || len(fx.typed) != n {
		return nil, fmt.Errorf("fixture: %d maps and %d records, want %d", len(fx.maps), len(fx.typed), n)
	}
	return fx, fx.agree()
}

// agree checks that the typed records re-encode to exactly the maps' values.
func (fx *codecFixture) agree() error {
	for i := range fx.typed {
		rows, err := fx.typed[i].EncodeRows(nil)
		if err != nil {
			return fmt.Errorf("fixture record %d: %w", i+1, err)
		}
		if len(rows) != 1 {
			return fmt.Errorf("fixture record %d: %d rows, want 1", i+1, len(rows))
		}
		want := fx.maps[i]
		for col, v := range want {
			j, ok := rows[0].Layout.Index(col)
			if !ok || !rows[0].Has(j) || rows[0].Get(j) != v {
				return fmt.Errorf("fixture record %d column %q: typed and baseline decodings differ", i+1, col)
			}
		}
	}
	return nil
}
