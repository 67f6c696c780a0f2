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
// consumer stopped iterating.
func decodeBatch[R any, P interface {
	*R
	Record
}](body []byte, s *Schema, batch []string, yield func(*R, error) bool) (stopped bool, err error) {
	idCol, ok := s.Layout.Index(s.RecordIDField)
	if !ok {
		return false, fmt.Errorf("the layout has no record ID column %q", s.RecordIDField)
	}
	seen := make(map[string]bool, len(batch))
	for _, id := range batch {
		seen[id] = false
	}
	var group []Row
	cur := ""
	flush := func() error {
		if len(group) == 0 {
			return nil
		}
		rec := new(R)
		if err := P(rec).DecodeRows(group); err != nil {
			return fmt.Errorf("record %q: %w", cur, err)
		}
		group = nil // the record may keep its rows
		if !yield(rec, nil) {
			return errStopped
		}
		return nil
	}
	err = ReadRows(bytes.NewReader(body), s.Layout, func(r *Row) error {
		if !r.Has(idCol) || r.Get(idCol) == "" {
			return fmt.Errorf("row without a record ID (%s)", s.RecordIDField)
		}
		if id := r.Get(idCol); len(group) == 0 || id != cur {
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
			seen[id], cur = true, id
		}
		row := NewRow(s.Layout)
		copy(row.Values, r.Values)
		copy(row.Present, r.Present)
		group = append(group, row)
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
