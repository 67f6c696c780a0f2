package redcap

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestTokenNeverLeaks drives every kind of failure with a logger attached and asserts that no
// log line and no error text holds the token or its first 28 characters, even when the server
// echoes the token back.
func TestTokenNeverLeaks(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	lower := strings.ToLower(testTokenText)
	answers := map[string]func(w http.ResponseWriter){
		"403": func(w http.ResponseWriter) {
			w.WriteHeader(403)
			io.WriteString(w, `{"error":"You do not have permissions to use the API"}`)
		},
		"echo400": func(w http.ResponseWriter) {
			w.WriteHeader(400)
			io.WriteString(w, `{"error":"bad token `+testTokenText+`"}`)
		},
		"echoXML": func(w http.ResponseWriter) {
			w.WriteHeader(400)
			io.WriteString(w, `<hash><error>`+lower+`</error></hash>`)
		},
		"echo500": func(w http.ResponseWriter) {
			w.WriteHeader(500)
			io.WriteString(w, "<b>crash</b> token="+testTokenText+"\nmore")
		},
		"crashReport": func(w http.ResponseWriter) {
			w.WriteHeader(400)
			io.WriteString(w, "\t<div>\n\t<b>Error message:</b> Uncaught Exception: token &#039;"+testTokenText+"&#039;<br>\n</div>\n{\"error\":\"x\"}")
		},
		"echo200": func(w http.ResponseWriter) { io.WriteString(w, "not json "+testTokenText) },
		"values": func(w http.ResponseWriter) {
			w.WriteHeader(400)
			io.WriteString(w, `{"error":"\"`+testTokenText+`\",\"f\",\"v\",\"m\""}`)
		},
		"slow": func(w http.ResponseWriter) { time.Sleep(200 * time.Millisecond) },
		"redirect": func(w http.ResponseWriter) {
			w.Header().Set("Location", "https://evil.example/?t="+testTokenText)
			w.WriteHeader(307)
		},
	}
	var errs []error
	for name, answer := range answers {
		before := len(errs)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { answer(w) }))
		c, err := NewClient(srv.URL+"/api/", testTokenSource(t, testTokenText), WithLogger(logger), WithRetry(1, 0),
			WithHTTPClient(&http.Client{Timeout: 50 * time.Millisecond}))
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		_, err = c.Version(ctx)
		errs = append(errs, err)
		_, err = c.Instruments(ctx)
		errs = append(errs, err)
		_, err = c.ProjectInfo(ctx)
		errs = append(errs, err)
		_, err = c.ImportRecordsRaw(ctx, []byte(`[{"record_id":"1"}]`), ImportRequest{})
		errs = append(errs, err)
		_, err = c.DeleteRecords(ctx, []string{"1"}, DeleteOptions{})
		errs = append(errs, err)
		_, err = ExportAll[testRecord](ctx, c, ExportOptions{})
		errs = append(errs, err)
		_, err = Import(ctx, c, records("x"), ImportOptions{})
		errs = append(errs, err)
		srv.Close()
		for i, e := range errs[before:] {
			if e == nil && name != "slow" {
				t.Errorf("%s: call %d succeeded against a failing server", name, i)
			}
		}
	}
	_, err := NewClient("https://x.org/api/?token="+testTokenText, testTokenSource(t, testTokenText))
	errs = append(errs, err)
	_, err = NewClient("https://"+testTokenText+"@x.org/api/", testTokenSource(t, testTokenText))
	errs = append(errs, err)
	_, err = NewClient("https://x.org/api/", testTokenSource(t, testTokenText+"0"))
	errs = append(errs, err)
	for _, e := range errs {
		if e != nil {
			assertNoToken(t, e.Error())
		}
	}
	if logs.Len() == 0 {
		t.Fatal("no log output captured")
	}
	assertNoToken(t, logs.String())
}
