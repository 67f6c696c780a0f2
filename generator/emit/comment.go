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

// comment renders text as Go line comments: HTML tags and control characters are stripped, each
// line is prefixed with "// ", and the result can never end the comment early or make the file
// invalid. It is the only way REDCap text reaches a comment.
//
//	// <line 1>
//	// <line 2>
func comment(text string) *jen.Statement {
	return jen.Comment(commentText(text))
}

// commentText is the text of comment: "// "-prefixed lines, without a final newline.
func commentText(text string) string {
	lines := strings.Split(cleanText(text, true), "\n")
	for i, l := range lines {
		// An indented line would start a code block, which gofmt moves and which can turn the
		// next line into a heading on a second pass: labels keep no indentation.
		lines[i] = strings.TrimRight("// "+strings.TrimLeft(l, " "), " ")
	}
	return strings.Join(lines, "\n")
}

// label returns a REDCap label as one short line of plain text for a comment: HTML removed,
// whitespace collapsed, cut at maxLabelRunes.
func label(s string) string {
	s = strings.Join(strings.Fields(cleanText(s, false)), " ")
	if utf8.RuneCountInString(s) > maxLabelRunes {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:maxLabelRunes-1])) + "…"
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
