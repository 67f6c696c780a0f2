package main

import (
	"bufio"
	"crypto/subtle"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"time"

	"github.com/redcapgen/redcapgen/internal/perf/perfdata"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// serveStub is the server process of the client-only stream: a minimal record-export endpoint
// that generates rows on the fly (it answers exactly the two requests redcap.Stream makes: the
// record ID pass and batches by records[]), so a million rows cost the server nothing and the
// client's memory can be measured at any size. Output protocol as serveWide50.
func serveStub(rows int, in io.Reader, out io.Writer) error {
	g, err := wide50Generator()
	if err != nil {
		return fmt.Errorf("stub: %w", err)
	}
	token, err := redcaptest.NewToken()
	if err != nil {
		return fmt.Errorf("stub: %w", err)
	}
	srv := httptest.NewServer(stubHandler(g, token, rows))
	defer srv.Close()
	h := startHeapSampler(5 * time.Millisecond)
	if _, err := fmt.Fprintf(out, "READY %s/api/ %s\n", srv.URL, token); err != nil {
		return fmt.Errorf("stub: %w", err)
	}
	_, _ = io.Copy(io.Discard, in)
	_, err = fmt.Fprintf(out, "HEAP %d %d\n", 0, h.Stop())
	return err
}

// stubHandler answers flat JSON record exports of records 1..rows.
func stubHandler(g *perfdata.Generator, token string, rows int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil || r.PostForm.Get("content") != "record" ||
			subtle.ConstantTimeCompare([]byte(r.PostForm.Get("token")), []byte(token)) != 1 {
			http.Error(w, `{"error":"the stub answers record exports only"}`, http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		bw := bufio.NewWriterSize(w, 64<<10)
		defer bw.Flush()
		var ids []int
		for i := 0; ; i++ {
			v, ok := r.PostForm["records["+strconv.Itoa(i)+"]"]
			if !ok {
				break
			}
			n, err := strconv.Atoi(v[0])
			if err != nil || n < 1 || n > rows {
				continue // REDCap leaves out records that do not exist
			}
			ids = append(ids, n)
		}
		bw.WriteByte('[')
		var b []byte
		if len(ids) == 0 { // the record ID pass
			for n := 1; n <= rows; n++ {
				b = b[:0]
				if n > 1 {
					b = append(b, ',')
				}
				b = append(b, `{"record_id":"`...)
				b = strconv.AppendInt(b, int64(n), 10)
				b = append(b, `"}`...)
				bw.Write(b)
			}
		}
		for i, n := range ids {
			b = b[:0]
			if i > 0 {
				b = append(b, ',')
			}
			bw.Write(g.AppendRow(b, g.Record(n)))
		}
		bw.WriteByte(']')
	})
}
