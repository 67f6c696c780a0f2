package logic

import (
	"math"
	"testing"
	"time"
)

// mapEnv is one classic record as a map of columns (checkbox options as field___code).
type mapEnv map[string]string

func (m mapEnv) Value(field, code, event string, instance int) string {
	if event != "" {
		return ""
	}
	if code != "" {
		return m[field+"___"+code]
	}
	return m[field]
}

var testSchema = NewSchema([]Field{
	{Name: "record_id", Form: "f", Type: "text"},
	{Name: "a", Form: "f", Type: "text", Validation: "number"},
	{Name: "b", Form: "f", Type: "text", Validation: "integer"},
	{Name: "z", Form: "f", Type: "text", Validation: "number"},
	{Name: "blank", Form: "f", Type: "text", Validation: "number"},
	{Name: "txt", Form: "f", Type: "text"},
	{Name: "d1", Form: "f", Type: "text", Validation: "date_ymd"},
	{Name: "d2", Form: "f", Type: "text", Validation: "date_ymd"},
	{Name: "dmy", Form: "f", Type: "text", Validation: "date_dmy"},
	{Name: "t1", Form: "f", Type: "text", Validation: "datetime_ymd"},
	{Name: "yn", Form: "f", Type: "yesno", Codes: []string{"1", "0"}, Labels: []string{"Yes", "No"}},
	{Name: "cb", Form: "f", Type: "checkbox", Codes: []string{"1", "2", "a_b"}},
	{Name: "mc", Form: "f", Type: "text", Validation: "integer"},
}, nil, []string{"UNK"})

var testRecord = mapEnv{
	"record_id": "1", "a": "7", "b": "2", "z": "0", "txt": "Banana", "d1": "2024-01-01",
	"d2": "2024-03-01", "dmy": "2024-06-15", "t1": "2024-01-01 12:30", "cb___1": "1", "cb___a_b": "1",
	"mc": "UNK",
}

func TestEvalCalc(t *testing.T) {
	tests := []struct{ expr, want string }{
		// arithmetic, precedence and PHP's number formatting
		{"[a] + [b] * 2", "11"},
		{"([a] + [b]) * 2", "18"},
		{"[a] - [b] - 1", "4"},
		{"[a] / [b]", "3.5"},
		{"-1 * [a] + 1", "-6"},
		{"0.1 + 0.2", "0.3"},
		{"1 / 3", "0.33333333333333"},
		{"100000000 * 100000000", "10000000000000000"},
		{"[a] * 100000000000000", "700000000000000"},
		{"[a] * 1000000000000000.0", "7.0E+15"},
		{"[a] / 10000000", "7.0E-7"},
		// REDCap's rewriting of ^: the exponent runs to the next group or the end
		{"([a])^(2)", "49"},
		{"([a])^2", "49"},
		{"([a])^2 + 1", "343"},
		{"(-8)^(1/3)", "-2"},
		{"([z])^(-1)", "INF"},
		{"round(([a])^2, 1)", ""},
		// blanks, text, division by zero
		{"[blank] + 1", ""},
		{"[txt] + 1", ""},
		{"[a] / [z]", ""},
		{"sqrt(-1)", ""},
		{"log(0)", ""},
		{"if([blank] = '', 1, 2)", "1"},
		{"if([blank] > 5, 1, 0)", "0"},
		{"if([blank] <> 5, 1, 0)", "1"},
		{"[blank] + [a] = ''", ""},
		// missing-data codes: neither blank nor equal to the code
		{"if([mc] = 'UNK', 1, 0)", "0"},
		{"if(isblankormissingcode([mc]), 1, 0)", "0"},
		{"[mc] + 1", ""},
		// functions
		{"round([a] / [b])", "4"},
		{"round(-2.5)", "-3"},
		{"round(1.005, 2)", "1.01"},
		{"round(677, -1)", "680"},
		{"roundup(-86 / 7, 1)", "-12.2"},
		{"rounddown(-86 / 7, 1)", "-12.3"},
		{"mod(-23, 7)", "-2"},
		{"min([a], [b], [blank])", "2"},
		{"mean([a], [b], [blank])", "4.5"},
		{"median(3, 1, [a], 2)", "2.5"},
		{"sum([blank])", ""},
		{"stdev(2, 4, 4, 4, 5, 5, 7, 9)", "2.1380899352994"},
		{"if(isnumber('007'), 1, 0)", "0"},
		{"if(isinteger('12.0'), 1, 0)", "0"},
		{"if(isinteger([a]), 1, 0)", "1"},
		{"month([d1])", "01"},
		{"concat([a], [b])", "72"},
		{"[cb(1)] + [cb(2)] + [cb(a_b)]", "2"},
		{`datediff([d1], [d2], "d")`, "60"},
		{`datediff([d2], [d1], "d", true)`, "-60"},
		{`datediff([d1], [t1], "h")`, "12.5"},
		{`datediff([d1], [d2], "y")`, "0.16427442041931"},
		{`datediff([dmy], '15-07-2024', "d")`, "30"},
		{`datediff('03/01/2024', [d1], "d", "mdy")`, "60"},
		{`datediff([d1], [blank], "d")`, ""},
		{`datediff([d1], 'today', "d")`, "336"},
		{"year('today')", "2024"},
		// REDCap stores only numbers in a calc field
		{"[a] > 5", ""},
		{"if([a] > 5, 'yes', 'no')", ""},
		{"([a] > 5) + 1", "2"},
	}
	now := time.Date(2024, 12, 2, 10, 0, 0, 0, time.UTC)
	for _, tc := range tests {
		e, err := Parse(tc.expr)
		got := ""
		if err == nil && AnalyseCalc(tc.expr).Outcome == Accepted {
			got = Calc(e.Eval(testSchema, testRecord, Context{Record: "1", Now: now}))
		}
		if got != tc.want {
			t.Errorf("%s = %q, want %q (parse: %v)", tc.expr, got, tc.want, err)
		}
	}
}

