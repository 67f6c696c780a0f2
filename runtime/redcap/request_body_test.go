package redcap

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestBodyEncodeMatchesURLValues checks that a body built in reused storage is exactly what
// url.Values.Encode gives for the same form, with data escaped from its bytes.
func TestBodyEncodeMatchesURLValues(t *testing.T) {
	tests := []struct {
		name string
		form url.Values
		data string
	}{
		{"plain", url.Values{"content": {"record"}, "token": {"ABC"}}, `[{"record_id":"1"}]`},
		{"every byte class", url.Values{"a b": {"x y", "z"}, "k": {"~-_.!*'()"}}, "[{\"x\":\"é 日本 \\n\\t%&=+/?#\"}]"},
		{"no data", url.Values{"format": {"json"}, "returnContent": {"ids"}}, ""},
		{"data key in form too", url.Values{"data": {"ignored"}, "format": {"json"}}, `[]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := url.Values{}
			for k, v := range tt.form {
				want[k] = v
			}
			var data []byte
			if tt.data != "" {
				data = []byte(tt.data)
				want.Set("data", tt.data)
			}
			var bb bodyBuffer
			for range 2 { // fresh storage, then reused storage
				got := bb.encode(tt.form, data)
				if string(got) != want.Encode() {
					t.Fatalf("body\n got %s\nwant %s", got, want.Encode())
				}
				_ = bb.reader(got).Close()
			}
		})
	}
}

// TestBodyStorageReusedOnlyAfterClose: the storage of a body is written again only once the
// transport has closed it; a body still open keeps its bytes.
func TestBodyStorageReusedOnlyAfterClose(t *testing.T) {
	var bb bodyBuffer
	form := url.Values{"content": {"record"}}
	first := bb.encode(form, []byte(`[{"a":"first"}]`))
	open := bb.reader(first)
	second := bb.encode(form, []byte(`[{"a":"other"}]`))
	if &second[0] == &first[0] {
		t.Fatal("storage reused while the transport may still read the body")
	}
	want := url.Values{"content": {"record"}, "data": {`[{"a":"first"}]`}}.Encode()
	if got, _ := io.ReadAll(open); string(got) != want {
		t.Fatalf("open body changed: %s, want %s", got, want)
	}
	_ = bb.reader(second).Close()
	third := bb.encode(form, []byte(`[{"a":"third"}]`))
	if &third[0] != &second[0] {
		t.Error("storage not reused after the transport closed the body")
	}
}

// holdingTransport keeps every request body unread and open until the test reads them, and
// answers each batch's IDs (read from the data it is sent, so it must read the body first: it
// reads a copy and keeps the original open).
type holdingTransport struct {
	bodies []io.ReadCloser
	copies [][]byte
}

func (h *holdingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	// Read through the body without closing it, as a transport still sending it would hold it.
	b, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	h.copies = append(h.copies, b)
	h.bodies = append(h.bodies, req.Body)
	form, err := url.ParseQuery(string(b))
	if err != nil {
		return nil, err
	}
	var rows []map[string]string
	if err := json.Unmarshal([]byte(form.Get("data")), &rows); err != nil {
		return nil, err
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r["record_id"]
	}
	answer, _ := json.Marshal(ids)
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(bytes.NewReader(answer)), Request: req}, nil
}

// TestImportBodiesIntactWhileOpen sends three batches through a transport that never closes the
// request bodies: each body must still hold what was sent when the import is over (nothing was
// written into storage the transport had not released).
func TestImportBodiesIntactWhileOpen(t *testing.T) {
	h := &holdingTransport{}
	c, err := NewClient("https://redcap.example.org/api/", TokenFromGetenv("T", func(string) string { return strings.Repeat("A", 32) }),
		WithHTTPClient(&http.Client{Transport: h}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import(context.Background(), c, records("a", "b", "c", "d", "e"), ImportOptions{BatchSize: 2}); err != nil {
		t.Fatal(err)
	}
	if len(h.bodies) != 3 {
		t.Fatalf("%d requests, want 3", len(h.bodies))
	}
	for i, body := range h.bodies {
		rb, ok := body.(*requestBody)
		if !ok {
			t.Fatalf("request %d: body is %T", i+1, body)
		}
		rb.Seek(0, io.SeekStart)
		now, _ := io.ReadAll(rb)
		if !bytes.Equal(now, h.copies[i]) {
			t.Errorf("request %d: body changed after it was sent:\n was %s\n now %s", i+1, h.copies[i], now)
		}
	}
}

// TestStandardTransportReleasesBodies: net/http's transport closes an import's body once sent,
// so the next batch is built in the same storage.
func TestStandardTransportReleasesBodies(t *testing.T) {
	c := newFakeREDCap(t).start()
	var bb bodyBuffer
	var first *byte
	for i, id := range []string{"a", "b"} {
		data := []byte(`[{"record_id":"` + id + `","name":"n"}]`)
		if _, err := c.importRecords(context.Background(), data, ImportRequest{}, &bb); err != nil {
			t.Fatalf("import %d: %v", i+1, err)
		}
		if i == 0 {
			first = &bb.buf[0]
			deadline := time.Now().Add(5 * time.Second)
			for !bb.free() && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
			if !bb.free() {
				t.Fatal("the transport did not close the request body")
			}
		}
	}
	if &bb.buf[0] != first {
		t.Error("the second import did not reuse the first one's storage")
	}
}

// TestImportSendsContentLength: an import body announces its length (no chunked encoding, which
// some servers in front of REDCap refuse).
func TestImportSendsContentLength(t *testing.T) {
	var gotLength int64
	var gotChunked bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotLength, gotChunked = r.ContentLength, len(r.TransferEncoding) > 0
		b, _ := io.ReadAll(r.Body)
		if int64(len(b)) != r.ContentLength {
			t.Errorf("read %d bytes, announced %d", len(b), r.ContentLength)
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `["a"]`)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL+"/api/", TokenFromGetenv("T", func(string) string { return strings.Repeat("A", 32) }))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ImportRecordsRaw(context.Background(), []byte(`[{"record_id":"a"}]`), ImportRequest{}); err != nil {
		t.Fatal(err)
	}
	if gotLength <= 0 || gotChunked {
		t.Errorf("Content-Length %d, chunked %v", gotLength, gotChunked)
	}
}
