package redcaptest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/generator/dictionary"
)

func TestRCLex(t *testing.T) {
	tests := []struct {
		logic string
		want  []rcToken
	}{
		{"[sex] = = '1'", []rcToken{{rcProjVar, "sex"}, {rcEqual, "=="}, {rcEqual, "=="}, {rcString, "'1'"}}},
		{"[a] <> 'x=y' OR [b] != \"\"", []rcToken{{rcProjVar, "a"}, {rcNotEqual, "!="}, {rcString, "'x=y'"}, {rcOr, "||"}, {rcProjVar, "b"}, {rcNotEqual, "!="}, {rcString, `""`}}},
		{"[ev_1][f(A_b)][2]>=.5", []rcToken{{rcEventVar, "ev_1"}, {rcProjVar, "f"}, {rcProjCbox, "A_b"}, {rcProjInst, "2"}, {rcGTE, ">="}, {rcNum, ".5"}}},
		{"[race(-1)] = '1' and TRUE", []rcToken{{rcProjVar, "race"}, {rcProjCbox, "-1"}, {rcEqual, "=="}, {rcString, "'1'"}, {rcAnd, "&&"}, {rcTrue, "true"}}},
		{"if([a]<1, true_x, -2)", []rcToken{{rcIdent, "if"}, {rcLeftParen, "("}, {rcProjVar, "a"}, {rcLT, "<"}, {rcNum, "1"}, {rcComma, ","}, {rcIdent, "true_x"}, {rcComma, ","}, {rcMinus, "-"}, {rcNum, "2"}, {rcRightParen, ")"}}},
		{"!([a] = 1)\n// a comment line\n^ 'it''s'", []rcToken{{rcNot, "!"}, {rcLeftParen, "("}, {rcProjVar, "a"}, {rcEqual, "=="}, {rcNum, "1"}, {rcRightParen, ")"}, {rcCaret, "^"}, {rcString, "'it'"}, {rcString, "'s'"}}},
		{"[a] = 'x != y'", []rcToken{{rcProjVar, "a"}, {rcEqual, "=="}, {rcString, "'x <> y'"}}}, // REDCap rewrites != even inside quotes
		{"[a] = %27b%27", []rcToken{{rcProjVar, "a"}, {rcEqual, "=="}, {rcString, "'b'"}}},
		{"[a] = 'open", []rcToken{{rcProjVar, "a"}, {rcEqual, "=="}, {rcSingleQuote, "'"}, {rcIdent, "open"}}},
	}
	for _, tt := range tests {
		got, err := rcLex(rcFormatLogic(rcRemoveComments(tt.logic)))
		if err != nil {
			t.Errorf("rcLex(%q): %v", tt.logic, err)
			continue
		}
		if d := cmp.Diff(tt.want, got, cmp.AllowUnexported(rcToken{})); d != "" {
			t.Errorf("rcLex(%q) (-want +got):\n%s", tt.logic, d)
		}
	}
}

func TestRCLexFailures(t *testing.T) {
	for _, logic := range []string{"[a] @ 1", "[A] = 1", "[a] == 1", "[a] = 1.", "[event-name]"} {
		if toks, err := rcLex(rcFormatLogic(logic)); err == nil {
			t.Errorf("rcLex(%q) = %v, want REDCap's lexer to give up", logic, toks)
		}
	}
}

func TestRCAnalyse(t *testing.T) {
	tests := []struct {
		logic      string
		firstEvent string
		outcome    rcOutcome
		stoppedAt  int
	}{
		{"[sex] = '1'", "", rcParsed, 0},
		{"[a] <> '' or ([b] > 2 and [c(1)] = '1')", "", rcParsed, 0},
		{"!([a] = 1) and if([b] = 1, 2, 3) = 2", "", rcParsed, 0},
		{"sum([a], [b], -1) > (2)^(3)", "", rcParsed, 0},
		{"[sex] = = '1'", "", rcUnconsumed, 4},
		{"[a] = 1 [b]", "", rcUnconsumed, 6},
		{"[a] > -[b]", "", rcUnconsumed, 4},
		{"([a] = 1", "", rcUnparsed, 0},
		{"= 1", "", rcUnparsed, 0},
		{"", "", rcUnparsed, 0},
		{"if([a] = 1, 2) = 2", "", rcBadIf, 0},
		{"[a] @ 1", "", rcLexFailed, 0},
		{"[sex] = = '1'", "visit_1_arm_1", rcUnconsumed, 5},
	}
	for _, tt := range tests {
		a := rcAnalyse(tt.logic, tt.firstEvent)
		if a.outcome != tt.outcome || a.stoppedAt != tt.stoppedAt {
			t.Errorf("rcAnalyse(%q, %q) = outcome %d stopped at %d, want %d at %d (tokens %v)",
				tt.logic, tt.firstEvent, a.outcome, a.stoppedAt, tt.outcome, tt.stoppedAt, a.tokens)
		}
	}
}

