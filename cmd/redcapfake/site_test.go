package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// newToken matches the answer to a project creation.
var newToken = regexp.MustCompile(`^[0-9A-F]{32}$`)

// TestRunServesASite starts redcapfake as a site, with and without a -dict project, creates a
// project with the super token the way client test suites do (XML settings), and uses it.
func TestRunServesASite(t *testing.T) {
	super := strings.Repeat("AB", 32)
	tests := []struct {
		name    string
		args    func(t *testing.T) []string
		env     map[string]string
		project string // the -dict project's token, when there is one
		page    string // the page the log shows for an API call; "": the URL served
	}{
		{"super token from the environment, no project, a base URL", func(t *testing.T) []string { return []string{"-base-url", "https://redcap.example.edu/redcap"} },
			map[string]string{"REDCAP_SUPER_TOKEN": super}, "", "https://redcap.example.edu/redcap/api/"},
		{"generated super token beside a project", func(t *testing.T) []string {
			return []string{"-dict", writeFile(t, "study.csv", dict), "-super-token-file", filepath.Join(t.TempDir(), "super")}
		}, map[string]string{"REDCAP_API_TOKEN": strings.Repeat("C", 32)}, strings.Repeat("C", 32), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"-addr", "127.0.0.1:0"}, tt.args(t)...)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stdout, stderr := &syncBuffer{}, &syncBuffer{}
			done := make(chan int, 1)
			go func() { done <- run(ctx, args, stdout, stderr, env(tt.env)) }()
			apiURL := waitForURL(t, stdout, done)
			superTok := super
			if i := indexOf(args, "-super-token-file"); i >= 0 {
				b, err := os.ReadFile(args[i+1])
				if err != nil {
					t.Fatal(err)
				}
				superTok = strings.TrimSpace(string(b))
				if info, err := os.Stat(args[i+1]); err != nil || info.Mode().Perm() != 0o600 || len(superTok) != 64 {
					t.Errorf("super token file: %d characters, mode %v (%v); want 64 and 0600", len(superTok), info.Mode().Perm(), err)
				}
			}
			if strings.Contains(stdout.String()+stderr.String(), superTok) {
				t.Error("the super token was printed")
			}
			post := func(form url.Values) (int, string) {
				t.Helper()
				resp, err := http.PostForm(apiURL, form)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				return resp.StatusCode, string(b)
			}
			status, tok := post(url.Values{"token": {superTok}, "content": {"project"}, "format": {"xml"},
				"data": {"<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<item>\n<project_title>Suite</project_title>\n<purpose>0</purpose>\n</item>"}})
			if status != http.StatusOK || !newToken.MatchString(tok) {
				t.Fatalf("create: %d %q, want a project token", status, tok)
			}
			if status, body := post(url.Values{"token": {tok}, "content": {"record"}, "format": {"csv"}, "data": {"record_id\n1\n"}}); status != 200 || body != "1" {
				t.Errorf("import into the new project: %d %q", status, body)
			}
			page := tt.page
			if page == "" {
				page = apiURL
			}
			if _, body := post(url.Values{"token": {tok}, "content": {"log"}, "logtype": {"page_view"}, "format": {"csv"}}); !strings.Contains(body, "Page accessed: "+page+"\"") {
				t.Errorf("page views: %q, want %q", body, page)
			}
			if status, body := post(url.Values{"token": {superTok}, "content": {"record"}, "format": {"json"}}); status != 403 {
				t.Errorf("super token on a record export: %d %q, want 403", status, body)
			}
			if tt.project != "" {
				post(url.Values{"token": {tt.project}, "content": {"record"}, "format": {"csv"}, "data": {"record_id,age\n7,30\n"}})
				if status, body := post(url.Values{"token": {tt.project}, "content": {"record"}, "format": {"csv"}}); status != 200 || body != "record_id,age,main_complete\n7,30,0\n" {
					t.Errorf("the -dict project: %d %q", status, body)
				}
			}
			cancel()
			if code := <-done; code != 0 {
				t.Errorf("exit %d (stderr %q)", code, stderr.String())
			}
		})
	}
}

// TestRunSiteUsage checks what a site refuses before serving.
func TestRunSiteUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		code int
		want string
	}{
		{"data without a project", []string{"-super-token-file", "x", "-data", "d.json"}, nil, 2, "need the -dict project"},
		{"bad super token", []string{"-addr", "127.0.0.1:0"}, map[string]string{"REDCAP_SUPER_TOKEN": "abc"}, 1, "REDCAP_SUPER_TOKEN must be 64 hexadecimal characters"},
		{"neither a project nor a super token", nil, nil, 2, "-dict is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr syncBuffer
			if code := run(context.Background(), tt.args, io.Discard, &stderr, env(tt.env)); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tt.code, tt.want)
			}
		})
	}
}

// indexOf returns the index of s in list, or -1.
func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
