package redcapimpl

import (
	"errors"
	"testing"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

func TestFirstValueOutside(t *testing.T) {
	l := redcap.NewLayout("id", "a", "b", "c", "d")
	tests := []struct {
		name   string
		values []string
		spans  []Span
		want   int
		found  bool
	}{
		{"all inside", []string{"1", "x", "", "y", ""}, []Span{{0, 2}, {3, 4}}, 0, false},
		{"value in the gap", []string{"1", "", "z", "", ""}, []Span{{0, 2}, {3, 4}}, 2, true},
		{"value after the spans", []string{"1", "", "", "", "w"}, []Span{{0, 2}, {3, 4}}, 4, true},
		{"value before the first span", []string{"1", "", "", "", ""}, []Span{{1, 5}}, 0, true},
		{"no spans", []string{"", "", "", "q", ""}, nil, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := redcap.Row{Layout: l, Values: tt.values, Present: make([]bool, 5)}
			got, found := FirstValueOutside(&row, tt.spans...)
			if got != tt.want || found != tt.found {
				t.Errorf("FirstValueOutside = %d, %v; want %d, %v", got, found, tt.want, tt.found)
			}
		})
	}
}

func TestFinishRow(t *testing.T) {
	l := redcap.NewLayout("id", "a", "b", "c")
	tests := []struct {
		name    string
		values  []string
		present []bool
		spans   []Span
		want    []bool
	}{
		{"decoded columns kept", []string{"1", "", "", ""}, []bool{true, false, true, false}, nil, []bool{true, false, true, false}},
		{"a value set since is sent", []string{"1", "", "", "x"}, []bool{true, false, true, false}, nil, []bool{true, false, true, true}},
		{"built in code: the spans", []string{"1", "", "", ""}, nil, []Span{{0, 1}, {2, 4}}, []bool{true, false, true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := redcap.NewRow(l)
			copy(row.Values, tt.values)
			FinishRow(&row, tt.present, tt.spans...)
			for i := range tt.want {
				if row.Present[i] != tt.want[i] {
					t.Fatalf("Present = %v, want %v", row.Present, tt.want)
				}
			}
		})
	}
}

func TestCheckLayout(t *testing.T) {
	want := redcap.NewLayout("id", "a", "b")
	same := redcap.NewLayout("id", "a", "b")
	subset := redcap.NewLayout("id", "b")
	other := redcap.NewLayout("id", "zz")
	tests := []struct {
		name    string
		row     redcap.Row
		wantErr bool
		unknown string
	}{
		{"the layout itself", redcap.NewRow(want), false, ""},
		{"an equal layout", redcap.NewRow(same), false, ""},
		{"a layout with fewer columns", redcap.NewRow(subset), true, ""},
		{"an unknown column", redcap.NewRow(other), true, "zz"},
		{"no layout", redcap.Row{}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckLayout(&tt.row, want)
			if (err != nil) != tt.wantErr {
				t.Fatalf("CheckLayout error = %v, want error %v", err, tt.wantErr)
			}
			var u *redcap.UnknownColumnError
			if errors.As(err, &u) != (tt.unknown != "") || (u != nil && u.Column != tt.unknown) {
				t.Errorf("CheckLayout error = %v, want unknown column %q", err, tt.unknown)
			}
		})
	}
}

func TestMergePresent(t *testing.T) {
	l := redcap.NewLayout("id", "a", "b")
	r1, r2 := redcap.NewRow(l), redcap.NewRow(l)
	r1.Set(0, "1")
	r2.Set(2, "")
	acc := MergePresent(MergePresent(nil, &r1), &r2)
	if !acc[0] || acc[1] || !acc[2] {
		t.Errorf("MergePresent = %v, want [true false true]", acc)
	}
}

// TestNextRow checks when NextRow reuses the row in dst's spare capacity and that what it
// returns is always an empty row of the layout.
func TestNextRow(t *testing.T) {
	l := redcap.NewLayout("record_id", "a", "b")
	other := redcap.NewLayout("record_id", "x")
	filled := func(l *redcap.Layout) redcap.Row {
		r := redcap.NewRow(l)
		for i := range r.Values {
			r.Set(i, "v")
		}
		return r
	}
	tests := []struct {
		name  string
		dst   func() []redcap.Row
		reuse bool
	}{
		{"nil slice", func() []redcap.Row { return nil }, false},
		{"no spare capacity", func() []redcap.Row { return []redcap.Row{filled(l)} }, false},
		{"spare row of the layout", func() []redcap.Row { return []redcap.Row{filled(l), filled(l)}[:1] }, true},
		{"spare row of another layout", func() []redcap.Row { return []redcap.Row{filled(l), filled(other)}[:1] }, false},
		{"spare zero row", func() []redcap.Row { return make([]redcap.Row, 1, 2) }, false},
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
	l := redcap.NewLayout("record_id", "a", "b")
	rows := make([]redcap.Row, 0, 4)
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
	l := redcap.NewLayout("record_id", "a", "b")
	row := redcap.NewRow(l)
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
	l := redcap.NewLayout("record_id", "a", "b", "c", "d")
	row := redcap.NewRow(l)
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
