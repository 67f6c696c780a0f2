package logic

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parseFloat15 rounds a float to 15 significant digits.
func parseFloat15(y float64) (float64, error) {
	return strconv.ParseFloat(strconv.FormatFloat(y, 'g', 15, 64), 64)
}

// evalIsNumber is isnumber(x): a number written without leading zeros (" 42", "+5", "3.5",
// "1e3" are numbers; "007" and "12abc" are not).
func evalIsNumber(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	_, ok := plainNumber(a[0])
	return Bool(ok), nil
}

// evalIsInteger is isinteger(x): a number as isnumber reads it, written without a fraction or
// exponent.
func evalIsInteger(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	t, ok := plainNumber(a[0])
	return Bool(ok && !strings.ContainsAny(t, ".eE")), nil
}

// plainNumber returns the trimmed text of a value that isnumber accepts.
func plainNumber(v Value) (string, bool) {
	if v.IsNaN() || v.missing || v.kind == KindBool || v.kind == KindNull {
		return "", false
	}
	t := strings.Trim(v.Text(), phpSpace)
	if _, ok := numericString(t); !ok {
		return "", false
	}
	digits := strings.TrimLeft(t, "+-")
	if len(digits) > 1 && digits[0] == '0' && isDigit(digits[1]) {
		return "", false
	}
	return t, true
}

// evalIsBlank is isblankormissingcode(x): the value is blank. (REDCap 15.7.6 does not count a
// stored missing-data code here.)
func evalIsBlank(ev *evaluator, n *node) (Value, error) {
	if k := n.kids[0]; k.kind == nodeRef && !k.ref.Smart {
		if f := ev.schema.field(k.ref.Field); f != nil && f.checkbox && k.ref.Code != "" {
			return Bool(false), nil
		}
		return Bool(ev.raw(k.ref) == ""), nil
	}
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	return Bool(a[0].IsNaN() || a[0].Text() == ""), nil
}

// datePart returns year(), month() or day(): that part of a Y-M-D date's text ("02" keeps its
// zero); NaN when the value is not a date, so that month of a blank date compares false.
func datePart(from, to int) func(*evaluator, *node) (Value, error) {
	return func(ev *evaluator, n *node) (Value, error) {
		a, err := ev.args(n)
		if err != nil {
			return Value{}, err
		}
		s := strings.TrimSpace(a[0].Text())
		if a[0].IsNaN() || len(s) < 10 || s[4] != '-' || s[7] != '-' {
			return Float(math.NaN()), nil
		}
		return String(s[from:to]), nil
	}
}

func hasSubstring(h, n string) bool   { return strings.Contains(h, n) }
func lacksSubstring(h, n string) bool { return !strings.Contains(h, n) }
func hasPrefix(h, n string) bool      { return strings.HasPrefix(h, n) }
func hasSuffix(h, n string) bool      { return strings.HasSuffix(h, n) }

// textTest is contains, not_contain, starts_with and ends_with: case-insensitive.
func textTest(f func(h, n string) bool) func(*evaluator, *node) (Value, error) {
	return func(ev *evaluator, n *node) (Value, error) {
		a, err := ev.args(n)
		if err != nil {
			return Value{}, err
		}
		return Bool(f(strings.ToLower(text(a[0])), strings.ToLower(text(a[1])))), nil
	}
}

// text is a value as a text function reads it: a blank numeric field is "".
func text(v Value) string {
	if v.IsNaN() {
		return ""
	}
	return v.Text()
}

func upper(s string) string { return strings.ToUpper(s) }
func lower(s string) string { return strings.ToLower(s) }
func trim(s string) string  { return strings.TrimSpace(s) }

func textMap(f func(string) string) func(*evaluator, *node) (Value, error) {
	return func(ev *evaluator, n *node) (Value, error) {
		a, err := ev.args(n)
		if err != nil {
			return Value{}, err
		}
		return String(f(text(a[0]))), nil
	}
}

// evalLength is length(x): the number of characters.
func evalLength(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	return Int(int64(utf8.RuneCountInString(text(a[0])))), nil
}

// evalFind is find(needle, haystack): the 1-based position of needle, ignoring case; 0 when absent.
func evalFind(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	needle, hay := strings.ToLower(text(a[0])), strings.ToLower(text(a[1]))
	i := strings.Index(hay, needle)
	if i < 0 || needle == "" {
		return Int(0), nil
	}
	return Int(int64(utf8.RuneCountInString(hay[:i]) + 1)), nil
}

// count reads a character count argument.
func count(v Value) (int, error) {
	x, err := number(v)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(x) {
		return 0, nil
	}
	return int(x), nil
}

func evalLeft(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	k, err := count(a[1])
	if err != nil {
		return Value{}, err
	}
	r := []rune(text(a[0]))
	return String(string(r[:clamp(k, 0, len(r))])), nil
}

func evalRight(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	k, err := count(a[1])
	if err != nil {
		return Value{}, err
	}
	r := []rune(text(a[0]))
	return String(string(r[len(r)-clamp(k, 0, len(r)):])), nil
}

// evalMid is mid(text, start, count) with a 1-based start.
func evalMid(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	start, err := count(a[1])
	if err != nil {
		return Value{}, err
	}
	k, err := count(a[2])
	if err != nil {
		return Value{}, err
	}
	r := []rune(text(a[0]))
	from := clamp(start-1, 0, len(r))
	return String(string(r[from:clamp(from+k, from, len(r))])), nil
}

func clamp(x, lo, hi int) int { return min(max(x, lo), hi) }

// evalConcat joins its arguments' text (a blank numeric field is NAN, as PHP writes NaN).
func evalConcat(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	var b strings.Builder
	for _, v := range a {
		b.WriteString(v.Text())
	}
	return String(b.String()), nil
}

// evalConcatWS joins the non-blank arguments with the first one as separator.
func evalConcatWS(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	sep := text(a[0])
	parts := make([]string, 0, len(a)-1)
	for _, v := range a[1:] {
		if t := text(v); t != "" {
			parts = append(parts, t)
		}
	}
	return String(strings.Join(parts, sep)), nil
}

// evalReplace is replace_text(text, search, replacement), case-sensitive.
func evalReplace(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	s, old := text(a[0]), text(a[1])
	if old == "" {
		return String(s), nil
	}
	return String(strings.ReplaceAll(s, old, text(a[2]))), nil
}
