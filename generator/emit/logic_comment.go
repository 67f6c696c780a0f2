package emit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/logic"
)

// logicCommentWidth is the width, in runes after the "// ", that expression comments wrap at; with
// the struct's indentation the lines stay near 100 columns.
const logicCommentWidth = 92

// The notes a field's doc comment carries when REDCap cannot evaluate its logic.
const (
	branchingUnusable = "REDCap cannot evaluate this logic; the field counts as always shown"
	computedUnusable  = "REDCap cannot evaluate this; the value stays blank"
)

// logicSchema returns the project as the logic checker sees it, built once per plan.
func (pl *plan) logicSchema() *logic.Schema {
	pl.schemaOnce.Do(func() { pl.schema = dictionary.LogicSchema(pl.p) })
	return pl.schema
}

// logicDoc returns the doc comment of the Go field of f: its branching logic and the expression
// that computes it, each followed by a note when REDCap cannot evaluate it. It is empty for a
// field that has neither.
//
//	// Shown if: [smoker] = '1'
//	// Computed: round([weight_kg]*10000/([height_cm]*[height_cm]),1)
func (pl *plan) logicDoc(f *dictionary.Field) string {
	computed := dictionary.ComputedSource(f)
	if strings.TrimSpace(f.Branching) == "" && computed == "" {
		return ""
	}
	var lines []string
	if strings.TrimSpace(f.Branching) != "" {
		lines = append(lines, wrapExpression("Shown if: ", f.Branching)...)
		if probs := pl.logicProblems(f.Branching, logic.UseBranching); len(probs) > 0 {
			lines = append(lines, wrapWords(unusableNote(branchingUnusable, probs))...)
		}
	}
	if computed != "" {
		_, src := logic.ComputedExpression(string(f.Type), f.ChoicesRaw, f.Annotation)
		lines = append(lines, wrapExpression("Computed: ", computed)...)
		if probs := pl.logicProblems(src, logic.UseCalc); len(probs) > 0 {
			lines = append(lines, wrapWords(unusableNote(computedUnusable, probs))...)
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight("// "+l, " ")
	}
	return strings.Join(lines, "\n")
}

// unusableNote is the note on logic REDCap cannot evaluate, with its first problem.
func unusableNote(note string, probs []logic.Problem) string {
	more := ""
	if len(probs) > 1 {
		more = ", and " + itoa(len(probs)-1) + " more"
	}
	return note + " (" + label(probs[0].String()) + more + ")."
}

// wrapExpression renders heading followed by an expression as comment lines of at most
// logicCommentWidth runes where the expression allows. The expression keeps its text: only
// whitespace outside quoted strings is collapsed (newlines included), control and format
// characters are removed, and lines break only between words outside quoted strings.
func wrapExpression(heading, expr string) []string {
	return fill(heading, expressionWords(expr))
}

// wrapWords renders plain text as comment lines of at most logicCommentWidth runes.
func wrapWords(text string) []string {
	return fill("", strings.Fields(text))
}

// fill lays words out greedily after heading, one space apart, in lines of logicCommentWidth.
func fill(heading string, words []string) []string {
	return fillWidth(heading, words, logicCommentWidth)
}

// fillWidth lays words out greedily after heading, one space apart, in lines of at most width
// runes where the words allow.
func fillWidth(heading string, words []string, width int) []string {
	var lines []string
	line := strings.TrimRight(heading, " ")
	for _, w := range words {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return append(lines, line)
}

// expressionWords splits an expression into words at whitespace outside quoted strings, so that
// a comment can wrap it without changing a literal. Invalid UTF-8 becomes U+FFFD; control and
// format characters (bidi overrides, BOM, NUL) are removed, and inside a quoted string a newline
// or tab becomes a space.
func expressionWords(expr string) []string {
	expr = strings.ToValidUTF8(expr, "\uFFFD")
	var words []string
	var b strings.Builder
	var quote rune
	for _, r := range expr {
		space := unicode.IsSpace(r) || r == '\u2028' || r == '\u2029'
		switch {
		case quote == 0 && space:
			if b.Len() > 0 {
				words = append(words, b.String())
				b.Reset()
			}
			continue
		case space:
			r = ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			continue
		case quote == 0 && (r == '\'' || r == '"'):
			quote = r
		case r == quote:
			quote = 0
		}
		b.WriteRune(r)
	}
	if b.Len() > 0 {
		words = append(words, b.String())
	}
	return words
}
