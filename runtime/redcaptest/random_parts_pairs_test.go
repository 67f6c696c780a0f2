package redcaptest

import (
	"regexp"
	"strings"
	"testing"
)

// TestRandomPairs checks that the random parts of answers compare by shape and by use: a
// captured part pairs with one part of the fake, in every later answer, and never two with one.
func TestRandomPairs(t *testing.T) {
	shape := regexp.MustCompile(`\?s=([a-z]{4})\b|\b([A-Z]{3})\b`)
	type exchange struct{ want, got string }
	tests := []struct {
		name      string
		exchanges []exchange
		fails     string // what the last exchange's disagreement says ("" when all agree)
	}{
		{"same link twice", []exchange{{"u?s=abcd", "u?s=wxyz"}, {"u?s=abcd", "u?s=wxyz"}}, ""},
		{"two records, two links", []exchange{{"u?s=abcd", "u?s=wxyz"}, {"u?s=efgh", "u?s=mnop"}}, ""},
		{"a link that changed", []exchange{{"u?s=abcd", "u?s=wxyz"}, {"u?s=abcd", "u?s=mnop"}}, "was \"wxyz\" before"},
		{"one link for two records", []exchange{{"u?s=abcd", "u?s=wxyz"}, {"u?s=efgh", "u?s=wxyz"}}, "again"},
		{"wrong shape", []exchange{{"u?s=abcd", "u?s=WXYZ1"}}, "0 random parts"},
		{"wrong kind", []exchange{{"u?s=abcd ABC", "XYZ u?s=wxyz"}}, "want the shape"},
		{"codes inside a list", []exchange{{"ABC", "XYZ"}, {`["ABC","u?s=abcd"]`, `["XYZ","u?s=wxyz"]`}}, ""},
		{"loopback port", []exchange{{"http://127.0.0.1:8089/x?s=abcd", "http://127.0.0.1:41234/x?s=wxyz"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rp randomPairs
			d := ""
			for i, ex := range tt.exchanges {
				got := ex.got
				d = rp.match(shape, ex.want, &got)
				if i < len(tt.exchanges)-1 && d != "" {
					t.Fatalf("exchange %d: %s", i, d)
				}
				if d == "" && got != ex.want {
					t.Errorf("exchange %d rewritten to %q, want %q", i, got, ex.want)
				}
			}
			switch {
			case tt.fails == "" && d != "":
				t.Errorf("disagreement %q, want none", d)
			case tt.fails != "" && !strings.Contains(d, tt.fails):
				t.Errorf("disagreement %q, want one saying %q", d, tt.fails)
			}
		})
	}
}
