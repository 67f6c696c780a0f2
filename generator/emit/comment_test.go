package emit

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/google/go-cmp/cmp"
)

// renderComment renders comment(text) as source text.
func renderComment(t *testing.T, text string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := comment(text).Render(&buf); err != nil {
		t.Fatalf("render: %v", err)
	}
	return buf.String()
}

// checkCommentParses fails when a rendered comment does not leave a valid Go file.
func checkCommentParses(t *testing.T, rendered string) {
	t.Helper()
	src := "package x\n\n" + rendered + "\nvar V = 1\n"
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("comment %q breaks the file: %v", rendered, err)
	}
	if len(f.Decls) != 1 {
		t.Fatalf("comment %q swallowed the declaration", rendered)
	}
	for _, line := range strings.Split(rendered, "\n") {
		if !strings.HasPrefix(line, "//") {
			t.Fatalf("line %q of comment %q does not start with //", line, rendered)
		}
	}
}

// checkDocCommentStable fails when gofmt is not idempotent on a file whose type declaration
// carries doc as its doc comment (go/doc rewrites some doc-comment text, such as ” quotes).
func checkDocCommentStable(t *testing.T, doc string) {
	t.Helper()
	once, err := format.Source([]byte("package x\n\n" + doc + "\ntype T int\n"))
	if err != nil {
		t.Fatalf("doc comment %q: %v", doc, err)
	}
	twice, err := format.Source(once)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(once, twice) {
		t.Fatalf("gofmt is not idempotent on doc comment %q:\n%s\n---\n%s", doc, once, twice)
	}
}

func TestComment(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"plain", "Date of birth", "// Date of birth"},
		{"html stripped", `<b>Weight</b> <span style="x">(kg)</span>`, "// Weight   (kg)"},
		{"entities", "a &amp; b &lt;c&gt;", "// a & b <c>"},
		{"lines kept", "first\nsecond", "// first\n// second"},
		{"crlf", "first\r\nsecond", "// first\n// second"},
		{"block comment end", "x */ y /* z", "// x */ y /* z"},
		{"starts like a comment", "/* not a block", "// /* not a block"},
		{"control characters", "a\x00b\x1bc\u202Ed\uFEFFe", "// abcde"},
		{"invalid utf-8", "caf\xe9", "// caf\uFFFD"},
		{"line separator", "a\u2028b", "// a b"},
		{"empty", "", "//"},
		{"doubled quotes", "his 'Dibs!'' and ``x", `// his 'Dibs!" and "x`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderComment(t, tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("comment(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
			checkCommentParses(t, got)
		})
	}
}

func TestLabel(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"collapses whitespace", "  Height\n\t(cm) ", "Height (cm)"},
		{"strips html", `<div class="rich-text-field-label"><p>Consent</p></div>`, "Consent"},
		{"cuts long labels", strings.Repeat("ab ", 100), strings.TrimSpace(strings.Repeat("ab ", 40))[:119] + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := label(tt.in); got != tt.want {
				t.Errorf("label(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzComment checks that no text can make a generated comment break the file.
func FuzzComment(f *testing.F) {
	for _, s := range []string{"a */ b", "x\ny", "<b>bold</b>", "\x00\xff", "\u2028", "/*", "//"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var buf bytes.Buffer
		if err := jen.Add(comment(text)).Render(&buf); err != nil {
			t.Fatalf("render: %v", err)
		}
		checkCommentParses(t, buf.String())
		checkDocCommentStable(t, "// T is "+label(text)+".\n"+buf.String())
		if l := label(text); strings.ContainsAny(l, "\n\r") {
			t.Fatalf("label(%q) = %q holds a line break", text, l)
		}
	})
}

// TestPlainTextFastPath checks that text isPlainText lets through is exactly what the full
// cleaning would give.
func TestPlainTextFastPath(t *testing.T) {
	inputs := []string{
		"", "Date of birth", "Weight (kg)", "a\nb", "a\tb", "a\r\nb", "x < y", "AT&T", "<b>bold</b>",
		"it''s", "``code``", "don't", "a`b", "caf\u00e9", "\u202eevil", "a\x00b", "100%", "a  b ", " lead",
		"[field] = '1'", "tab\there", "trailing\n",
	}
	for _, in := range inputs {
		for _, keep := range []bool{true, false} {
			if isPlainText(in, keep) {
				if got := cleanTextSlow(in, keep); got != in {
					t.Errorf("isPlainText(%q, %v) is true, but cleaning gives %q", in, keep, got)
				}
			}
		}
	}
	if !isPlainText("Date of birth", false) || isPlainText("<b>x</b>", false) || isPlainText("a\nb", false) {
		t.Errorf("isPlainText misjudges the obvious cases")
	}
}

// FuzzPlainTextFastPath checks the fast path of cleanText against the full cleaning.
func FuzzPlainTextFastPath(f *testing.F) {
	f.Add("Date of birth", true)
	f.Add("it''s <b>x</b> &amp;", false)
	f.Fuzz(func(t *testing.T, s string, keepLines bool) {
		if isPlainText(s, keepLines) {
			if got := cleanTextSlow(s, keepLines); got != s {
				t.Fatalf("isPlainText(%q, %v) is true, but cleaning gives %q", s, keepLines, got)
			}
		}
	})
}
