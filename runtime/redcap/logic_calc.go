package redcap

import (
	"fmt"
	"time"

	"github.com/redcapgen/redcapgen/runtime/logic"
)

// StaleValue is a computed field whose stored value is not what REDCap computes from the record.
type StaleValue struct {
	Record   string
	Event    string // "" in a classic project
	Instance int    // 0 when the row does not repeat
	Field    string
	Stored   string // the value the record holds
	Computed string // the value REDCap would store
}

// String says where the stale value is, what is stored and what REDCap computes.
func (s StaleValue) String() string {
	return fmt.Sprintf("record %q%s field %q: stored %q, REDCap computes %q", s.Record, where(s.Event, s.Instance), s.Field, s.Stored, s.Computed)
}

func where(event string, instance int) string {
	out := ""
	if event != "" {
		out += fmt.Sprintf(" event %q", event)
	}
	if instance > 0 {
		out += fmt.Sprintf(" instance %d", instance)
	}
	return out
}

// LogicOptions says how logic is evaluated on records.
type LogicOptions struct {
	// Now is the moment 'today' and 'now' mean; zero means the time of the call.
	Now time.Time
	// ProjectID is the project's ID, for logic using [project-id]; 0 leaves it unknown, and such
	// logic fails (a calc stays blank, branching hides its field).
	ProjectID int
	// Apply writes the recomputed values into the record (Recalculate only).
	Apply bool
}

// Recalculate recomputes every calc, @CALCTEXT and @CALCDATE field of a record on every event
// and instance, as REDCap would store them (calcs that use calcs are computed until they settle),
// and returns the stored values that differ. With opts.Apply the record then holds the new
// values. Values REDCap cannot compute (an expression it refuses, a field the record lacks) are
// blank, as REDCap leaves them.
func Recalculate(rec Record, opts LogicOptions) ([]StaleValue, error) {
	s := rec.Schema()
	lv := s.logicView()
	if len(lv.computed) == 0 {
		return nil, nil
	}
	sc := lv.getScratch()
	rows, err := rec.EncodeRows(sc.rows[:0])
	if err != nil {
		lv.putScratch(sc)
		return nil, fmt.Errorf("redcap: recalculate record %q: %w", rec.RecordID(), err)
	}
	sc.rows = rows
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	env := sc.env.reset(s, rows)
	env.projectID = opts.ProjectID
	stale := staleValues(env, sc, now)
	if opts.Apply && len(stale) > 0 {
		// The record may keep what it decodes from, so these rows are not reused.
		sc.rows = nil
		rec.Recycle()
		if err := rec.DecodeRows(rows); err != nil {
			lv.putScratch(sc)
			return stale, fmt.Errorf("redcap: recalculate record %q: %w", env.recordID, err)
		}
	}
	lv.putScratch(sc)
	return stale, nil
}

// staleValues recomputes the computed fields on env's rows, in dictionary order and until they
// settle (calcs that use calcs), and returns the values that changed; the rows then hold the
// recomputed values. It allocates only for the values that change.
func staleValues(env *rowsEnv, sc *logicScratch, now time.Time) []StaleValue {
	s, rows, computed := env.s, env.rows, env.lv.computed
	n := len(rows) * len(computed)
	if cap(sc.stored) < n {
		sc.stored = make([]string, n)
	}
	sc.stored = sc.stored[:n]
	seen := func(row, k int) *string { return &sc.stored[row*len(computed)+k] }
	for row := range rows {
		for k, r := range computed {
			if col, ok := rows[row].Layout.Index(r.Name); ok {
				*seen(row, k) = rows[row].Values[col]
			}
		}
	}
	for pass := 0; pass <= len(computed); pass++ {
		changed := false
		for _, r := range computed {
			for row := range rows {
				col, ok := rows[row].Layout.Index(r.Name)
				if !ok || !s.formOnRow(r.Form, env.rowEvent[row], env.rowInstrument[row]) {
					continue
				}
				sc.text = computedText(sc.text[:0], env, env.lv.exprs[r.Name], r, row, now)
				if string(sc.text) != rows[row].Values[col] {
					rows[row].Set(col, string(sc.text))
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	var stale []StaleValue
	for row := range rows {
		for k, r := range computed {
			col, ok := rows[row].Layout.Index(r.Name)
			if !ok {
				continue
			}
			if before := *seen(row, k); before != rows[row].Values[col] {
				stale = append(stale, StaleValue{Record: env.recordID, Event: env.rowEvent[row], Instance: env.rowInstanceNum[row],
					Field: r.Name, Stored: before, Computed: rows[row].Values[col]})
			}
		}
	}
	return stale
}

// hasComputed reports whether the schema has computed fields.
func hasComputed(s *Schema) bool {
	for i := range s.Fields {
		if s.Fields[i].Computed != "" {
			return true
		}
	}
	return false
}

// computedText appends the text REDCap stores for a computed field on a row.
func computedText(dst []byte, env *rowsEnv, e evaluable, r *FieldRule, row int, now time.Time) []byte {
	if e == nil {
		return dst
	}
	v, err := e.Eval(env.lv.schema, env, env.context(row, now))
	return logic.AppendStored(dst, r.Computed, v, err, r.Validation)
}

// Applies reports whether a field's branching logic shows it on the record's row of event and
// instance (event "" in a classic project, instance 0 when the row does not repeat). A field
// without branching logic, or whose logic REDCap cannot read, always applies.
func Applies(rec Record, field, event string, instance int, opts LogicOptions) (bool, error) {
	s := rec.Schema()
	lv := s.logicView()
	e := lv.branches[field]
	if e == nil {
		return true, nil
	}
	sc := lv.getScratch()
	defer lv.putScratch(sc)
	rows, err := rec.EncodeRows(sc.rows[:0])
	if err != nil {
		return false, fmt.Errorf("redcap: branching of %q on record %q: %w", field, rec.RecordID(), err)
	}
	sc.rows = rows
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	env := sc.env.reset(s, rows)
	env.projectID = opts.ProjectID
	ctx := logic.Context{Record: env.recordID, Event: event, Instance: instance, Now: now, ProjectID: opts.ProjectID}
	return logic.Selects(e.Eval(lv.schema, env, ctx)), nil
}
