package redcap

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// errStopped ends a batch early when the consumer of Stream stops iterating.
var errStopped = errors.New("redcap: iteration stopped")

// decodeBatch reads one batch's rows, decodes each record from its contiguous rows, yields it,
// and checks that every ID of the batch came back exactly once. stopped is true when the
// consumer stopped iterating. Records are decoded into reuse, recycled, when it is not nil.
func decodeBatch[R any, P interface {
	*R
	Record
}](body []byte, s *Schema, batch []string, reuse *R, yield func(*R, error) bool) (stopped bool, err error) {
	g, err := newRecordGroups(s)
	if err != nil {
		return false, err
	}
	seen := make(map[string]bool, len(batch))
	for _, id := range batch {
		seen[id] = false
	}
	flush := func() error {
		if g.n == 0 {
			return nil
		}
		rec := nextRecord[R, P](reuse)
		if err := P(rec).DecodeRows(g.rows()); err != nil {
			return fmt.Errorf("record %q: %w", g.id, err)
		}
		g.n = 0 // row storage is reused: generated DecodeRows copies what it keeps
		if !yield(rec, nil) {
			return errStopped
		}
		return nil
	}
	err = ReadRows(bytes.NewReader(body), s.Layout, func(r *Row) error {
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
	if errors.Is(err, errStopped) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	var missing []string
	for _, id := range batch {
		if !seen[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return false, fmt.Errorf("%d record(s) listed in the ID pass did not come back: %s (deleted or changed meanwhile, or hidden by rights or DAG)", len(missing), quoteList(missing, 20))
	}
	return false, nil
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