func TestRCWrapReferences(t *testing.T) {
	toks, err := rcLex("[e1][a(2)] + [b][3]")
	if err != nil {
		t.Fatal(err)
	}
	got := rcWrapReferences(toks, "first_arm_1")
	want := []rcToken{
		{rcIdent, "chkNull"}, {rcLeftParen, "("}, {rcEventVar, "e1"}, {rcProjVar, "a"}, {rcProjCbox, "2"}, {rcRightParen, ")"},
		{rcPlus, "+"},
		{rcIdent, "chkNull"}, {rcLeftParen, "("}, {rcEventVar, "first_arm_1"}, {rcProjVar, "b"}, {rcProjInst, "3"}, {rcRightParen, ")"},
	}
	if d := cmp.Diff(want, got, cmp.AllowUnexported(rcToken{})); d != "" {
		t.Errorf("rcWrapReferences (-want +got):\n%s", d)
	}
}

// TestRCAnalyseAcceptsCapturedFilters: every filterLogic REDCap answered with data reads, in
// the model of its parser, as a whole program.
func TestRCAnalyseAcceptsCapturedFilters(t *testing.T) {
	c := loadCorpus(t)
	n := 0
	for _, file := range replayFiles {
		for _, v := range c.files[file] {
			logic, ok := v.Request["filterLogic"].(string)
			if !ok || v.Status != 200 {
				continue
			}
			n++
			if a := rcAnalyse(logic, ""); a.outcome != rcParsed {
				t.Errorf("%s: filterLogic %q: outcome %d, stopped at %d", v.Name, logic, a.outcome, a.stoppedAt)
			}
		}
	}
	if n == 0 {
		t.Fatal("no captured filterLogic answered with data")
	}
}

func TestPHPHTMLEscape(t *testing.T) {
	got := phpHTMLEscape(`a->b('x') & "y" <z>`)
	want := "a-&gt;b(&#039;x&#039;) &amp; &quot;y&quot; &lt;z&gt;"
	if got != want {
		t.Errorf("phpHTMLEscape = %q, want %q", got, want)
	}
}

// TestExportCrashes checks the crash answers of the server: which requests crash, and that the
// report shows REDCap's tokens and the event a longitudinal project evaluates first.
func TestExportCrashes(t *testing.T) {
	p := demoProject(t)
	p.Arms = []dictionary.Arm{{Num: 1, Name: "Arm 1"}}
	p.Events = []dictionary.Event{{UniqueName: "screen_arm_1", Name: "Screen", Arm: 1}, {UniqueName: "visit_arm_1", Name: "Visit", Arm: 1}}
	p.Mappings = []dictionary.Mapping{{Arm: 1, Event: "screen_arm_1", Form: "demographics"}, {Arm: 1, Event: "visit_arm_1", Form: "visit"}}
	long := NewServer(p)
	t.Cleanup(long.Close)
	classic := newDemo(t)
	tests := []struct {
		name   string
		s      *Server
		fields map[string]string
		status int
		want   []string // parts of the body, in order
	}{
		{"tab delimiter, CSV", classic, map[string]string{"format": "csv", "csvDelimiter": "tab"}, 400,
			[]string{"fputcsv(): Argument #3 ($separator) must be a single character", "<b>Line:</b> 4347<br>", "\t\t\t\tERROR: An unknown error occurred. Please check your API parameters."}},
		{"tab delimiter, JSON", classic, map[string]string{"format": "json", "csvDelimiter": "tab"}, 200, []string{"["}},
		{"unconsumed tokens, classic", classic, map[string]string{"format": "xml", "filterLogic": "[cigs] > > 3"}, 400,
			[]string{"tokenIdx: 4, tokens: Array\n(\n    [0] =&gt; stdClass Object\n        (\n            [type] =&gt; 1\n            [value] =&gt; chkNull\n",
				"[value] =&gt; cigs", "LogicParser.php:270", "<hash><error>An unknown error occurred."}},
		{"unconsumed tokens, longitudinal", long, map[string]string{"format": "json", "filterLogic": "[cigs] > > 3"}, 400,
			[]string{"tokenIdx: 5", "[type] =&gt; 28\n            [value] =&gt; screen_arm_1", `{"error":"An unknown error occurred. Please check your API parameters."}`}},
		{"unbalanced parenthesis", classic, map[string]string{"format": "json", "filterLogic": "([cigs] > 3"}, 400,
			[]string{"REDCap crashed due to an unexpected PHP fatal error!", `{"error":"An unknown error occurred. Please check your API parameters."}`}},
		{"valid filter", classic, map[string]string{"format": "json", "filterLogic": "[cigs] > 3 or [sex] = '1'"}, 200, []string{"["}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fields := map[string]string{"content": "record", "action": "export", "type": "flat"}
			for k, v := range tt.fields {
				fields[k] = v
			}
			status, _, body := post(t, tt.s, fields)
			if status != tt.status {
				t.Fatalf("status %d, want %d; body %q", status, tt.status, body)
			}
			rest := body
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("body lacks %q (in order); body:\n%s", w, body)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

// FuzzRCAnalyse: REDCap's reading of any logic never panics and stops inside the tokens.
func FuzzRCAnalyse(f *testing.F) {
	for _, s := range []string{"[sex] = = '1'", "if([a],1,2)", "([a] = 1", "[e][f(1)][2] <> ''", "'x", "%2", "[a]^(2)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, logic string) {
		for _, ev := range []string{"", "e_arm_1"} {
			a := rcAnalyse(logic, ev)
			if a.outcome == rcUnconsumed && (a.stoppedAt <= 0 || a.stoppedAt >= len(a.tokens)) {
				t.Fatalf("rcAnalyse(%q): stopped at %d of %d tokens", logic, a.stoppedAt, len(a.tokens))
			}
		}
	})
}
