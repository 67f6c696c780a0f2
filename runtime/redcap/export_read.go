package redcap

import (
	"fmt"
	"io"
)

// ReadRecords reads a flat JSON export (an export file or a saved API answer) and calls fn with
// each record, decoded by its generated DecodeRows from all of the record's rows, in order. The
// rows of one record must be together, as REDCap sends them; a record whose rows come back
// apart is an error naming it. Each record is new: fn may keep it. An error from fn stops the
// read and is returned wrapped.
//
// ReadRecords streams: it holds one record and its rows at a time, and reuses row storage.
func ReadRecords[R any, P interface {
	*R
	Record
}](r io.Reader, fn func(*R) error) error {
	return readRecords[R, P](r, nil, fn)
}

// ReadRecordsInto is ReadRecords decoding every record into rec, recycled between records (see
// Record.Recycle), like encoding/csv's Reader.ReuseRecord: fn must not keep rec, or anything
// reached through it, past its return, and must copy what it keeps (the strings stay valid). It
// allocates little more than the values' text, however wide the project.
func ReadRecordsInto[R any, P interface {
	*R
	Record
}](r io.Reader, rec *R, fn func(*R) error) error {
	if rec == nil {
		return fmt.Errorf("redcap: read records: ReadRecordsInto needs a record to decode into")
	}
	return readRecords[R, P](r, rec, fn)
}

// readRecords is ReadRecords, recycling reuse when it is not nil.
func readRecords[R any, P interface {
	*R
	Record
}](r io.Reader, reuse *R, fn func(*R) error) error {
	schema := P(new(R)).Schema()
	if schema == nil || schema.Layout == nil || schema.RecordIDField == "" {
		return fmt.Errorf("redcap: read records: the record type has no schema (layout and record ID field)")
	}
	g, err := newRecordGroups(schema)
	if err != nil {
		return fmt.Errorf("redcap: read records: %w", err)
	}
	seen := map[string]bool{}
	emit := func() error {
		rec := nextRecord[R, P](reuse)
		if err := P(rec).DecodeRows(g.rows()); err != nil {
			return fmt.Errorf("record %q: %w", g.id, err)
		}
		return fn(rec)
	}
	err = ReadRows(r, schema.Layout, func(row *Row) error {
		id, ok := g.recordID(row)
		if !ok {
			return fmt.Errorf("row without a record ID (%s)", schema.RecordIDField)
		}
		if g.n > 0 && id != g.id {
			if err := emit(); err != nil {
				return err
			}
			g.n = 0
		}
		if g.n == 0 {
			if seen[id] {
				return fmt.Errorf("record %q came back twice (its rows are not together)", id)
			}
			seen[id] = true
		}
		g.add(id, row)
		return nil
	})
	if err == nil && g.n > 0 {
		err = emit()
	}
	if err != nil {
		return fmt.Errorf("redcap: read records: %w", err)
	}
	return nil
}

// recordGroups collects the rows of one record at a time, reusing their storage for the next
// record (generated DecodeRows copies what it keeps: strings and the present columns).
type recordGroups struct {
	layout *Layout
	idCol  int
	store  []Row  // row storage, reused; the first n rows belong to the current record
	n      int    // rows of the current record
	id     string // the current record's ID
}

// newRecordGroups returns the grouper of a schema's rows.
func newRecordGroups(s *Schema) (*recordGroups, error) {
	idCol, ok := s.Layout.Index(s.RecordIDField)
	if !ok {
		return nil, fmt.Errorf("the layout has no record ID column %q", s.RecordIDField)
	}
	return &recordGroups{layout: s.Layout, idCol: idCol}, nil
}

// recordID returns the row's record ID; false when the row has none.
func (g *recordGroups) recordID(r *Row) (string, bool) {
	if !r.Has(g.idCol) || r.Get(g.idCol) == "" {
		return "", false
	}
	return r.Get(g.idCol), true
}

// add copies row into the current record's rows.
func (g *recordGroups) add(id string, row *Row) {
	if g.n == len(g.store) {
		g.store = append(g.store, NewRow(g.layout))
	}
	dst := &g.store[g.n]
	copy(dst.Values, row.Values)
	copy(dst.Present, row.Present)
	g.id = id
	g.n++
}

// rows returns the current record's rows.
func (g *recordGroups) rows() []Row { return g.store[:g.n] }

// nextRecord returns the record to decode into: reuse, recycled, or a new one when reuse is nil.
func nextRecord[R any, P interface {
	*R
	Record
}](reuse *R) *R {
	if reuse == nil {
		return new(R)
	}
	P(reuse).Recycle()
	return reuse
}
