package redcaptest

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// rowKey says where a value lives: event ("" in classic projects), repeating instrument ("" for
// the main row and for repeating events) and instance (0 when not repeating).
type rowKey struct {
	event string
	form  string
	inst  int
}

// record is one stored record.
type record struct {
	id   string
	dag  string // unique group name, "" when none
	rows map[rowKey]*valueRow
	// stored counts the values stored in the record so far: each value's place in storage order
	// across all its rows.
	stored int32
}

// valueRow holds stored values by export column, in the order they were first stored (REDCap's
// EAV exports follow storage order). Only non-blank values are stored; unchecked boxes are not.
type valueRow struct {
	order []string
	vals  map[string]string
	seq   []int32 // seq[i] is order[i]'s place in the record's storage order
	rec   *record
}

func newRecord(id string) *record {
	return &record{id: id, rows: map[rowKey]*valueRow{}}
}

// row returns the row at k, creating it when asked.
func (r *record) row(k rowKey, create bool) *valueRow {
	v := r.rows[k]
	if v == nil && create {
		v = &valueRow{vals: map[string]string{}, rec: r}
		r.rows[k] = v
	}
	return v
}

// get returns a stored value ("" when none).
func (v *valueRow) get(col string) string {
	if v == nil {
		return ""
	}
	return v.vals[col]
}

// has reports whether a value is stored.
func (v *valueRow) has(col string) bool {
	if v == nil {
		return false
	}
	_, ok := v.vals[col]
	return ok
}

// set stores a value; a blank value erases it.
func (v *valueRow) set(col, val string) {
	if val == "" {
		if _, ok := v.vals[col]; ok {
			delete(v.vals, col)
			i := slices.Index(v.order, col)
			v.order = slices.Delete(v.order, i, i+1)
			v.seq = slices.Delete(v.seq, i, i+1)
		}
		return
	}
	if _, ok := v.vals[col]; !ok {
		v.order = append(v.order, col)
		v.rec.stored++
		v.seq = append(v.seq, v.rec.stored)
	}
	v.vals[col] = val
}

// sortedKeys returns the record's row keys in REDCap's order: the rows of events (and of
// repeating events) in event order, then the instances of repeating instruments by event, form
// and instance.
func (st *state) sortedKeys(r *record) []rowKey {
	keys := make([]rowKey, 0, len(r.rows))
	for k := range r.rows {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b rowKey) int {
		if ia, ib := a.form != "", b.form != ""; ia != ib {
			if ia {
				return 1
			}
			return -1
		}
		if d := st.eventIndex(a.event) - st.eventIndex(b.event); d != 0 {
			return d
		}
		fa, fb := -1, -1
		if a.form != "" {
			fa = st.formIndex(a.form)
		}
		if b.form != "" {
			fb = st.formIndex(b.form)
		}
		if fa != fb {
			return fa - fb
		}
		return a.inst - b.inst
	})
	return keys
}

// storedValue is one stored value's place: its row and column, and its place in storage order.
type storedValue struct {
	key rowKey
	col string
	seq int32
}

// valuesEAV returns the record's stored values in the order of an EAV export: by event, then in
// storage order across the event's rows (REDCap lists its data table that way).
func (st *state) valuesEAV(r *record) []storedValue {
	var out []storedValue
	for k, v := range r.rows {
		for i, col := range v.order {
			out = append(out, storedValue{key: k, col: col, seq: v.seq[i]})
		}
	}
	slices.SortFunc(out, func(a, b storedValue) int {
		if d := st.eventIndex(a.key.event) - st.eventIndex(b.key.event); d != 0 {
			return d
		}
		return int(a.seq - b.seq)
	})
	return out
}

// sortedRecordIDs returns the record IDs in REDCap's natural order (1, 2, 10, a, b).
func (st *state) sortedRecordIDs() []string {
	ids := make([]string, 0, len(st.records))
	for id := range st.records {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, naturalCompare)
	return ids
}

// sortedRecordIDsPHP returns the record IDs as PHP's sort() orders them (EAV exports): numeric
// strings by value, anything else byte by byte (mc1, mc10, mc2).
func (st *state) sortedRecordIDsPHP() []string {
	ids := make([]string, 0, len(st.records))
	for id := range st.records {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		fa, errA := strconv.ParseFloat(a, 64)
		fb, errB := strconv.ParseFloat(b, 64)
		if errA == nil && errB == nil && fa != fb {
			if fa < fb {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	return ids
}

// naturalCompare orders strings with digit runs compared as numbers.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		ca, restA := chunk(a)
		cb, restB := chunk(b)
		da, db := isDigits(ca), isDigits(cb)
		switch {
		case da && db:
			na, _ := strconv.ParseFloat(ca, 64)
			nb, _ := strconv.ParseFloat(cb, 64)
			if na != nb {
				if na < nb {
					return -1
				}
				return 1
			}
		case da != db:
			if da {
				return -1
			}
			return 1
		default:
			if c := strings.Compare(strings.ToLower(ca), strings.ToLower(cb)); c != 0 {
				return c
			}
		}
		a, b = restA, restB
	}
	return len(a) - len(b)
}

// chunk splits off the leading run of digits or of non-digits.
func chunk(s string) (string, string) {
	digit := s[0] >= '0' && s[0] <= '9'
	i := 1
	for i < len(s) && (s[i] >= '0' && s[i] <= '9') == digit {
		i++
	}
	return s[:i], s[i:]
}

func isDigits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}
