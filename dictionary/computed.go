package dictionary

import (
	"strings"

	"github.com/redcapgen/redcapgen/runtime/logic"
)

// ComputedSource returns the expression that computes f as the dictionary writes it: a calc
// field's equation, or its @CALCTEXT(...) or @CALCDATE(...) action tag. It is "" when REDCap does
// not compute f.
func ComputedSource(f *Field) string {
	kind, src := logic.ComputedExpression(string(f.Type), f.ChoicesRaw, f.Annotation)
	if strings.TrimSpace(src) == "" {
		return ""
	}
	switch kind {
	case logic.ComputedCalc:
		return src
	case logic.ComputedText:
		return "@CALCTEXT(" + src + ")"
	case logic.ComputedDate:
		return "@CALCDATE(" + strings.TrimSuffix(strings.TrimPrefix(src, "calcdate("), ")") + ")"
	}
	return ""
}