func TestEvalText(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"concat([txt], '-', [blank])", "Banana-NAN"}, // a blank number is NaN, as in PHP
		{"concat_ws(', ', [txt], [blank], 'x')", "Banana, x"},
		{"[blank] / 3", "NAN"},
		{"[a] > 5", "1"},
		{"[a] < 5", ""},
		{"upper(left([txt], 3))", "BAN"},
		{"mid([txt], 2, 3)", "ana"},
		{"replace_text([txt], 'a', 'A')", "BAnAnA"},
		{"if(contains([txt], 'NAN'), 'y', 'n')", "y"},
		{"find('n', [txt])", "3"},
		{"length([txt])", "6"},
	}
	for _, tc := range tests {
		e, err := Parse(tc.expr)
		if err != nil {
			t.Errorf("%s: %v", tc.expr, err)
			continue
		}
		if got := CalcText(e.Eval(testSchema, testRecord, Context{})); got != tc.want {
			t.Errorf("%s = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

func TestCalcDate(t *testing.T) {
	tests := []struct{ expr, validation, want string }{
		{"calcdate([d1], 30, 'd')", "date_ymd", "2024-01-31"},
		{"calcdate([d1], -1, 'M')", "date_ymd", "2023-12-01"},
		{"calcdate([t1], 90, 'm')", "datetime_ymd", "2024-01-01 14:00"},
		{"calcdate([t1], 1.5, 'h')", "datetime_seconds_ymd", "2024-01-01 14:00:00"},
		{"calcdate([blank], 1, 'd')", "date_ymd", ""},
	}
	for _, tc := range tests {
		e, err := Parse(tc.expr)
		if err != nil {
			t.Fatalf("%s: %v", tc.expr, err)
		}
		v, err := e.Eval(testSchema, testRecord, Context{})
		if got := CalcDate(v, err, tc.validation); got != tc.want {
			t.Errorf("%s = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

func TestSelects(t *testing.T) {
	tests := []struct {
		expr string
		want bool
	}{
		{"[a] > 5 and [b] = 2", true},
		{"[a] > 5 and [b] = 3 or [cb(1)] = '1'", true},
		{"[a] > 5 and ([b] = 3 or [cb(2)] = '1')", false},
		{"[blank] < 0", false},
		{"[blank] <> 0", true},
		{"[blank]", true},
		{"[z]", true},
		{"[yn] = true", true},
		{"[txt] = 'banana'", false},
		{"[txt] = 0", false},
		{"contains([txt], 'NAN')", true},
		{"[d1] < [d2]", true},
		{"[d1] > 2020", true},
		{"[txt] + 1 > 0", false},
		{"!([yn] = '1')", true},
		{"[record-name] = '1'", true},
		{"[yn:label] = 'Yes'", false},
		{"[yn:label] = ''", true},
		{"[a:value] = 7", true},
		{"[a] < > 7", false},
		{"[a] &gt; 5 &amp;&amp; [b] &lt;= 2", true},
		{"[user-name] = ''", false},
		{"[other_arm_1][a] = 7", false},
	}
	for _, tc := range tests {
		e, err := Parse(tc.expr)
		if err != nil {
			t.Errorf("%s: %v", tc.expr, err)
			continue
		}
		if got := Selects(e.Eval(testSchema, testRecord, Context{Record: "1"})); got != tc.want {
			t.Errorf("%s selects %v, want %v", tc.expr, got, tc.want)
		}
	}
}

func TestFormatFloat(t *testing.T) {
	for f, want := range map[float64]string{0: "0", 25: "25", -0.5: "-0.5", 1e-7: "1.0E-7", 1.5e-5: "1.5E-5",
		0.0001: "0.0001", 1e20: "1.0E+20", 22.700000000000003: "22.7", 6.77e15: "6.77E+15", 2.5e13: "25000000000000",
		48e13: "4.8E+14", 12345678901234.5: "12345678901234", -1234.5: "-1234.5"} {
		if got := formatFloat(f); got != want {
			t.Errorf("formatFloat(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		expr string
		use  Use
		want []string
	}{
		{"[a] > 1 and [cb(2)] = '1'", UseBranching, nil},
		{"[nope] = 1", UseBranching, []string{`at position 1: unknown field "nope"`}},
		{"[cb(9)] = '1'", UseBranching, []string{`at position 1: checkbox "cb" has no option "9" (has 1, 2, a_b)`}},
		{"[a(1)] = '1'", UseBranching, []string{`at position 1: field "a" is not a checkbox; [a(1)] names an option`}},
		{"[a] == 1", UseBranching, []string{`at position 1: REDCap's parser cannot read it ("Unable to find next token"; == is not an operator, use =)`}},
		{"[a] == 1", UseCalc, nil},
		{"not([a] = 1)", UseBranching, []string{"at position 1: REDCap has no function not()"}},
		{"if([a] > 1, 2)", UseCalc, []string{"at position 1: if() takes 3 arguments, not 2", "at position 1: if() needs three arguments: if(condition, value if true, value if false)"}},
		{"[a] +", UseCalc, []string{"at position 6: the expression ends too early"}},
		{"[user-dag-name] = 'x'", UseBranching, []string{"at position 1: smart variable [user-dag-name] has no value outside REDCap's pages"}},
	}
	for _, tc := range tests {
		_, probs := Check(tc.expr, testSchema, tc.use)
		var got []string
		for _, p := range probs {
			got = append(got, p.String())
		}
		if len(got) != len(tc.want) {
			t.Errorf("Check(%q) = %q, want %q", tc.expr, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Check(%q)[%d] = %q, want %q", tc.expr, i, got[i], tc.want[i])
			}
		}
	}
}

func TestSyntaxErrorNamesTheCharacter(t *testing.T) {
	_, err := Parse("[a] \u202e 1")
	if err == nil || err.Error() != `at position 5: unexpected character '\u202e'` {
		t.Errorf("Parse: %v", err)
	}
}

// TestAppendStoredMatchesCalc: AppendStored writes exactly what Calc, CalcText and CalcDate give.
func TestAppendStoredMatchesCalc(t *testing.T) {
	values := []Value{Int(0), Int(-42), Float(0.1 + 0.2), Float(1.0 / 3), Float(6.77e15), Float(5e-6), Float(2.5e13),
		Float(-1234.5), Float(677), Float(math.NaN()), Float(math.Inf(1)), String("02"), String("abc"), Bool(true), Bool(false),
		String("2024-01-31 10:00:00"), missingCode("UNK")}
	for _, v := range values {
		for _, err := range []error{nil, errNotNumber} {
			if got, want := string(AppendStored(nil, "calc", v, err, "")), Calc(v, err); got != want {
				t.Errorf("calc %#v: %q, want %q", v, got, want)
			}
			if got, want := string(AppendStored(nil, "calctext", v, err, "")), CalcText(v, err); got != want {
				t.Errorf("calctext %#v: %q, want %q", v, got, want)
			}
			if got, want := string(AppendStored(nil, "calcdate", v, err, "date_ymd")), CalcDate(v, err, "date_ymd"); got != want {
				t.Errorf("calcdate %#v: %q, want %q", v, got, want)
			}
		}
	}
}

// TestFieldLabel: [field:label] reads the label of the stored code; REDCap's parser accepts it
// (REDCap pipes it in before parsing).
func TestFieldLabel(t *testing.T) {
	rec := mapEnv{"yn": "1"}
	for expr, want := range map[string]bool{"[yn:label] = 'Yes'": true, "[yn:label] = 'No'": false, "[yn:value] = 1": true} {
		e, err := Parse(expr)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		if got := Selects(e.Eval(testSchema, rec, Context{})); got != want {
			t.Errorf("%s selects %v, want %v", expr, got, want)
		}
		if _, probs := Check(expr, testSchema, UseBranching); len(probs) > 0 {
			t.Errorf("Check(%s): %v", expr, probs)
		}
	}
}
