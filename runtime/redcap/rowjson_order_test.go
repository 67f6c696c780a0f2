package redcap

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadRowsColumnOrder: columns are found whatever their order (ReadRows guesses that the
// next column follows the previous one in the layout and must fall back when it does not).
func TestReadRowsColumnOrder(t *testing.T) {
	l := NewLayout("id", "a", "b", "c", "d")
	tests := []struct {
		name, body string
		want       []string // values by layout position
		wantErr    string
	}{
		{"layout order", `[{"id":"1","a":"x","b":"y","c":"z","d":"w"}]`, []string{"1", "x", "y", "z", "w"}, ""},
		{"gaps", `[{"id":"1","c":"z","d":"w"}]`, []string{"1", "", "", "z", "w"}, ""},
		{"reversed", `[{"d":"w","c":"z","b":"y","a":"x","id":"1"}]`, []string{"1", "x", "y", "z", "w"}, ""},
		{"shuffled", `[{"b":"y","id":"1","d":"w","a":"x"}]`, []string{"1", "x", "y", "", "w"}, ""},
		{"repeat after a jump back", `[{"id":"1","c":"z","a":"x","b":"y","c":"q"}]`, nil, `column "c" appears twice`},
		{"unknown after known", `[{"id":"1","a":"x","e":"?"}]`, nil, `column "e" is not in the generated project`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := ReadRows(strings.NewReader(tt.body), l, func(r *Row) error {
				got = append([]string(nil), r.Values...)
				return nil
			})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("values (-want +got):\n%s", diff)
			}
		})
	}
}
