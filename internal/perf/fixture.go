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

// regressionExport returns n records of the regression-test project as a flat JSON export and
// the number of columns each row carries.
func regressionExport(n int) ([]byte, int, error) {
	g, err := perfdata.New(perfdata.Spec{Schema: new(regression.Record).Schema(), Event: regressionEvent, Forms: regressionForms, Seed: 8})
	if err != nil {
		return nil, 0, err
	}
	return g.JSON(1, n), len(g.Columns()), nil
}

// codecFixture is one data set in the shapes the codec benchmarks need: the export body, the
// same rows as maps (what encoding/json gives) and as generated records. Maps and records are
// built only when a benchmark asks, so a decode benchmark's garbage collector does not scan
// gigabytes of data it never touches.
type codecFixture struct {
	records int
	columns int
	body    []byte
	maps    []map[string]string
	typed   []regression.Record
}

// newCodecFixture generates n records of the regression-test project.
func newCodecFixture(n int) (*codecFixture, error) {
	body, cols, err := regressionExport(n)
	if err != nil {
		return nil, err
	}
	return &codecFixture{records: n, columns: cols, body: body}, nil
}

// withMaps decodes the body with encoding/json into maps, once.
func (fx *codecFixture) withMaps() error {
	if fx.maps != nil {
		return nil
	}
	if err := json.Unmarshal(fx.body, &fx.maps); err != nil {
		return fmt.Errorf("baseline decode of the fixture: %w", err)
	}
	if len(fx.maps) != fx.records {
		return fmt.Errorf("fixture: %d maps, want %d", len(fx.maps), fx.records)
	}
	return nil
}

// withTyped decodes the body into generated records, once.
func (fx *codecFixture) withTyped() error {
	if fx.typed != nil {
		return nil
	}
	fx.typed = make([]regression.Record, 0, fx.records)
	err := redcap.ReadRecords(bytes.NewReader(fx.body), func(r *regression.Record) error {
		fx.typed = append(fx.typed, *r)
		return nil
	})
	if err != nil {
		return fmt.Errorf("typed decode of the fixture: %w", err)
	}
	if len(fx.typed) != fx.records {
		return fmt.Errorf("fixture: %d records, want %d", len(fx.typed), fx.records)
	}
	return nil
}

// drop forgets the decoded shapes, keeping the body. Each benchmark keeps only the shape it
// reads, so no benchmark's garbage collector scans another's data.
func (fx *codecFixture) drop() { fx.maps, fx.typed = nil, nil }

// agree checks that both decodings hold the same data: every typed record re-encodes to
// exactly its map's columns and values.
func (fx *codecFixture) agree() error {
	if err := fx.withMaps(); err != nil {
		return err
	}
	if err := fx.withTyped(); err != nil {
		return err
	}
	for i := range fx.typed {
		rows, err := fx.typed[i].EncodeRows(nil)
		if err != nil {
			return fmt.Errorf("fixture record %d: %w", i+1, err)
		}
		if len(rows) != 1 {
			return fmt.Errorf("fixture record %d: %d rows, want 1", i+1, len(rows))
		}
		want, got := fx.maps[i], 0
		for j, present := range rows[0].Present {
			if !present {
				continue
			}
			got++
			if v, ok := want[rows[0].Layout.Column(j)]; !ok || v != rows[0].Get(j) {
				return fmt.Errorf("fixture record %d column %q: typed and baseline decodings differ", i+1, rows[0].Layout.Column(j))
			}
		}
		if got != len(want) {
			return fmt.Errorf("fixture record %d: typed record encodes %d columns, baseline has %d", i+1, got, len(want))
		}
	}
	return nil
}
