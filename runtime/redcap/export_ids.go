package redcap

import (
	"errors"
	"math"
	"slices"
	"strings"
)

// recordIDs is the record list of an export's ID pass, each record once, in REDCap's order.
// The IDs are packed in one string, so a million records cost their bytes and four bytes each,
// not a string, an allocation and a map entry each: Stream's memory stays small on large projects.
type recordIDs struct {
	blob string
	ends []uint32 // ends[i] is where ID i ends in blob
	rows int      // rows of the ID pass (one per record, event and instance)
}

// Len returns the number of records.
func (l *recordIDs) Len() int { return len(l.ends) }

// At returns ID i.
func (l *recordIDs) At(i int) string {
	start := uint32(0)
	if i > 0 {
		start = l.ends[i-1]
	}
	return l.blob[start:l.ends[i]]
}

// Slice returns IDs i..j-1 (the strings share the list's memory).
func (l *recordIDs) Slice(i, j int) []string {
	out := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		out = append(out, l.At(k))
	}
	return out
}

// recordIDsBuilder collects IDs in row order, dropping repeats of the previous ID (the rows of
// one record come together).
type recordIDsBuilder struct {
	b    strings.Builder // String does not copy
	ends []uint32
	last string // the previous ID
	rows int
}

func newRecordIDsBuilder() *recordIDsBuilder { return &recordIDsBuilder{} }

// add appends id unless it repeats the previous one.
func (bl *recordIDsBuilder) add(id string) error {
	bl.rows++
	if len(bl.ends) > 0 && bl.last == id {
		return nil
	}
	if bl.b.Len()+len(id) > math.MaxUint32 {
		return errors.New("the record IDs exceed 4 GB")
	}
	bl.last = id
	bl.b.WriteString(id)
	bl.ends = append(bl.ends, uint32(bl.b.Len()))
	return nil
}

// list returns the IDs, each once in the order first seen. Rows of one record that come back
// apart would repeat an ID; such repeats are found by sorting and dropped.
func (bl *recordIDsBuilder) list() *recordIDs {
	l := &recordIDs{blob: bl.b.String(), ends: slices.Clip(bl.ends), rows: bl.rows}
	order := make([]uint32, l.Len())
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int {
		if c := strings.Compare(l.At(int(a)), l.At(int(b))); c != 0 {
			return c
		}
		return int(a) - int(b)
	})
	var repeats []uint32
	for k := 1; k < len(order); k++ {
		if l.At(int(order[k])) == l.At(int(order[k-1])) {
			repeats = append(repeats, order[k])
		}
	}
	if len(repeats) == 0 {
		return l
	}
	slices.Sort(repeats)
	var kept strings.Builder
	var ends []uint32
	for i := range l.Len() {
		if _, drop := slices.BinarySearch(repeats, uint32(i)); !drop {
			kept.WriteString(l.At(i))
			ends = append(ends, uint32(kept.Len()))
		}
	}
	return &recordIDs{blob: kept.String(), ends: ends, rows: bl.rows}
}
