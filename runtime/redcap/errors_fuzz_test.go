package redcap

import (
	"strings"
	"testing"
)

// FuzzNewAPIError feeds arbitrary bodies, with the token planted in them, to the error parser:
// it must not panic, must keep Body to one truncated line, and must never repeat the token.
func FuzzNewAPIError(f *testing.F) {
	for _, s := range []string{
		`{"error":"x"}`,
		`<?xml version="1.0" encoding="UTF-8" ?><hash><error>x</error></hash>`,
		`ERROR: "1","f","v","m"`,
		`{"error":"\"1\",\"f\",\"a\"\"b\",\"m\"\n\"2\",\"g\",\"\",\"n\""}`,
		"\t\t<div>crash</div>\n{\"error\":\"An unknown error occurred.\"}",
	} {
		f.Add(s, 0)
	}
	tok, err := parseToken(testTokenText)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string, at int) {
		if at < 0 {
			at = -at
		}
		at %= len(body) + 1
		planted := body[:at] + strings.ToLower(testTokenText) + body[at:]
		for _, status := range []int{400, 403, 500} {
			e := newAPIError(status, "record", "import", []byte(planted), tok)
			if strings.Contains(e.Body, "\n") || len(e.Body) > maxBodyLine+len("…") {
				t.Fatalf("body not one truncated line: %q", e.Body)
			}
			text := e.Error()
			for _, v := range e.Values {
				text += v.Record + v.Field + v.Value + v.Message
			}
			if strings.Contains(strings.ToLower(text), strings.ToLower(testTokenText)) {
				t.Fatalf("token in error: %q", text)
			}
		}
	})
}
