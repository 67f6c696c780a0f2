package emit

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// maxLabelRunes caps how much of a REDCap label reaches a generated comment.
const maxLabelRunes = 120

// htmlTag matches an HTML tag or comment in a REDCap label.
var htmlTag = regexp.MustCompile(`(?s)<!--.*?-->|</?[a-zA-Z][^<>]*>`)

// htmlEntities maps the entities labels commonly hold to their text.
var htmlEntities = strings.NewReplacer(
	"&nbsp;", " ", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&apos;", "'",
)

// docWidth is the width, in runes after the "// ", that doc comments wrap at: a top-level
// declaration's comment stays within 100 columns.
const docWidth = 97

// comment renders text as a doc comment of Go line comments: HTML tags and control characters are
// stripped, lines longer than docWidth are wrapped between words, each line is prefixed with
// "// ", and the result can never end the comment early or make the file invalid. It and
// lineComment are the only ways REDCap text reaches a comment.
//
//	// <line 1>
//	// <line 2>
func comment(text string) *jen.Statement {
	return jen.Comment(commentText(text))
}

// lineComment renders text as a comment at the end of a line of code (a struct field's, a
// constant's): cleaned as comment does, but never wrapped.
func lineComment(text string) *jen.Statement {
	return jen.Comment(commentLines(text, 0))
}

// commentText is the text of comment: "// "-prefixed lines wrapped at docWidth, without a final
// newline.
func commentText(text string) string { return commentLines(text, docWidth) }

// commentLines renders text as "// "-prefixed lines, each longer than width (when width > 0)
// wrapped between words.
func commentLines(text string, width int) string {
	var out []string
	for _, l := range strings.Split(cleanText(text, true), "\n") {
		// An indented line would start a code block, which gofmt moves and which can turn the
		// next line into a heading on a second pass: labels keep no indentation.
		l = strings.TrimRight(strings.TrimLeft(l, " "), " ")
		if width > 0 && utf8.RuneCountInString(l) > width {
			for _, w := range fillWidth("", strings.Fields(l), width) {
				out = append(out, "// "+w)
			}
			continue
		}
		out = append(out, strings.TrimRight("// "+l, " "))
	}
	return strings.Join(out, "\n")
}

// label returns a REDCap label as one short line of plain text for a comment: HTML removed,
// whitespace collapsed, cut at maxLabelRunes.
func label(s string) string { return shortLabel(s, maxLabelRunes) }

// shortLabel is label cut at n runes.
func shortLabel(s string, n int) string {
	s = strings.Join(strings.Fields(cleanText(s, false)), " ")
	if utf8.RuneCountInString(s) > n {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}

// cleanText strips HTML tags, decodes common entities, makes the text valid UTF-8 and removes
// control and format characters (bidi overrides, BOM, NUL). Newlines are kept when keepLines is
// set and become spaces otherwise.
func cleanText(s string, keepLines bool) string {
	if isPlainText(s, keepLines) {
		return s
	}
	return cleanTextSlow(s, keepLines)
}

// cleanTextSlow is cleanText for text that may hold HTML, entities or odd characters.
func cleanTextSlow(s string, keepLines bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = htmlTag.ReplaceAllString(s, " ")
	s = htmlEntities.Replace(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' && keepLines:
			b.WriteRune('\n')
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			b.WriteRune(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return noDocQuotes(b.String())
}

// isPlainText reports whether cleanText would leave s as it is: printable ASCII (and newlines
// when keepLines is set), no tag or entity, no doubled quotes. Most labels and names are, and
// skipping the regular expression for them keeps generation fast.
func isPlainText(s string, keepLines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n' && keepLines:
		case c < 0x20 || c > 0x7e || c == '<' || c == '&':
			return false
		case (c == '\'' || c == '`') && i+1 < len(s) && s[i+1] == c:
			return false
		}
	}
	return true
}

// noDocQuotes replaces the doubled quotes “ and ” with ", because gofmt turns them into curly
// quotes inside doc comments and would then not be idempotent on the generated file.
func noDocQuotes(s string) string {
	for strings.Contains(s, "''") || strings.Contains(s, "``") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "''", `"`), "``", `"`)
	}
	return s
}
