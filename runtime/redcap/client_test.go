package redcap

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestNewClientURL(t *testing.T) {
	ts := testTokenSource(t, testTokenText)
	tests := []struct {
		in, want, err string
	}{
		{"https://redcap.example.edu/api/", "https://redcap.example.edu/api/", ""},
		{"https://redcap.example.edu/api", "https://redcap.example.edu/api/", ""},
		{"https://redcap.example.edu", "https://redcap.example.edu/api/", ""},
		{"https://redcap.example.edu/redcap/api", "https://redcap.example.edu/redcap/api/", ""},
		{"https://redcap.example.edu/redcap_v15.7.6/API/", "https://redcap.example.edu/redcap_v15.7.6/API/", ""},
		{"http://127.0.0.1:8080/api/", "http://127.0.0.1:8080/api/", ""},
		{"http://127.3.4.5/api", "http://127.3.4.5/api/", ""},
		{"http://[::1]:9/api/", "http://[::1]:9/api/", ""},
		{"http://localhost/api/", "http://localhost/api/", ""},
		{"http://redcap.example.edu/api/", "", "use https"},
		{"http://10.0.0.1/api/", "", "use https"},
		{"ftp://redcap.example.edu/api/", "", `scheme "ftp"`},
		{"https://redcap.example.edu/api/?token=" + testTokenText, "", "must not carry user info, a query"},
		{"https://user:" + testTokenText + "@redcap.example.edu/api/", "", "must not carry user info"},
		{"https:///api/", "", "has no host"},
		{"://", "", "does not parse"},
	}
	for i, tt := range tests {
		// Name subtests by index: some inputs hold a token, and test names are printed.
		t.Run(fmt.Sprintf("url%d", i), func(t *testing.T) {
			c, err := NewClient(tt.in, ts)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				assertNoToken(t, err.Error())
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.URL() != tt.want {
				t.Fatalf("URL %q, want %q", c.URL(), tt.want)
			}
		})
	}
	if _, err := NewClient("https://x.org/api/", nil); err == nil {
		t.Fatal("nil token source accepted")
	}
	if _, err := NewClient("https://x.org/api/", func() (Token, error) { return Token{}, nil }); err == nil {
		t.Fatal("empty token accepted")
	}
}

func TestTokenOnlyInPostBody(t *testing.T) {
	var seen atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.Add(1)
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
			t.Errorf("method %s content type %q", r.Method, r.Header.Get("Content-Type"))
		}
		if r.Header.Get("User-Agent") != "study-sync/1" {
			t.Errorf("user agent %q", r.Header.Get("User-Agent"))
		}
		var hdr bytes.Buffer
		r.Header.Write(&hdr)
		assertNoToken(t, r.URL.String()+hdr.String())
		body, _ := io.ReadAll(r.Body)
		if !strings.Contains(string(body), "token="+testTokenText) {
			t.Errorf("token not in body")
		}
		io.WriteString(w, "15.7.6\n")
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL+"/api", testTokenSource(t, testTokenText), WithUserAgent("study-sync/1"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := c.Version(context.Background())
	if err != nil || v != "15.7.6" || seen.Load() != 1 {
		t.Fatalf("version %q err %v", v, err)
	}
}

// flakyServer fails the first fails requests in the given way, then answers body.
func flakyServer(t *testing.T, fails int, how string, body string) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) // lets the server notice a client that hangs up
		if int(n.Add(1)) <= fails {
			switch how {
			case "503":
				w.WriteHeader(http.StatusServiceUnavailable)
				io.WriteString(w, "<html><body><h1>Service Unavailable</h1></body></html>")
			case "drop":
				conn, _, err := w.(http.Hijacker).Hijack()
				if err == nil {
					conn.Close()
				}
			case "slow": // until the client gives up
				select {
				case <-r.Context().Done():
				case <-time.After(10 * time.Second):
				}
			}
			return
		}
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestReadsRetried(t *testing.T) {
	tests := []struct {
		name  string
		how   string
		fails int
		retry int
		ok    bool
		is    error
	}{
		{"503 then success", "503", 2, 2, true, nil},
		{"503 beyond retries", "503", 3, 2, false, ErrServer},
		{"dropped connection then success", "drop", 1, 1, true, nil},
		{"timeout then success", "slow", 1, 1, true, nil},
		{"no retry configured", "503", 1, 0, false, ErrServer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := flakyServer(t, tt.fails, tt.how, `[{"instrument_name":"a","instrument_label":"A"}]`)
			hc := &http.Client{Timeout: 250 * time.Millisecond}
			c, err := NewClient(srv.URL+"/api/", testTokenSource(t, testTokenText), WithRetry(tt.retry, time.Millisecond), WithHTTPClient(hc))
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.Instruments(context.Background())
			if tt.ok {
				if err != nil || len(got) != 1 || got[0].Name != "a" {
					t.Fatalf("got %v err %v", got, err)
				}
			} else if err == nil || !errors.Is(err, tt.is) {
				t.Fatalf("err %v, want %v", err, tt.is)
			}
			if want := min(tt.fails, tt.retry) + 1; int(n.Load()) != want {
				t.Fatalf("server saw %d requests, want %d", n.Load(), want)
			}
		})
	}
}

