package redcap

import (
	"errors"
	"testing"
)

func TestParseInstance(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 1, true}, {"12", 12, true}, {"007", 7, true},
		{"", 0, false}, {"0", 0, false}, {"-1", 0, false}, {"+1", 0, false},
		{"1.0", 0, false}, {"new", 0, false}, {" 1", 0, false}, {"1234567890", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseInstance(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseInstance(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFirstValueOutside(t *testing.T) {
	l := NewLayout("id", "a", "b", "c", "d")
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
			row := Row{Layout: l, Values: tt.values, Present: make([]bool, 5)}
			got, found := FirstValueOutside(&row, tt.spans...)
			if got != tt.want || found != tt.found {
				t.Errorf("FirstValueOutside = %d, %v; want %d, %v", got, found, tt.want, tt.found)
			}
		})
	}
}

func TestFinishRow(t *testing.T) {
	l := NewLayout("id", "a", "b", "c")
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
			row := NewRow(l)
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
	want := NewLayout("id", "a", "b")
	same := NewLayout("id", "a", "b")
	subset := NewLayout("id", "b")
	other := NewLayout("id", "zz")
	tests := []struct {
		name    string
		row     Row
		wantErr bool
		unknown string
	}{
		{"the layout itself", NewRow(want), false, ""},
		{"an equal layout", NewRow(same), false, ""},
		{"a layout with fewer columns", NewRow(subset), true, ""},
		{"an unknown column", NewRow(other), true, "zz"},
		{"no layout", Row{}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckLayout(&tt.row, want)
			if (err != nil) != tt.wantErr {
				t.Fatalf("CheckLayout error = %v, want error %v", err, tt.wantErr)
			}
			var u *UnknownColumnError
			if errors.As(err, &u) != (tt.unknown != "") || (u != nil && u.Column != tt.unknown) {
				t.Errorf("CheckLayout error = %v, want unknown column %q", err, tt.unknown)
			}
		})
	}
}

func TestMergePresent(t *testing.T) {
	l := NewLayout("id", "a", "b")
	r1, r2 := NewRow(l), NewRow(l)
	r1.Set(0, "1")
	r2.Set(2, "")
	acc := MergePresent(MergePresent(nil, &r1), &r2)
	if !acc[0] || acc[1] || !acc[2] {
		t.Errorf("MergePresent = %v, want [true false true]", acc)
	}
}

func TestRowErrorMessage(t *testing.T) {
	tests := []struct {
		err  RowError
		want string
	}{
		{RowError{Record: "7", Row: 2, Column: "dob", Problem: "bad"}, `redcap: record "7", row 2, column "dob": bad`},
		{RowError{Record: "7", Event: "week_2_arm_2", Instance: "0", Problem: "instance numbers start at 1"},
			`redcap: record "7", event "week_2_arm_2", instance "0": instance numbers start at 1`},
		{RowError{Record: "a", Row: 1, RepeatInstrument: "meds", Instance: "x", Problem: "p"},
			`redcap: record "a", row 1, repeating instrument "meds", instance "x": p`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}
