// Package perfdata generates deterministic, realistic flat REDCap exports for the performance
// benchmarks: dates, numbers, choice codes, checkboxes, free text with non-ASCII, blanks and
// missing-data codes, every value one that REDCap's rules (runtime/redcap) accept unchanged.
// The same Spec always gives the same bytes, and any record can be generated on its own, so a
// million rows never need to sit in memory at once.
package perfdata

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// Spec says what to generate.
type Spec struct {
	// Schema is the generated project's description.
	Schema *redcap.Schema
	// Event is the unique event name every row carries in a longitudinal project.
	Event string
	// Forms limits the rows to these instruments' columns, like an export with forms[]; nil
	// means every form.
	Forms []string
	// Seed makes the values; the same seed gives the same values.
	Seed uint64
}

// Rates of blanks and missing-data codes among generated values, in percent.
const (
	blankPercent   = 15
	missingPercent = 3
)

// now is the fixed "today" that min/max written as today are checked against.
var now = time.Date(2026, time.January, 15, 12, 0, 0, 0, time.UTC)

// Generator makes rows of one Spec.
type Generator struct {
	spec     Spec
	columns  []string            // export columns, in layout order
	rules    []*redcap.FieldRule // rule of each column (nil for record, event and repeat columns)
	boxIndex []int               // for checkbox columns, the position in the rule's columns; else -1
	codes    []string
}

// New returns the generator of spec, or an error naming a form the schema does not have.
func New(spec Spec) (*Generator, error) {
	s := spec.Schema
	if s == nil || s.Layout == nil {
		return nil, fmt.Errorf("perfdata: no schema")
	}
	want := map[string]bool{}
	for _, f := range spec.Forms {
		want[f] = true
	}
	found := map[string]bool{}
	byColumn := map[string]int{}
	rules := map[string]*redcap.FieldRule{}
	for i := range s.Fields {
		r := &s.Fields[i]
		if len(want) > 0 && !want[r.Form] {
			continue
		}
		found[r.Form] = true
		if r.Type == "checkbox" {
			for j, c := range r.CheckboxColumns {
				rules[c], byColumn[c] = r, j
			}
			continue
		}
		rules[r.Name], byColumn[r.Name] = r, -1
	}
	for _, f := range spec.Forms {
		if !found[f] {
			return nil, fmt.Errorf("perfdata: the schema has no form %q", f)
		}
	}
	g := &Generator{spec: spec, codes: s.MissingCodes.Codes()}
	for _, col := range s.Layout.Columns() {
		r, isField := rules[col]
		keep := col == s.RecordIDField || isField ||
			col == "redcap_event_name" && s.Longitudinal ||
			(col == "redcap_repeat_instrument" || col == "redcap_repeat_instance") && s.Repeating
		if !keep {
			continue
		}
		g.columns = append(g.columns, col)
		g.rules = append(g.rules, r)
		if isField {
			g.boxIndex = append(g.boxIndex, byColumn[col])
		} else {
			g.boxIndex = append(g.boxIndex, -1)
		}
	}
	return g, nil
}

// Columns returns the columns every row carries, in layout order.
func (g *Generator) Columns() []string { return slices.Clone(g.columns) }

// Record returns the values of record n (1-based; its ID is n), one per column. The record
// ID rule of the schema is not checked: IDs are plain numbers.
func (g *Generator) Record(n int) []string {
	rng := rand.New(rand.NewPCG(g.spec.Seed, uint64(n)))
	out := make([]string, len(g.columns))
	for i, col := range g.columns {
		switch {
		case col == g.spec.Schema.RecordIDField:
			out[i] = strconv.Itoa(n)
		case col == "redcap_event_name":
			out[i] = g.spec.Event
		case g.rules[i] == nil:
			out[i] = ""
		default:
			out[i] = g.value(rng, g.rules[i], g.boxIndex[i])
		}
	}
	return out
}

// value returns one value of a field (or of one checkbox column) that REDCap's rules accept
// as it is; a candidate they would refuse or change becomes blank.
func (g *Generator) value(rng *rand.Rand, r *redcap.FieldRule, box int) string {
	if box >= 0 {
		if box >= len(r.Choices) { // a missing-data code's column
			return "0"
		}
		return strconv.Itoa(rng.IntN(2))
	}
	roll := rng.IntN(100)
	if r.Required && roll < blankPercent+missingPercent {
		roll = blankPercent + missingPercent // a required field is never left blank
	}
	if roll < blankPercent || r.ReadOnly || r.Type == "calc" || r.Type == "file" || r.Type == "sql" {
		return ""
	}
	if roll < blankPercent+missingPercent && len(g.codes) > 0 && !r.NoMissing && r.Type != "form_status" {
		return g.codes[rng.IntN(len(g.codes))]
	}
	var v string
	switch r.Type {
	case "form_status":
		v = strconv.Itoa(rng.IntN(3))
	case "dropdown", "radio", "yesno", "truefalse":
		if len(r.Choices) > 0 {
			v = r.Choices[rng.IntN(len(r.Choices))].Code
		}
	case "slider":
		v = strconv.Itoa(intIn(rng, r, 0, 100))
	case "notes":
		v = words(rng, 3+rng.IntN(8))
	case "text":
		v = candidate(rng, r)
	}
	if !Accepted(r, v, g.spec.Schema.MissingCodes) {
		return ""
	}
	return v
}

// Accepted reports whether REDCap's rules take v unchanged and without a warning.
func Accepted(r *redcap.FieldRule, v string, codes *redcap.MissingCodes) bool {
	if v == "" {
		return true
	}
	stored, _, ok := r.CheckImport(v, codes, redcap.DateYMD)
	if !ok || stored != v {
		return false
	}
	_, _, ok = r.Soft(v, codes, nil, now)
	return ok
}
