package redcap_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// fileServer answers every request with a file download as REDCap sends it: size bytes of a
// repeating pattern, its name in the Content-Type. cut > 0 drops the connection after cut bytes
// for the first cutTimes answers.
type fileServer struct {
	size     int64
	cut      int64
	cutTimes int32
	requests atomic.Int32
}

// pattern is the file's repeating unit.
var pattern = func() []byte {
	b := make([]byte, 64<<10)
	for i := range b {
		b[i] = byte(i*7 + i>>8)
	}
	return b
}()

func (fs *fileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := fs.requests.Add(1)
	w.Header().Set("Content-Type", `application/octet-stream; name="scan 1 – ß.bin"`)
	w.Header().Set("Content-Length", strconv.FormatInt(fs.size, 10))
	w.WriteHeader(http.StatusOK)
	limit := fs.size
	if fs.cut > 0 && n <= fs.cutTimes {
		limit = fs.cut
	}
	for sent := int64(0); sent < limit; {
		chunk := pattern[:min(int64(len(pattern)), limit-sent)]
		if _, err := w.Write(chunk); err != nil {
			return
		}
		sent += int64(len(chunk))
	}
	if limit < fs.size {
		if hj, ok := w.(http.Hijacker); ok {
			w.(http.Flusher).Flush()
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
			}
		}
	}
}

// fileClient is a client of an httptest server (loopback, so http is allowed).
func fileClient(tb testing.TB, h http.Handler) *redcap.Client {
	tb.Helper()
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	path := filepath.Join(tb.TempDir(), "token")
	if err := os.WriteFile(path, []byte("0123456789ABCDEF0123456789ABCDEF"), 0o600); err != nil {
		tb.Fatal(err)
	}
	c, err := redcap.NewClient(srv.URL+"/api/", redcap.TokenFromFile(path), redcap.WithRetry(2, time.Millisecond))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// patternHash is the SHA-256 of size bytes of the pattern.
func patternHash(size int64) [32]byte {
	h := sha256.New()
	for sent := int64(0); sent < size; {
		chunk := pattern[:min(int64(len(pattern)), size-sent)]
		h.Write(chunk)
		sent += int64(len(chunk))
	}
	return [32]byte(h.Sum(nil))
}

// TestDownloadInterrupted: a connection lost mid-file is not retried (the writer holds part of
// the file); one lost before any byte is.
func TestDownloadInterrupted(t *testing.T) {
	ref := redcap.FileRef{Record: "1", Field: "scan"}
	fs := &fileServer{size: 1 << 20, cut: 100 << 10, cutTimes: 1}
	var buf bytes.Buffer
	_, err := fileClient(t, fs).DownloadFile(context.Background(), ref, &buf)
	if err == nil || fs.requests.Load() != 1 || buf.Len() != 100<<10 {
		t.Errorf("cut after 100 KiB: %v, %d requests, %d bytes written (want an error, one request)", err, fs.requests.Load(), buf.Len())
	}
	var fe *redcap.FileError
	if !errors.As(err, &fe) || fe.Op != "download" {
		t.Errorf("error %T, want *FileError", err)
	}

	fs2 := &dropFirst{next: &fileServer{size: 1 << 20}}
	buf.Reset()
	info, err := fileClient(t, fs2).DownloadFile(context.Background(), ref, &buf)
	if err != nil || fs2.n.Load() != 2 || sha256.Sum256(buf.Bytes()) != patternHash(1<<20) {
		t.Errorf("dropped before the body: %v, %d requests, %d bytes", err, fs2.n.Load(), buf.Len())
	}
	if info.Name != "scan 1 – ß.bin" || info.ContentType != "application/octet-stream" || info.Size != 1<<20 {
		t.Errorf("info %+v", info)
	}
}

// dropFirst closes the first connection without an answer, then serves next.
type dropFirst struct {
	n    atomic.Int32
	next http.Handler
}

func (d *dropFirst) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if d.n.Add(1) == 1 {
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
		return
	}
	d.next.ServeHTTP(w, r)
}

// BenchmarkDownloadFile200MB downloads a 200 MB file through the client into a hash and
// reports the client's peak heap (live heap objects, sampled every millisecond, less the heap
// before the download; the stub server streams from one 64 KiB buffer).
func BenchmarkDownloadFile200MB(b *testing.B) {
	const size = 200 << 20
	c := fileClient(b, &fileServer{size: size})
	want := patternHash(size)
	ref := redcap.FileRef{Record: "1", Field: "scan"}
	b.ReportAllocs()
	b.SetBytes(size)
	var peak uint64
	for b.Loop() {
		runtime.GC()
		base := heapObjects()
		h := sha256.New()
		stop := sampleHeap(&peak, base)
		info, err := c.DownloadFile(context.Background(), ref, h)
		stop()
		if err != nil || info.Size != size || [32]byte(h.Sum(nil)) != want {
			b.Fatalf("download: %+v, %v", info, err)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// heapObjects reads the live and unswept heap objects in bytes.
func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// sampleHeap raises *peak to the heap's growth over base every millisecond until stop.
func sampleHeap(peak *uint64, base uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if h := heapObjects(); h > base && h-base > *peak {
				*peak = h - base
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// patternReader reads the pattern over and over.
type patternReader struct{ off int }

func (p *patternReader) Read(b []byte) (int, error) {
	n := copy(b, pattern[p.off:])
	p.off = (p.off + n) % len(pattern)
	return n, nil
}

// sink answers 200 with an empty body after reading and counting the whole request.
type sink struct{ n atomic.Int64 }

func (s *sink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n, _ := io.Copy(io.Discard, r.Body)
	s.n.Store(n)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
}

// BenchmarkUploadFile200MB uploads a 200 MB file of known size through the client and reports the
// client's peak heap, as BenchmarkDownloadFile200MB does.
func BenchmarkUploadFile200MB(b *testing.B) {
	const size = 200 << 20
	s := &sink{}
	c := fileClient(b, s)
	ref := redcap.FileRef{Record: "1", Field: "scan"}
	b.ReportAllocs()
	b.SetBytes(size)
	var peak uint64
	for b.Loop() {
		runtime.GC()
		base := heapObjects()
		stop := sampleHeap(&peak, base)
		err := c.UploadFile(context.Background(), ref, "scan.bin", io.LimitReader(&patternReader{}, size), redcap.UploadOptions{Size: size})
		stop()
		if err != nil || s.n.Load() < size {
			b.Fatalf("upload: %v (%d bytes arrived)", err, s.n.Load())
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}
