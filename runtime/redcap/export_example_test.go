package redcap_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// ReadRecords decodes a saved flat JSON export without a server. A row that does not fit the
// generated project is never dropped: decoding stops with a *RowError naming the record, the row
// and the problem (never a value).
func ExampleRowError() {
	body := `[
		{"record_id":"1","first_name":"Ada","sex":"0"},
		{"record_id":"1","first_name":"Ada","sex":"1"}
	]`
	err := redcap.ReadRecords[study.Record](strings.NewReader(body), func(rec *study.Record) error {
		fmt.Println("record", rec.ID)
		return nil
	})
	var rowErr *redcap.RowError
	if errors.As(err, &rowErr) {
		fmt.Printf("record %s, row %d: %s\n", rowErr.Record, rowErr.Row, rowErr.Problem)
	}
	// Output:
	// record 1, row 2: a second row for the same non-repeating instruments
}

// ReadRows reads REDCap's flat JSON one row at a time against a layout of columns, and WriteRows
// writes rows back byte for byte: REDCap's escaping ("\/", \uXXXX) and its numeric
// redcap_repeat_instance included. A generated package's Schema().Layout is the layout of its
// project; NewLayout makes one for any list of columns.
func ExampleReadRows() {
	body := `[{"record_id":"1","redcap_repeat_instrument":"meds","redcap_repeat_instance":2,"med":"Aspirin 100mg\/day","note":"caf\u00e9"}]`
	layout := redcap.NewLayout("record_id", "redcap_repeat_instrument", "redcap_repeat_instance", "med", "note")
	var rows []redcap.Row
	err := redcap.ReadRows(strings.NewReader(body), layout, func(r *redcap.Row) error {
		// r is reused for the next row: keep a copy.
		rows = append(rows, redcap.Row{Layout: r.Layout, Values: slices.Clone(r.Values), Present: slices.Clone(r.Present)})
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q %q %q\n", rows[0].Get(2), rows[0].Get(3), rows[0].Get(4))
	var out bytes.Buffer
	if err := redcap.WriteRows(&out, rows); err != nil {
		log.Fatal(err)
	}
	fmt.Println(out.String() == body)
	// Output:
	// "2" "Aspirin 100mg/day" "café"
	// true
}
