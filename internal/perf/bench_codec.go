package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/redcapgen/redcapgen/internal/perf/regression"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// importBatchSize is the records per encoded body, as redcap.Import sends them by default.
const importBatchSize = redcap.DefaultBatchSize

// benchDecodeTyped decodes the whole export into generated records (redcap.ReadRecords: the
// streaming reader and the generated DecodeRows, the path redcap.Stream uses per batch).
func (fx *codecFixture) benchDecodeTyped(b *testing.B) {
	fx.drop()
	b.SetBytes(int64(len(fx.body)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := redcap.ReadRecords(bytes.NewReader(fx.body), func(*regression.Record) error { n++; return nil })
		if err != nil || n != fx.records {
			b.Fatalf("decoded %d records: %v", n, err)
		}
	}
}

// benchDecodeReused decodes the whole export into one recycled record (redcap.ReadRecordsInto:
// the path of Stream with ExportOptions.ReuseRecord), so per record only the values' text is
// allocated.
func (fx *codecFixture) benchDecodeReused(b *testing.B) {
	fx.drop()
	b.SetBytes(int64(len(fx.body)))
	b.ReportAllocs()
	var rec regression.Record
	for b.Loop() {
		n := 0
		err := redcap.ReadRecordsInto(bytes.NewReader(fx.body), &rec, func(*regression.Record) error { n++; return nil })
		if err != nil || n != fx.records {
			b.Fatalf("decoded %d records: %v", n, err)
		}
	}
}

// benchDecodeMaps is the baseline: encoding/json into []map[string]string, same bytes.
func (fx *codecFixture) benchDecodeMaps(b *testing.B) {
	fx.drop()
	b.SetBytes(int64(len(fx.body)))
	b.ReportAllocs()
	for b.Loop() {
		var rows []map[string]string
		if err := json.Unmarshal(fx.body, &rows); err != nil || len(rows) != fx.records {
			b.Fatalf("decoded %d rows: %v", len(rows), err)
		}
	}
}

// benchJSONValid is the floor: json.Valid over the same bytes.
func (fx *codecFixture) benchJSONValid(b *testing.B) {
	b.SetBytes(int64(len(fx.body)))
	b.ReportAllocs()
	for b.Loop() {
		if !json.Valid(fx.body) {
			b.Fatal("fixture is not valid JSON")
		}
	}
}

// benchEncodeTyped encodes every record for import as redcap.Import does: per batch, the
// generated EncodeRows into the rows of the batch before (their storage reused), then
// redcap.WriteRows into one request body.
func (fx *codecFixture) benchEncodeTyped(b *testing.B) {
	fx.maps = nil
	if err := fx.withTyped(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(fx.body)))
	b.ReportAllocs()
	var body bytes.Buffer
	var rows []redcap.Row
	for b.Loop() {
		for start := 0; start < len(fx.typed); start += importBatchSize {
			batch := fx.typed[start:min(start+importBatchSize, len(fx.typed))]
			rows = rows[:0]
			for i := range batch {
				var err error
				if rows, err = batch[i].EncodeRows(rows); err != nil {
					b.Fatal(err)
				}
			}
			body.Reset()
			if err := redcap.WriteRows(&body, rows); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// benchEncodeMaps is the baseline: json.Marshal of the maps, in the same batches.
func (fx *codecFixture) benchEncodeMaps(b *testing.B) {
	fx.typed = nil
	if err := fx.withMaps(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(fx.body)))
	b.ReportAllocs()
	for b.Loop() {
		for start := 0; start < len(fx.maps); start += importBatchSize {
			out, err := json.Marshal(fx.maps[start:min(start+importBatchSize, len(fx.maps))])
			if err != nil {
				b.Fatal(err)
			}
			_, _ = io.Discard.Write(out)
		}
	}
}

// benchValidate runs every record through its generated Validate, reusing one Validator
// (Reset between records). Every generated value is valid; what is reported comes from the
// forms the export did not carry (see validationWarnings), and nothing should be allocated.
func (fx *codecFixture) benchValidate(b *testing.B) {
	fx.maps = nil
	if err := fx.withTyped(); err != nil {
		b.Fatal(err)
	}
	v := redcap.NewValidator(regression.Schema(), redcap.ValidatorOptions{Now: time.Date(2026, time.January, 15, 12, 0, 0, 0, time.UTC)})
	b.SetBytes(int64(len(fx.body)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range fx.typed {
			v.Reset()
			fx.typed[i].Validate(v)
			if err := v.Err(); err != nil {
				b.Fatalf("record %d: %v", i+1, err)
			}
		}
	}
}

// benchImport runs redcap.Import over every record, the path a user runs, batch by batch: the
// generated EncodeRows, redcap.WriteRows, the urlencoded request body and its sending, to a
// transport that reads each body and answers the IDs of the batch as REDCap would (no server in
// this process to count). With preflight, every batch is validated first, as by default.
func (fx *codecFixture) benchImport(b *testing.B, preflight bool) {
	fx.maps = nil
	if err := fx.withTyped(); err != nil {
		b.Fatal(err)
	}
	t, err := newIDsTransport(fx.typed, importBatchSize)
	if err != nil {
		b.Fatal(err)
	}
	client, err := redcap.NewClient("https://redcap.invalid/api/", redcap.TokenFromGetenv("PERF_TOKEN", func(string) string { return perfToken }),
		redcap.WithHTTPClient(&http.Client{Transport: t}))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(fx.body)))
	b.ReportAllocs()
	for b.Loop() {
		t.next = 0
		res, err := redcap.Import(b.Context(), client, fx.typed, redcap.ImportOptions{SkipPreflight: !preflight})
		if err != nil {
			b.Fatal(err)
		}
		if got := len(res.Batches); got != t.next {
			b.Fatalf("%d batches, %d sent", got, t.next)
		}
	}
}
