package redcap

import (
	"fmt"
	"io"
	"strings"
)

// decodeBatch reads one batch's rows, decodes each record from its contiguous rows, and checks
// that every ID of the batch came back exactly once. It returns the batch's records, in order,
// only when the whole batch is complete and decoded, so that Stream yields nothing of a broken
// batch. Records are taken from pool and recycled (see Record.Recycle) while it lasts, then made
// new and added to it; the grown pool is returned for the next batch.
func decodeBatch[R any, P interface {
	*R
	Record
}](body io.Reader, s *Schema, batch []string, pool []*R) (recs, grown []*R, err error) {
	g, err := newRecordGroups(s)
	if err != nil {
		return nil, pool, err
	}
	seen := make(map[string]bool, len(batch))
	for _, id := range batch {
		seen[id] = false
	}
	n := 0
	flush := func() error {
		if g.n == 0 {
			return nil
		}
		var rec *R
		if n < len(pool) {
			rec = pool[n]
			P(rec).Recycle()
		} else {
			rec = new(R)
			pool = append(pool, rec)
		}
		if err := P(rec).DecodeRows(g.rows()); err != nil {
			return fmt.Errorf("record %q: %w", g.id, err)
		}
		n++
		g.n = 0 // row storage is reused: generated DecodeRows copies what it keeps
		return nil
	}
	err = ReadRows(body, s.Layout, func(r *Row) error {
		id, ok := g.recordID(r)
		if !ok {
			return fmt.Errorf("row without a record ID (%s)", s.RecordIDField)
		}
		if g.n == 0 || id != g.id {
			if err := flush(); err != nil {
				return err
			}
			already, requested := seen[id]
			switch {
			case !requested:
				return fmt.Errorf("REDCap returned record %q, which this batch did not ask for", id)
			case already:
				return fmt.Errorf("record %q came back twice (its rows are not together)", id)
			}
			seen[id] = true
		}
		g.add(id, r)
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return nil, pool, err
	}
	var missing []string
	for _, id := range batch {
		if !seen[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return pool[:n], pool, &missingRecordsError{ids: missing}
	}
	return pool[:n], pool, nil
}

// missingRecordsError is a batch whose answer lacks records the ID pass listed. The batch's
// records that did come back are decoded (Sync keeps them: the others were deleted meanwhile).
type missingRecordsError struct{ ids []string }

func (e *missingRecordsError) Error() string {
	return fmt.Sprintf("%d record(s) listed in the ID pass did not come back: %s (deleted or changed meanwhile, or hidden by rights or DAG)", len(e.ids), quoteList(e.ids, 20))
}

// quoteList quotes up to limit IDs and says how many more there are.
func quoteList(ids []string, limit int) string {
	var b strings.Builder
	for i, id := range ids {
		if i == limit {
			fmt.Fprintf(&b, " and %d more", len(ids)-limit)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", id)
	}
	return b.String()
}

// idRange describes a batch by its first and last ID.
func idRange(batch []string) string {
	switch len(batch) {
	case 0:
		return "none"
	case 1:
		return fmt.Sprintf("%q", batch[0])
	}
	return fmt.Sprintf("%q…%q", batch[0], batch[len(batch)-1])
}
