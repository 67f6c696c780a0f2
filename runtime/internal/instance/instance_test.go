package instance

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 1, true}, {"12", 12, true}, {"007", 7, true}, {"999999999", 999999999, true},
		{"", 0, false}, {"0", 0, false}, {"-1", 0, false}, {"+1", 0, false},
		{"1.0", 0, false}, {"new", 0, false}, {" 1", 0, false}, {"1234567890", 0, false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormat(t *testing.T) {
	for n, want := range map[int]string{New: "new", 1: "1", 12: "12"} {
		if got := Format(n); got != want {
			t.Errorf("Format(%d) = %q, want %q", n, got, want)
		}
	}
}
