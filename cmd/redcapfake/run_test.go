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
		{"today not a date", []string{"-dict", "x.csv", "-today", "tomorrow"}, `-today "tomorrow": want a calendar date as YYYY-MM-DD`},
		{"today in another format", []string{"-dict", "x.csv", "-today", "12/02/2026"}, `-today "12/02/2026": want a calendar date`},
		{"today without zero padding", []string{"-dict", "x.csv", "-today", "2026-1-2"}, `-today "2026-1-2": want a calendar date`},
		{"today not in the calendar", []string{"-dict", "x.csv", "-today", "2026-02-30"}, `-today "2026-02-30": want a calendar date`},
		{"base URL not absolute", []string{"-dict", "x.csv", "-base-url", "redcap.example.edu"}, `-base-url "redcap.example.edu": want an absolute http or https URL`},
		{"base URL with a query", []string{"-dict", "x.csv", "-base-url", "https://redcap.example.edu/?x=1"}, `without query`},
		{"base URL of another scheme", []string{"-dict", "x.csv", "-base-url", "ftp://redcap.example.edu/"}, `want an absolute http or https URL`},
		{"today with a time", []string{"-dict", "x.csv", "-today", "2026-12-02 10:00"}, `want a calendar date as YYYY-MM-DD`},
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

// clockDict has calculations that read the clock: days since a date, and now's text.
const clockDict = `field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation
record_id,main,,text,Record ID,,,,,,,,,,,,,
start,main,,text,Start,,,date_ymd,,,,,,,,,,
days,main,,calc,Days,"datediff([start],'today','d')",,,,,,,,,,,,
`

// TestRunTodayPinsTheClock starts the fake with -today and imports a date: the calculation REDCap
// recomputes on import counts the days to the pinned day, and filterLogic reads the same clock.
func TestRunTodayPinsTheClock(t *testing.T) {
	tests := []struct {
		today, start, days string
	}{
		{"2031-12-25", "2031-11-25", "30"},
		{"2024-03-01", "2024-02-28", "2"}, // a leap year
		{"2000-01-01", "2000-01-01", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.today, func(t *testing.T) {
			d := writeFile(t, "study.csv", clockDict)
			tok := "0123456789ABCDEF0123456789ABCDEF"
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stdout, stderr := &syncBuffer{}, &syncBuffer{}
			done := make(chan int, 1)
			go func() {
				done <- run(ctx, []string{"-dict", d, "-addr", "127.0.0.1:0", "-today", tt.today}, stdout, stderr, env(map[string]string{"REDCAP_API_TOKEN": tok}))
			}()
			apiURL := waitForURL(t, stdout, done)
			if want := "redcapfake: today is " + tt.today; !strings.Contains(stdout.String(), want) {
				t.Errorf("stdout = %q, want it to say %q", stdout.String(), want)
			}
			post := func(form url.Values) string {
				t.Helper()
				form.Set("token", tok)
				resp, err := http.PostForm(apiURL, form)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				body, _ := io.ReadAll(resp.Body)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("status %d: %s", resp.StatusCode, body)
				}
				return string(body)
			}
			post(url.Values{"content": {"record"}, "format": {"csv"}, "data": {"record_id,start\n1," + tt.start + "\n"}})
			if got, want := post(url.Values{"content": {"record"}, "format": {"csv"}, "fields": {"days"}}), "days\n"+tt.days+"\n"; got != want {
				t.Errorf("export = %q, want %q", got, want)
			}
			filter := "datediff([start],'today','d') = " + tt.days
			if got := post(url.Values{"content": {"record"}, "format": {"csv"}, "fields": {"record_id"}, "filterLogic": {filter}}); got != "record_id\n1\n" {
				t.Errorf("filterLogic %q exported %q, want record 1", filter, got)
			}
			cancel()
			if code := <-done; code != 0 {
				t.Errorf("exit %d after cancel (stderr %q)", code, stderr.String())
			}
		})
	}
}

func TestParseToday(t *testing.T) {
	got, err := parseToday("2026-12-02")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("parseToday = %v, want %v", got, want)
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
