package emit

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// logicRows is a small dictionary whose last field, "target", the tests of logicDoc vary.
func logicRows(target dictRow) []dictRow {
	target.Name, target.Form, target.Label = "target", "visit", "Target"
	if target.Type == "" {
		target.Type = "text"
	}
	return []dictRow{
		{Name: "record_id", Form: "visit", Type: "text", Label: "Record ID"},
		{Name: "smoker", Form: "visit", Type: "yesno", Label: "Smoker"},
		{Name: "dob", Form: "visit", Type: "text", Label: "Birth", Validation: "date_ymd"},
		{Name: "weight_kg", Form: "visit", Type: "text", Label: "Weight", Validation: "number"},
		{Name: "height_cm", Form: "visit", Type: "text", Label: "Height", Validation: "number"},
		{Name: "race", Form: "visit", Type: "checkbox", Label: "Race", Choices: "1, White | 2, Black"},
		target,
	}
}

func TestLogicDoc(t *testing.T) {
	long := strings.Repeat("[weight_kg] > 1 and ", 8) + "[height_cm] > 1"
	tests := []struct {
		name   string
		target dictRow
		want   string
	}{
		{"no logic", dictRow{}, ""},
		{"blank branching", dictRow{Branching: " \n "}, ""},
		{"branching", dictRow{Branching: "[smoker] = '1'"}, "// Shown if: [smoker] = '1'"},
		{"calc", dictRow{Type: "calc", Choices: "round([weight_kg]*10000/([height_cm]*[height_cm]),1)"},
			"// Computed: round([weight_kg]*10000/([height_cm]*[height_cm]),1)"},
		{"calctext", dictRow{Annotation: "@HIDDEN @CALCTEXT(if([smoker] = '1', 'yes', ''))"},
			"// Computed: @CALCTEXT(if([smoker] = '1', 'yes', ''))"},
		{"calcdate", dictRow{Annotation: "@CALCDATE([dob], 18, 'y')", Validation: "date_ymd"},
			"// Computed: @CALCDATE([dob], 18, 'y')"},
		{"branching and calc", dictRow{Type: "calc", Choices: "[weight_kg]*2", Branching: "[smoker] = '1'"},
			"// Shown if: [smoker] = '1'\n// Computed: [weight_kg]*2"},
		{"empty quotes, tags and comparisons kept", dictRow{Branching: "[smoker] <> '' and [smoker] <> '<b>x</b>' and [weight_kg]<[height_cm]"},
			"// Shown if: [smoker] <> '' and [smoker] <> '<b>x</b>' and [weight_kg]<[height_cm]"},
		{"newlines and tabs collapse outside quotes", dictRow{Branching: "[smoker] = '1'\r\n\tor\n[race(2)] = '1'"},
			"// Shown if: [smoker] = '1' or [race(2)] = '1'"},
		{"control characters removed, spaces in quotes kept", dictRow{Branching: "[smoker] = 'a  \nb\x00\u202e'"},
			"// Shown if: [smoker] = 'a   b'"},
		{"comment ends are text", dictRow{Branching: "[smoker] = '*/' or [smoker] = '/*'"},
			"// Shown if: [smoker] = '*/' or [smoker] = '/*'"},
		{"wrapped", dictRow{Branching: long},
			"// Shown if: " + strings.Repeat("[weight_kg] > 1 and ", 3) + "[weight_kg] > 1 and\n" +
				"// " + strings.Repeat("[weight_kg] > 1 and ", 3) + "[weight_kg] > 1 and [height_cm]\n// > 1"},
		{"no break inside a quoted string", dictRow{Branching: "[smoker] = '" + strings.Repeat("x ", 60) + "'"},
			"// Shown if: [smoker] =\n// '" + strings.Repeat("x ", 60) + "'"},
		{"unknown field", dictRow{Branching: "[smokr] = '1'"},
			"// Shown if: [smokr] = '1'\n" +
				"// REDCap cannot evaluate this logic; the field counts as always shown (at position 1: unknown\n" +
				"// field \"smokr\")."},
		{"syntax error in a calc", dictRow{Type: "calc", Choices: "[weight_kg] * * 2"},
			"// Computed: [weight_kg] * * 2\n// REDCap cannot evaluate this; the value stays blank (at position 15: "},
		{"several problems", dictRow{Branching: "[a] = '1' or [b] = '1'"},
			"// Shown if: [a] = '1' or [b] = '1'\n" +
				"// REDCap cannot evaluate this logic; the field counts as always shown (at position 1: unknown\n" +
				"// field \"a\", and 1 more)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pl := smallPlan(t, readRows(t, logicRows(tt.target)))
			got := pl.logicDoc(fieldOf(t, pl, "target").field)
			if strings.HasSuffix(tt.want, ": ") { // the parser's message is the engine's to word
				if !strings.HasPrefix(got, tt.want) {
					t.Fatalf("logicDoc =\n%s\nwant a comment starting\n%s", got, tt.want)
				}
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("logicDoc (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLogicDocInStruct checks that the expression lands above the Go field of the instrument
// struct, and that the file stays valid and gofmt-stable whatever the expression holds.
func TestLogicDocInStruct(t *testing.T) {
	pl := smallPlan(t, readRows(t, logicRows(dictRow{Branching: "[smoker] = '1' and [dob] <> ''"})))
	got := renderDecl(t, pl.emitFormStruct(pl.forms[0]))
	want := "\t// Shown if: [smoker] = '1' and [dob] <> ''\n\tTarget   redcap.Value[redcap.Text]       // \"target\" (Target): text\n"
	if !strings.Contains(got, want) {
		t.Fatalf("form struct:\n%s\nwant it to contain:\n%s", got, want)
	}
}

// checkLogicDocFile fails when a struct field under doc does not give a valid, gofmt-stable file
// whose field keeps the doc, or when a line of doc is far wider than the wrap width.
func checkLogicDocFile(t *testing.T, expr, doc string) {
	t.Helper()
	src := []byte("package x\n\ntype T struct {\n" + doc + "\nF int // f\n}\n")
	once, err := format.Source(src)
	if err != nil {
		t.Fatalf("expression %q gives an invalid file: %v\n%s", expr, err, src)
	}
	twice, err := format.Source(once)
	if err != nil || !bytes.Equal(once, twice) {
		t.Fatalf("gofmt is not stable on expression %q: %v\n%s\n---\n%s", expr, err, once, twice)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", once, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Decls) != 1 || !strings.Contains(string(once), "F int") {
		t.Fatalf("expression %q swallowed the declaration:\n%s", expr, once)
	}
	for _, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(line, "// ") && line != "//" {
			t.Fatalf("line %q of the comment of %q is not a line comment", line, expr)
		}
	}
}

func FuzzLogicDoc(f *testing.F) {
	for _, s := range []string{"[smoker] = '1'", "[a]<b>c", "'*/\n//'", "x\r\ny", "'unterminated", "\u2028", "\xff"} {
		f.Add(s)
	}
	pl := smallPlan(f, readRows(f, logicRows(dictRow{})))
	field, ok := pl.p.Field("target")
	if !ok {
		f.Fatal("no field target")
	}
	f.Fuzz(func(t *testing.T, expr string) {
		g := *field
		g.Branching = expr
		doc := pl.logicDoc(&g)
		if strings.TrimSpace(expr) == "" {
			if doc != "" {
				t.Fatalf("blank logic %q gives a comment %q", expr, doc)
			}
			return
		}
		checkLogicDocFile(t, expr, doc)
	})
}
