package redcap

import (
	"strings"
	"testing"
	"unicode"
)

func TestParseFileContentType(t *testing.T) {
	for _, tc := range []struct{ header, mime, name string }{
		{`application/pdf; name="Zoe's consent final (v2) - 日本語.pdf"`, "application/pdf", "Zoe's consent final (v2) - 日本語.pdf"},
		{`text/plain; name="notes v2.txt";charset=UTF-8`, "text/plain", "notes v2.txt"},
		{`application/x-empty; name="empty.txt"`, "application/x-empty", "empty.txt"},
		{`application/pdf; name="a; b.pdf"`, "application/pdf", "a; b.pdf"},           // unescaped ';'
		{`application/pdf; name="say "hi".pdf"`, "application/pdf", `say "hi".pdf`},   // unescaped quotes
		{`Application/PDF; charset=x; name="a\"b.pdf"`, "application/pdf", `a"b.pdf`}, // MIME syntax
		{`application/pdf; name*=UTF-8''%C3%A9.pdf`, "application/pdf", "é.pdf"},      // RFC 2231
		{`application/octet-stream`, "application/octet-stream", ""},
		{``, "", ""},
		{`text/plain; name="`, "text/plain", ""},
	} {
		mime, name := ParseFileContentType(tc.header)
		if mime != tc.mime || name != tc.name {
			t.Errorf("ParseFileContentType(%q) = %q, %q; want %q, %q", tc.header, mime, name, tc.mime, tc.name)
		}
	}
	if got := dispositionName(`attachment; filename="a b.pdf"`); got != "a b.pdf" {
		t.Errorf("dispositionName: %q", got)
	}
}

// FuzzParseFileContentType: any header parses without a panic, and the header REDCap writes for
// any stored name and MIME type gives both back exactly.
func FuzzParseFileContentType(f *testing.F) {
	f.Add("application/pdf", "Zoe's consent final (v2) - 日本語.pdf", false, `text/plain; name="x";charset=UTF-8`)
	f.Add("text/plain", `a "quoted"; name.txt`, true, `; name="`)
	f.Add("application/x-empty", "", false, `a/b; name*=UTF-8''%ZZ`)
	f.Add("\f", "0", true, "")
	f.Fuzz(func(t *testing.T, mime, name string, text bool, raw string) {
		_, _ = ParseFileContentType(raw)
		// A media type is a token: no separator, space or control character (REDCap's come from
		// libmagic, such as "application/pdf").
		if mime == "" || strings.IndexFunc(mime, func(r rune) bool { return r == ';' || unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
			return
		}
		header := mime + `; name="` + name + `"`
		if text {
			header += ";charset=UTF-8"
		}
		gotMIME, gotName := ParseFileContentType(header)
		if gotMIME != strings.ToLower(mime) || gotName != name {
			t.Fatalf("ParseFileContentType(%q) = %q, %q; want %q, %q", header, gotMIME, gotName, strings.ToLower(mime), name)
		}
	})
}
