package redcaptest

import (
	"fmt"
	"strings"
	"testing"
)

// TestImportLargerThanTenMB sends imports beyond net/http's 10 MB form limit: the fake reads them
// whole and stores every record, as REDCap does, and never answers with a token error. The token
// comes last in the body, where a parser that stops at 10 MB would not see it.
func TestImportLargerThanTenMB(t *testing.T) {
	for _, size := range []int{11 << 20, 50 << 20} {
		t.Run(fmt.Sprintf("%dMB", size>>20), func(t *testing.T) {
			s := newDemo(t)
			const records = 40
			padding := strings.Repeat("x", size)
			var b strings.Builder
			b.WriteString("record_id,dob\n")
			for i := 1; i <= records; i++ {
				fmt.Fprintf(&b, "%d,%s\n", i, "2020-01-01")
			}
			// A long parameter REDCap ignores takes the body past the size, before the token.
			status, _, body := postOrdered(t, s, [][2]string{
				{"padding", padding},
				{"content", "record"}, {"action", "import"}, {"format", "csv"}, {"returnFormat", "json"},
				{"data", b.String()},
				{"token", s.Token()},
			})
			if status != 200 || body != `{"count": 40}` {
				t.Fatalf("status %d, body %.200q", status, body)
			}
			if got := len(s.Records()); got != records {
				t.Errorf("%d records stored, want %d", got, records)
			}
		})
	}
}
