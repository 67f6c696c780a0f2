package redcap

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// syntheticExport builds a flat JSON export of rows × cols with REDCap-like values.
func syntheticExport(rows, cols int) ([]byte, *Layout) {
	names := make([]string, cols)
	names[0] = "record_id"
	for i := 1; i < cols; i++ {
		names[i] = fmt.Sprintf("field_%03d", i)
	}
	var b bytes.Buffer
	b.WriteByte('[')
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		for c, n := range names {
			if c > 0 {
				b.WriteByte(',')
			}
			var v string
			switch {
			case c == 0:
				v = fmt.Sprint(r + 1)
			case c%5 == 0:
				v = ""
			case c%7 == 0:
				v = "2024-03-05 14:30"
			case c%11 == 0:
				v = `Line one\nLine \"two\", caf\u00e9`
			default:
				v = fmt.Sprint(c % 3)
			}
			fmt.Fprintf(&b, `"%s":"%s"`, n, v)
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
	return b.Bytes(), NewLayout(names...)
}

func BenchmarkReadRows(b *testing.B) {
	body, l := syntheticExport(2000, 60)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := ReadRows(bytes.NewReader(body), l, func(*Row) error { n++; return nil }); err != nil || n != 2000 {
			b.Fatal(err, n)
		}
	}
}

func BenchmarkEncodingJSONMaps(b *testing.B) {
	body, _ := syntheticExport(2000, 60)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var rows []map[string]string
		if err := json.Unmarshal(body, &rows); err != nil || len(rows) != 2000 {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteRows(b *testing.B) {
	body, l := syntheticExport(2000, 60)
	rows, err := readAll(b, bytes.NewReader(body), l)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := WriteRows(&out, rows); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSyntheticExportIsValid keeps the benchmark's input honest.
func TestSyntheticExportIsValid(t *testing.T) {
	body, l := syntheticExport(3, 12)
	var ref []map[string]string
	if err := json.Unmarshal(body, &ref); err != nil {
		t.Fatal(err)
	}
	rows, err := readAll(t, bytes.NewReader(body), l)
	if err != nil {
		t.Fatal(err)
	}
	idx, _ := l.Index("field_011")
	if rows[2].Get(idx) != ref[2]["field_011"] || !strings.Contains(rows[2].Get(idx), "café") {
		t.Fatalf("got %q want %q", rows[2].Get(idx), ref[2]["field_011"])
	}
}
