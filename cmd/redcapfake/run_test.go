package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

const dict = `field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation
record_id,main,,text,Record ID,,,,,,,,,,,,,
age,main,,text,Age,,,integer,,,,,,,,,,
`

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestRunUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no dict", nil, "-dict is required"},
		{"extra argument", []string{"-dict", "x.csv", "extra"}, "no arguments"},
		{"unknown flag", []string{"-token", "abc"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), tt.args, &stdout, &stderr, env(nil)); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.want)
			}
		})
	}
}

func TestRunRefusesWithoutToken(t *testing.T) {
	d := writeFile(t, "study.csv", dict)
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"neither env nor file", nil, "no token"},
		{"bad env token", map[string]string{"REDCAP_API_TOKEN": "secret-token"}, "32 hexadecimal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), []string{"-dict", d, "-addr", "127.0.0.1:0"}, &stdout, &stderr, env(tt.env)); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.want)
			}
			if strings.Contains(stderr.String(), "secret-token") {
				t.Errorf("stderr shows the token")
			}
		})
	}
}

// TestRunServesAndStops runs the fake with a generated token written to -token-file and preloaded
// data, calls it, then cancels the context and expects a clean exit.
func TestRunServesAndStops(t *testing.T) {
	d := writeFile(t, "study.csv", dict)
	data := writeFile(t, "data.json", `[{"record_id":"1","age":"42"}]`)
	tokenFile := filepath.Join(t.TempDir(), "token")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-dict", d, "-addr", "127.0.0.1:0", "-data", data, "-token-file", tokenFile}, stdout, stderr, env(nil))
	}()
	apiURL := waitForURL(t, stdout, done)
	tokBytes, err := os.ReadFile(tokenFile)
	if err != nil {
		t.Fatalf("token file: %v", err)
	}
	info, err := os.Stat(tokenFile)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("token file mode %v (err %v), want 0600", info.Mode().Perm(), err)
	}
	tok := strings.TrimSpace(string(tokBytes))
	if strings.Contains(stdout.String()+stderr.String(), tok) {
		t.Errorf("the token was printed")
	}
	resp, err := http.PostForm(apiURL, url.Values{"token": {tok}, "content": {"record"}, "format": {"csv"}})
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "record_id,age,main_complete\n1,42,0\n" {
		t.Errorf("export = %q", body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after cancel, want 0 (stderr %q)", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop after cancel")
	}
}

var urlPattern = regexp.MustCompile(`http://[^ ]+/api/`)

// waitForURL waits until run prints the API URL.
func waitForURL(t *testing.T, stdout *syncBuffer, done <-chan int) string {
	t.Helper()
	for i := 0; i < 500; i++ {
		if u := urlPattern.FindString(stdout.String()); u != "" {
			return u
		}
		select {
		case code := <-done:
			t.Fatalf("run exited with %d before serving", code)
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatal("no API URL printed")
	return ""
}
