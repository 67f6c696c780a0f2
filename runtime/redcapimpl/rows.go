package redcapimpl

import (
	"fmt"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// Span is a half-open range [Start, End) of layout columns.
type Span struct {
	Start, End int
}

// NextRow returns an empty row of the layout for appending to dst. It reuses the storage of the
// row in dst's spare capacity (dst[len(dst)], left there by an earlier append to the same backing
// array) when that row has the layout, so encoding batch after batch into rows[:0] allocates no
// new rows; otherwise it allocates one.
func NextRow(dst []redcap.Row, l *redcap.Layout) redcap.Row {
	if len(dst) < cap(dst) {
		old := dst[:len(dst)+1][len(dst)]
		if old.Layout == l && len(old.Values) == l.Len() && len(old.Present) == l.Len() {
			old.Reset()
			return old
		}
	}
	return redcap.NewRow(l)
}

// FirstValueOutside returns the first column of row that holds a value but lies in none of the
// spans: a value the row's shape has no place for. Generated decoders use it so that such a
// value is reported, never dropped.
func FirstValueOutside(row *redcap.Row, spans ...Span) (int, bool) {
	next := 0
	for _, s := range spans {
		for i := next; i < s.Start && i < len(row.Values); i++ {
			if row.Values[i] != "" {
				return i, true
			}
		}
		next = max(next, s.End)
	}
	for i := next; i < len(row.Values); i++ {
		if row.Values[i] != "" {
			return i, true
		}
	}
	return 0, false
}

// CheckLayout returns nil when row uses the layout want, and otherwise an error: an
// *redcap.UnknownColumnError naming the first column want does not know, or an error saying the
// two layouts differ.
func CheckLayout(row *redcap.Row, want *redcap.Layout) error {
	if row.Layout == want {
		return nil
	}
	if row.Layout == nil {
		return fmt.Errorf("redcap: row has no layout")
	}
	got := row.Layout
	for i := range got.Len() {
		if _, ok := want.Index(got.Column(i)); !ok {
			return &redcap.UnknownColumnError{Column: got.Column(i)}
		}
	}
	if got.Len() == want.Len() && len(row.Values) == want.Len() {
		same := true
		for i := range got.Len() {
			if want.Column(i) != got.Column(i) {
				same = false
				break
			}
		}
		if same {
			return nil
		}
	}
	return fmt.Errorf("redcap: row layout (%d columns) is not the generated project's layout (%d columns): read rows with the generated package's Schema", got.Len(), want.Len())
}

// MergePresent returns acc with every column present on row marked. An empty acc is made the
// row's width first, reusing its capacity when it has enough (generated DecodeRows passes the
// storage Recycle kept).
func MergePresent(acc []bool, row *redcap.Row) []bool {
	if len(acc) == 0 {
		if cap(acc) >= len(row.Present) {
			acc = acc[:len(row.Present)]
			clear(acc)
		} else {
			acc = make([]bool, len(row.Present))
		}
	}
	for i, p := range row.Present {
		if p && i < len(acc) {
			acc[i] = true
		}
	}
	return acc
}

// FinishRow sets which columns an encoded row carries: the columns of present (the columns the
// record was decoded from; nil means every column of the row's own spans), and always every
// column holding a value, so a value set in code is never left out.
func FinishRow(row *redcap.Row, present []bool, spans ...Span) {
	if present != nil {
		copy(row.Present, present)
	} else {
		for _, s := range spans {
			for i := s.Start; i < s.End && i < len(row.Present); i++ {
				row.Present[i] = true
			}
		}
	}
	for i, v := range row.Values {
		if v != "" {
			row.Present[i] = true
		}
	}
}

// AnyPresent reports whether the row carries any column in [first, end). Generated decoders skip
// a form whose columns are all absent: its values stay blank, as decoding them would leave them.
func AnyPresent(row *redcap.Row, first, end int) bool {
	for _, p := range row.Present[first:end] {
		if p {
			return true
		}
	}
	return false
}

// HasValueFrom reports whether any column from index start on holds a value.
func HasValueFrom(row *redcap.Row, start int) bool {
	for i := start; i < len(row.Values); i++ {
		if row.Values[i] != "" {
			return true
		}
	}
	return false
}
