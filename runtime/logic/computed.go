package logic

import "strings"

// Computation is how REDCap computes a field.
type Computation uint8

// The computed field kinds.
const (
	NotComputed  Computation = iota
	ComputedCalc             // a calc field: its equation, stored as a number
	ComputedText             // a text field tagged @CALCTEXT(expression)
	ComputedDate             // a text field tagged @CALCDATE(date, offset, units)
)

// ComputedExpression returns how a field is computed and the expression to evaluate: a calc
// field's equation, the argument of @CALCTEXT, or calcdate(...) with @CALCDATE's arguments.
func ComputedExpression(fieldType, equation, annotation string) (Computation, string) {
	if fieldType == "calc" {
		return ComputedCalc, equation
	}
	if fieldType != "text" {
		return NotComputed, ""
	}
	if arg, ok := actionTagArgument(annotation, "@CALCTEXT"); ok {
		return ComputedText, arg
	}
	if arg, ok := actionTagArgument(annotation, "@CALCDATE"); ok {
		return ComputedDate, "calcdate(" + arg + ")"
	}
	return NotComputed, ""
}

// actionTagArgument returns the text between the parentheses that follow an action tag,
// respecting nested parentheses and quotes.
func actionTagArgument(annotation, tag string) (string, bool) {
	upper := strings.ToUpper(annotation)
	for from := 0; ; {
		i := strings.Index(upper[from:], tag)
		if i < 0 {
			return "", false
		}
		i += from + len(tag)
		from = i
		if i < len(upper) && (upper[i] == '_' || upper[i] >= 'A' && upper[i] <= 'Z') {
			continue // a longer tag such as @CALCTEXT_X
		}
		j := i
		for j < len(annotation) && (annotation[j] == ' ' || annotation[j] == '\t') {
			j++
		}
		if j >= len(annotation) || annotation[j] != '(' {
			continue
		}
		if end, ok := closingParen(annotation, j); ok {
			return annotation[j+1 : end], true
		}
		return "", false
	}
}

// closingParen returns the index of the ')' closing the '(' at open.
func closingParen(s string, open int) (int, bool) {
	depth := 0
	var quote byte
	for i := open; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i, true
			}
		}
	}
	return 0, false
}
