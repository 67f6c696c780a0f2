package main

import (
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// silentServer accepts connections on a loopback port and never answers; it returns the API URL.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c) // held open, never read or answered
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + ln.Addr().String() + "/api/"
}

// TestURLTimeout runs generation and -check against a server that never answers: each must stop
// once -timeout has passed, saying so, and write nothing. Generation exits 1; -check exits 2, its
// status for a check that could not be made.
func TestURLTimeout(t *testing.T) {
	env := map[string]string{"REDCAP_API_TOKEN": strings.Repeat("A1", 16)}
	for _, mode := range [][]string{nil, {"-check"}} {
		t.Run("mode"+strings.Join(mode, ""), func(t *testing.T) {
			out := t.TempDir()
			args := append(append([]string{}, mode...), "-url", silentServer(t), "-token-env", "REDCAP_API_TOKEN", "-package", "study", "-out", out, "-timeout", "300ms")
			type result struct {
				code   int
				stderr string
			}
			finished := make(chan result, 1)
			go func() {
				code, _, stderr := runCLI(t, env, args...)
				finished <- result{code, stderr}
			}()
			select {
			case r := <-finished:
				want := exitFail
				if len(mode) > 0 {
					want = exitUsage
				}
				if r.code != want || !strings.Contains(r.stderr, "did not answer within 300ms") {
					t.Errorf("exit %d, want %d; stderr:\n%s", r.code, want, r.stderr)
				}
				if strings.Contains(r.stderr, env["REDCAP_API_TOKEN"]) {
					t.Errorf("the token was printed")
				}
			case <-time.After(time.Minute):
				t.Fatal("redcapgen still waiting a minute after a 300ms -timeout")
			}
			if files := treeContents(t, out); len(files) != 0 {
				t.Errorf("files written: %v", files)
			}
		})
	}
}

// TestTimeoutFlag checks the flag's default and refusals.
func TestTimeoutFlag(t *testing.T) {
	o, err := parseFlags([]string{"-dict", "a.csv", "-package", "p"}, new(strings.Builder))
	if err != nil || o.timeout != defaultTimeout {
		t.Errorf("default -timeout %v (err %v), want %v", o.timeout, err, defaultTimeout)
	}
	code, _, stderr := runCLI(t, nil, "-dict", "a.csv", "-package", "p", "-timeout", "-1s")
	if code != exitUsage || !strings.Contains(stderr, "-timeout must not be negative") {
		t.Errorf("negative -timeout: exit %d, stderr %q", code, stderr)
	}
}
