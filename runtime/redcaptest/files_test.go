package redcaptest

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStoredFileName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Zoë's consent: final! (v2) – 日本語.pdf", "Zoe's consent final (v2) - 日本語.pdf"},
		{"notes v2.txt", "notes v2.txt"},
		{"Straße Ærø.pdf", "Strasse AEro.pdf"},
		{"e\u0301te\u0301.txt", "ete.txt"},            // decomposed accents
		{`a/b\c:d*e?f"g<h>i|j.pdf`, "abcdefghij.pdf"}, // path and shell characters
		{"tab\there\nnew.txt", "tabherenew.txt"},      // control characters
		{"scan_2024-01-02 [1], copy.png", "scan_2024-01-02 [1], copy.png"},
		{"em—dash‐hyphen.txt", "em-dash-hyphen.txt"},
	} {
		if got := storedFileName(tc.in); got != tc.want {
			t.Errorf("storedFileName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDetectMIME(t *testing.T) {
	for _, tc := range []struct {
		data string
		want string
	}{
		{"", "application/x-empty"},
		{"%PDF-1.4\n...", "application/pdf"},
		{"Plain text, not a PDF.\n", "text/plain"},
		{"\x89PNG\r\n\x1a\n\x00\x00", "image/png"},
		{"\x00\x01\x02\x03", "application/octet-stream"},
	} {
		if got := detectMIME([]byte(tc.data)); got != tc.want {
			t.Errorf("detectMIME(%q) = %q, want %q", tc.data, got, tc.want)
		}
	}
	if got := downloadContentType("text/plain", "a b.txt"); got != `text/plain; name="a b.txt";charset=UTF-8` {
		t.Errorf("text download: %q", got)
	}
	if got := downloadContentType("application/pdf", "日本.pdf"); got != `application/pdf; name="日本.pdf"` {
		t.Errorf("pdf download: %q", got)
	}
}

func TestFileRulesForbidden(t *testing.T) {
	r := newFileRules(&config{})
	for name, want := range map[string]bool{"tool.exe": true, "TOOL.EXE": true, "a.pdf": false, "exe": false, "run.ps1": true, "x.exe.txt": false} {
		if got := r.forbiddenName(name); got != want {
			t.Errorf("forbiddenName(%q) = %v, want %v", name, got, want)
		}
	}
	r = newFileRules(&config{forbiddenExts: []string{"pdf"}})
	if !r.forbiddenName("a.PDF") || r.forbiddenName("a.exe") {
		t.Error("WithForbiddenExtensions does not replace the list")
	}
}

// multipartBody writes a form with one parameter and one file part.
func multipartBody(t *testing.T, key, value, part, filename string, content []byte) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if err := mw.WriteField(key, value); err != nil {
		t.Fatal(err)
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, part, filename))
	h.Set("Content-Type", "application/octet-stream")
	w, err := mw.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write(content)
	_ = mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

// FuzzMultipartParams checks the upload parser: any body parses or fails without a panic, and a
// form written by mime/multipart reads back with the same parameter, file name and bytes.
func FuzzMultipartParams(f *testing.F) {
	f.Add("record", "1", "file", "consent.pdf", []byte("%PDF-1.4"), []byte("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"))
	f.Add("field", "consent_pdf", "upload", "Zoë's: final!.pdf", []byte{0, 1, 2}, []byte("--x\r\n"))
	f.Add("token", "", "file", "", []byte{}, []byte{})
	f.Fuzz(func(t *testing.T, key, value, part, filename string, content, raw []byte) {
		_, _ = parseMultipart("multipart/form-data; boundary=x", raw)
		if key == "" || part == "" || !plainHeaderText(key+part+filename) || !utf8.ValidString(value) {
			return
		}
		ct, body := multipartBody(t, key, value, part, filename, content)
		p, err := parseMultipart(ct, body)
		if err != nil {
			t.Fatalf("a form mime/multipart wrote does not parse: %v", err)
		}
		if key != part {
			if got := p.get(key); got != value {
				t.Errorf("parameter %q = %q, want %q", key, got, value)
			}
		}
		base := filename
		if i := strings.LastIndexAny(base, "/"); i >= 0 {
			base = base[i+1:]
		}
		switch {
		case filename == "" || base == "" || base == "." || base == "..":
			// No usable file name: the part is a parameter, or no file at all.
		case part == "file":
			if p.file == nil || !bytes.Equal(p.file.data, content) {
				t.Fatalf("the file part did not read back (%v)", p.file)
			}
		default:
			if p.file != nil || !p.fileElsewhere {
				t.Fatalf("a file in part %q: file %v, elsewhere %v", part, p.file, p.fileElsewhere)
			}
		}
	})
}

// plainHeaderText reports whether s can stand in a quoted MIME header parameter as written: valid
// UTF-8 without control characters, quotes or backslashes.
func plainHeaderText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
		return r < 0x20 || r == 0x7f || r == '"' || r == '\\'
	})
}
