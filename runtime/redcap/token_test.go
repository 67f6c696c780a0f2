package redcap

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestTokenNeverPrinted(t *testing.T) {
	tok, err := parseToken(testTokenText)
	if err != nil {
		t.Fatal(err)
	}
	type holder struct {
		T      Token
		P      *Token
		hidden Token // fmt cannot call methods on unexported fields
	}
	h := holder{T: tok, P: &tok, hidden: tok}
	c, err := NewClient("https://redcap.example.edu/api/", testTokenSource(t, testTokenText))
	if err != nil {
		t.Fatal(err)
	}
	var outs []string
	for _, verb := range []string{"%s", "%v", "%+v", "%#v", "%q", "%x", "%X", "%d", "%10s"} {
		outs = append(outs, fmt.Sprintf(verb, tok), fmt.Sprintf(verb, h), fmt.Sprintf(verb, &tok), fmt.Sprintf(verb, c), fmt.Sprintf(verb, *c))
	}
	js, _ := json.Marshal(h)
	txt, _ := tok.MarshalText()
	var logBuf bytes.Buffer
	slog.New(slog.NewJSONHandler(&logBuf, nil)).Info("x", "token", tok, "holder", h)
	slog.New(slog.NewTextHandler(&logBuf, nil)).Info("x", "token", tok)
	outs = append(outs, string(js), string(txt), logBuf.String(), tok.String(), tok.GoString())
	for _, o := range outs {
		assertNoToken(t, o)
	}
	if got := tok.String(); got != "****…CDEF" {
		t.Errorf("String() = %q", got)
	}
}

// assertNoToken fails when text holds the test token or its first 28 characters, in any case.
func assertNoToken(t testing.TB, text string) {
	t.Helper()
	low := strings.ToLower(text)
	for _, s := range []string{testTokenText, testTokenText[:28]} {
		if strings.Contains(low, strings.ToLower(s)) {
			t.Fatalf("token leaked in: %s", text)
		}
	}
}

func TestTokenFromEnv(t *testing.T) {
	tests := []struct {
		name, value, want string
	}{
		{"ok", testTokenText, ""},
		{"trimmed", "  " + testTokenText + "\n", ""},
		{"lower case accepted", strings.ToLower(testTokenText), ""},
		{"super token", testTokenText + testTokenText, ""},
		{"unset", "", "is not set"},
		{"short", testTokenText[:31], "has 31 characters"},
		{"not hex", testTokenText[:31] + "G", "non-hexadecimal character at position 32"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("REDCAP_TEST_TOKEN", tt.value)
			tok, err := TokenFromEnv("REDCAP_TEST_TOKEN")()
			if tt.want == "" {
				if err != nil || tok.IsZero() {
					t.Fatalf("err %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
			assertNoToken(t, err.Error())
			if tt.value != "" && strings.Contains(err.Error(), tt.value) {
				t.Fatalf("error repeats the value: %v", err)
			}
		})
	}
}

func TestTokenFromFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		want string
	}{
		{"ok with newline", write("ok", testTokenText+"\n", 0o600), ""},
		{"bad shape", write("bad", testTokenText+"00\n", 0o600), "has 34 characters"},
		{"missing", filepath.Join(dir, "nope"), "no such file"},
		{"directory", dir, "not a regular file"},
	}
	if runtime.GOOS != "windows" {
		tests = append(tests, struct{ name, path, want string }{"group readable", write("grp", testTokenText, 0o640), "readable by group or others (mode 0640): run chmod 600"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok, err := TokenFromFile(tt.path)()
			if tt.want == "" {
				if err != nil || tok.String() != "****…CDEF" {
					t.Fatalf("tok %v err %v", tok, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
			assertNoToken(t, err.Error())
		})
	}
	if !errors.Is(func() error { _, err := TokenFromFile(filepath.Join(dir, "bad"))(); return err }(), ErrTokenShape) {
		t.Fatal("shape errors should match ErrTokenShape")
	}
}

func TestTokenFromGetenv(t *testing.T) {
	env := map[string]string{"TOK": " " + testTokenText + "\n", "BAD": "xyz"}
	getenv := func(k string) string { return env[k] }
	if tok, err := TokenFromGetenv("TOK", getenv)(); err != nil || tok.String() != "****…CDEF" {
		t.Fatalf("tok %v err %v", tok, err)
	}
	for _, name := range []string{"BAD", "NONE"} {
		if _, err := TokenFromGetenv(name, getenv)(); err == nil || !strings.Contains(err.Error(), name) {
			t.Fatalf("%s: err %v", name, err)
		}
	}
	if _, err := TokenFromGetenv("TOK", nil)(); err == nil {
		t.Fatal("nil getenv accepted")
	}
}