func TestRetryHonoursContext(t *testing.T) {
	srv, n := flakyServer(t, 100, "503", "")
	c, err := NewClient(srv.URL, testTokenSource(t, testTokenText), WithRetry(10, time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.Version(ctx)
	if err == nil || !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, ErrServer) || time.Since(start) > 5*time.Second {
		t.Fatalf("err %v after %v", err, time.Since(start))
	}
	if n.Load() != 1 {
		t.Fatalf("server saw %d requests", n.Load())
	}
}

func TestDeleteNeverRetried(t *testing.T) {
	srv, n := flakyServer(t, 5, "drop", "1")
	c, err := NewClient(srv.URL, testTokenSource(t, testTokenText), WithRetry(5, 0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteRecords(context.Background(), []string{"1"}, DeleteOptions{}); err == nil || n.Load() != 1 {
		t.Fatalf("err %v, requests %d", err, n.Load())
	}
}

func TestRedirectNotFollowed(t *testing.T) {
	var other atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { other.Add(1) }))
	defer target.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/api/?x=1", http.StatusTemporaryRedirect)
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL, testTokenSource(t, testTokenText), WithHTTPClient(&http.Client{}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Version(context.Background())
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != http.StatusTemporaryRedirect || other.Load() != 0 {
		t.Fatalf("err %v; redirect target hit %d times", err, other.Load())
	}
	if strings.Contains(err.Error(), "x=1") || !strings.Contains(err.Error(), target.URL+"/api/") {
		t.Fatalf("redirect message: %v", err)
	}
}

func TestLogLines(t *testing.T) {
	f := newFakeREDCap(t, "1", "2")
	var buf bytes.Buffer
	c := f.start(WithLogger(slog.New(slog.NewTextHandler(&buf, nil))))
	if _, err := ExportAll[testRecord](context.Background(), c, ExportOptions{BatchSize: 1}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("want one line per request (3), got:\n%s", buf.String())
	}
	for _, want := range []string{"content=record", "action=export", "batch=2", "status=200", "bytes=", "duration="} {
		if !strings.Contains(lines[2], want) {
			t.Errorf("log line lacks %q: %s", want, lines[2])
		}
	}
	if strings.Contains(buf.String(), "name 1") {
		t.Errorf("a record value was logged: %s", buf.String())
	}
}

// TestIsTransient pins which transport errors reads retry.
func TestIsTransient(t *testing.T) {
	ctx := context.Background()
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		err  error
		want bool
	}{
		{"unexpected EOF", ctx, io.ErrUnexpectedEOF, true},
		{"timeout", ctx, &net.OpError{Op: "read", Err: timeoutErr{}}, true},
		{"caller canceled", canceled, io.ErrUnexpectedEOF, false},
		{"other", ctx, errors.New("tls: bad certificate"), false},
	}
	for _, tt := range tests {
		if got := isTransient(tt.ctx, tt.err); got != tt.want {
			t.Errorf("%s: got %v", tt.name, got)
		}
	}
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestBackoff(t *testing.T) {
	tests := []struct {
		base    time.Duration
		attempt int
		lo, hi  time.Duration
	}{
		{0, 3, 0, 0},
		{100 * time.Millisecond, 0, 50 * time.Millisecond, 100 * time.Millisecond},
		{100 * time.Millisecond, 2, 200 * time.Millisecond, 400 * time.Millisecond},
		{time.Second, 40, maxBackoff / 2, maxBackoff},
		{time.Duration(1) << 62, 5, maxBackoff / 2, maxBackoff},
	}
	for _, tt := range tests {
		for range 20 {
			if d := backoff(tt.base, tt.attempt); d < tt.lo || d > tt.hi {
				t.Fatalf("backoff(%v, %d) = %v, want %v..%v", tt.base, tt.attempt, d, tt.lo, tt.hi)
			}
		}
	}
}
