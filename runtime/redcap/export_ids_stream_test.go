package redcap

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// idPassBody generates an ID-pass answer of a longitudinal project as it is read, without
// holding it: rowsPer rows per record, records records. After failAfter bytes (when > 0) it
// fails like a dropped connection.
type idPassBody struct {
	records, rowsPer int
	failAfter        int64
	next             int    // the next row
	buf              []byte // the current row's text, reused
	pending          []byte // what is left of buf to read
	sent             int64
	closed           bool
}

func (b *idPassBody) Read(p []byte) (int, error) {
	if b.failAfter > 0 && b.sent >= b.failAfter {
		return 0, io.ErrUnexpectedEOF
	}
	for len(b.pending) == 0 {
		total := b.records * b.rowsPer
		switch {
		case b.next > total:
			return 0, io.EOF
		case b.next == total:
			b.buf = append(b.buf[:0], ']')
		default:
			sep := ","
			if b.next == 0 {
				sep = "["
			}
			b.buf = append(append(b.buf[:0], sep...), `{"record_id":"`...)
			at := len(b.buf) // the ID is written with a leading 1 that is then dropped: 0000042
			b.buf = strconv.AppendInt(b.buf, int64(10_000_000+b.next/b.rowsPer+1), 10)
			b.buf = append(append(b.buf[:at], b.buf[at+1:]...), `","redcap_event_name":"visit_`...)
			b.buf = strconv.AppendInt(b.buf, int64(b.next%b.rowsPer+1), 10)
			b.buf = append(b.buf, `_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":""}`...)
		}
		b.pending = b.buf
		b.next++
	}
	n := copy(p, b.pending)
	if b.failAfter > 0 {
		n = int(min(int64(n), b.failAfter-b.sent))
	}
	b.pending = b.pending[n:]
	b.sent += int64(n)
	return n, nil
}

func (b *idPassBody) Close() error { b.closed = true; return nil }

// size is the body's length in bytes, counted by reading a copy of it.
func (b idPassBody) size(t *testing.T) int64 {
	b.failAfter = 0
	n, err := io.Copy(io.Discard, &b)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// idPassTransport answers every request with the body the bodies function makes for attempt n
// (0-based), and counts requests.
type idPassTransport struct {
	bodies   func(n int) io.ReadCloser
	requests int
}

func (tr *idPassTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
	body := tr.bodies(tr.requests)
	tr.requests++
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Body: body, Request: req}, nil
}

// idPassSchema is a longitudinal project with a repeating form: the columns of its ID pass.
func idPassSchema() *Schema {
	return &Schema{RecordIDField: "record_id",
		Layout: NewLayout("record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance")}
}

func idPassClient(t *testing.T, tr *idPassTransport, retries int) *Client {
	t.Helper()
	c, err := NewClient("https://redcap.example.edu/api/", testTokenSource(t, testTokenText),
		WithHTTPClient(&http.Client{Transport: tr}), WithRetry(retries, 0))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestExportRecordIDsDoesNotHoldTheBody checks that the ID pass reads its answer as it arrives:
// the bytes allocated are far below the answer's size (reading it whole allocates at least it).
func TestExportRecordIDsDoesNotHoldTheBody(t *testing.T) {
	const records, rowsPer = 50_000, 4
	tr := &idPassTransport{bodies: func(int) io.ReadCloser { return &idPassBody{records: records, rowsPer: rowsPer} }}
	c := idPassClient(t, tr, 0)
	size := (idPassBody{records: records, rowsPer: rowsPer}).size(t)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ids, err := exportRecordIDs(context.Background(), c, idPassSchema(), ExportOptions{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if ids.Len() != records || ids.At(0) != "0000001" || ids.At(records-1) != fmt.Sprintf("%07d", records) {
		t.Fatalf("got %d IDs (%q .. %q), want %d", ids.Len(), ids.At(0), ids.At(ids.Len()-1), records)
	}
	allocated := int64(after.TotalAlloc - before.TotalAlloc)
	t.Logf("answer %d bytes, allocated %d bytes (%.2fx)", size, allocated, float64(allocated)/float64(size))
	if allocated > size/2 {
		t.Fatalf("the ID pass allocated %d bytes for a %d-byte answer: it holds the answer", allocated, size)
	}
}

// TestExportRecordIDsRetriesAFailedStream checks that a body cut by the transport sends the
// whole ID pass again (bounded by the retries) and that bad data is not retried.
func TestExportRecordIDsRetriesAFailedStream(t *testing.T) {
	const records, rowsPer = 3_000, 2
	good := func() io.ReadCloser { return &idPassBody{records: records, rowsPer: rowsPer} }
	cut := func() io.ReadCloser { return &idPassBody{records: records, rowsPer: rowsPer, failAfter: 70_000} }
	tests := []struct {
		name         string
		bodies       func(n int) io.ReadCloser
		retries      int
		wantRequests int
		wantErr      string // "" for success
	}{
		{"cut once, then whole", func(n int) io.ReadCloser {
			if n == 0 {
				return cut()
			}
			return good()
		}, 2, 2, ""},
		{"cut every time: bounded", func(int) io.ReadCloser { return cut() }, 2, 3, "unexpected EOF"},
		{"no retries configured", func(int) io.ReadCloser { return cut() }, 0, 1, "unexpected EOF"},
		{"bad data is not retried", func(int) io.ReadCloser {
			return io.NopCloser(strings.NewReader(`[{"record_id":"1"},{"record_id":""}]`))
		}, 2, 1, "row without a record ID (record_id)"},
		{"bad JSON is not retried", func(int) io.ReadCloser {
			return io.NopCloser(strings.NewReader(`[{"record_id":"1"`))
		}, 2, 1, "unexpected end of the export"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &idPassTransport{bodies: tt.bodies}
			ids, err := exportRecordIDs(context.Background(), idPassClient(t, tr, tt.retries), idPassSchema(), ExportOptions{})
			if tr.requests != tt.wantRequests {
				t.Errorf("%d requests, want %d", tr.requests, tt.wantRequests)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), testTokenText) {
					t.Fatalf("the error leaks the token: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ids.Len() != records || ids.At(records-1) != fmt.Sprintf("%07d", records) {
				t.Fatalf("got %d IDs, want %d (the retried pass must restart the list)", ids.Len(), records)
			}
		})
	}
}
