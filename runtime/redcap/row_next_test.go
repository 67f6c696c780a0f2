package redcap

import "testing"

// TestNextRow checks when NextRow reuses the row in dst's spare capacity and that what it
// returns is always an empty row of the layout.
func TestNextRow(t *testing.T) {
	l := NewLayout("record_id", "a", "b")
	other := NewLayout("record_id", "x")
	filled := func(l *Layout) Row {
		r := NewRow(l)
		for i := range r.Values {
			r.Set(i, "v")
		}
		return r
	}
	tests := []struct {
		name  string
		dst   func() []Row
		reuse bool
	}{
		{"nil slice", func() []Row { return nil }, false},
		{"no spare capacity", func() []Row { return []Row{filled(l)} }, false},
		{"spare row of the layout", func() []Row { return []Row{filled(l), filled(l)}[:1] }, true},
		{"spare row of another layout", func() []Row { return []Row{filled(l), filled(other)}[:1] }, false},
		{"spare zero row", func() []Row { return make([]Row, 1, 2) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := tt.dst()
			var spare *string
			if len(dst) < cap(dst) && len(dst[:len(dst)+1][len(dst)].Values) > 0 {
				spare = &dst[:len(dst)+1][len(dst)].Values[0]
			}
			row := NextRow(dst, l)
			if row.Layout != l || len(row.Values) != l.Len() || len(row.Present) != l.Len() {
				t.Fatalf("row has layout %p and %d/%d columns, want %p and %d", row.Layout, len(row.Values), len(row.Present), l, l.Len())
			}
			for i := range row.Values {
				if row.Values[i] != "" || row.Present[i] {
					t.Errorf("column %d is %q (present %v), want an empty row", i, row.Values[i], row.Present[i])
				}
			}
			reused := spare != nil && &row.Values[0] == spare
			if reused != tt.reuse {
				t.Errorf("reused the spare row: %v, want %v", reused, tt.reuse)
			}
		})
	}
}

// TestEncodeIntoRowsAllocatesNoRows checks that appending rows batch after batch into the same
// slice allocates no row storage after the first batch.
func TestEncodeIntoRowsAllocatesNoRows(t *testing.T) {
	l := NewLayout("record_id", "a", "b")
	rows := make([]Row, 0, 4)
	fill := func() {
		rows = rows[:0]
		for range 4 {
			r := NextRow(rows, l)
			r.Set(0, "1")
			rows = append(rows, r)
		}
	}
	fill()
	if n := testing.AllocsPerRun(10, fill); n != 0 {
		t.Errorf("refilling rows allocated %v times, want 0", n)
	}
}

// TestMergePresentReusesCapacity checks that an empty accumulator with room is reused and
// cleared, and that a short one is replaced.
func TestMergePresentReusesCapacity(t *testing.T) {
	l := NewLayout("record_id", "a", "b")
	row := NewRow(l)
	row.Set(1, "x")
	old := []bool{true, true, true}
	acc := MergePresent(old[:0], &row)
	if &acc[0] != &old[0] {
		t.Errorf("an empty accumulator with capacity was not reused")
	}
	if want := []bool{false, true, false}; acc[0] != want[0] || acc[1] != want[1] || acc[2] != want[2] {
		t.Errorf("MergePresent = %v, want %v (stale columns cleared)", acc, want)
	}
	if got := MergePresent(nil, &row); len(got) != 3 || !got[1] || got[0] {
		t.Errorf("MergePresent(nil) = %v", got)
	}
}

// TestAnyPresent checks the span test generated decoders use to skip absent forms.
func TestAnyPresent(t *testing.T) {
	l := NewLayout("record_id", "a", "b", "c", "d")
	row := NewRow(l)
	row.Set(0, "1")
	row.Set(3, "") // present but blank: the form is there
	tests := []struct {
		first, end int
		want       bool
	}{
		{1, 3, false}, {1, 4, true}, {3, 4, true}, {4, 5, false}, {0, 1, true}, {2, 2, false},
	}
	for _, tt := range tests {
		if got := AnyPresent(&row, tt.first, tt.end); got != tt.want {
			t.Errorf("AnyPresent(%d, %d) = %v, want %v", tt.first, tt.end, got, tt.want)
		}
	}
}
