package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/redcapgen/redcapgen/internal/perf/regression"
)

// perfToken is the token of the in-process benchmark transports (never a real one).
const perfToken = "0123456789ABCDEF0123456789ABCDEF"

// idsTransport answers record imports as REDCap does with returnContent=ids: the IDs of the
// batch, the n-th request getting the n-th batch's. It reads every request body whole, like a
// server, and allocates nothing per request but its answer.
type idsTransport struct {
	answers [][]byte
	next    int
}

// newIDsTransport prepares the answers for records sent in batches of size.
func newIDsTransport(records []regression.Record, size int) (*idsTransport, error) {
	t := &idsTransport{}
	for start := 0; start < len(records); start += size {
		var ids []string
		for i := start; i < min(start+size, len(records)); i++ {
			ids = append(ids, records[i].RecordID())
		}
		b, err := json.Marshal(ids)
		if err != nil {
			return nil, err
		}
		t.answers = append(t.answers, b)
	}
	return t, nil
}

// RoundTrip reads the request body and answers the next batch's IDs.
func (t *idsTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		if _, err := io.Copy(io.Discard, req.Body); err != nil {
			return nil, err
		}
		req.Body.Close()
	}
	if t.next >= len(t.answers) {
		return nil, fmt.Errorf("ids transport: request %d, only %d batches", t.next+1, len(t.answers))
	}
	body := t.answers[t.next]
	t.next++
	return &http.Response{
		StatusCode:    http.StatusOK,
		Header:        http.Header{"Content-Type": {"application/json; charset=utf-8"}},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
		Proto:         "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Status: strconv.Itoa(http.StatusOK) + " OK",
	}, nil
}
