package dictionary

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseActionTags(t *testing.T) {
	tests := []struct {
		name       string
		annotation string
		want       []ActionTag
	}{
		{"none", "", nil},
		{"plain", "@HIDDEN", []ActionTag{{Name: "HIDDEN"}}},
		{"padded", "  @READONLY  ", []ActionTag{{Name: "READONLY"}}},
		{"several with dash", "@HIDDEN-SURVEY @READONLY-FORM\n@NOMISSING", []ActionTag{{Name: "HIDDEN-SURVEY"}, {Name: "READONLY-FORM"}, {Name: "NOMISSING"}}},
		{"value", "@CHARLIMIT=10 @WORDLIMIT = 5", []ActionTag{{Name: "CHARLIMIT", Value: "10"}, {Name: "WORDLIMIT", Value: "5"}}},
		{"double quoted", `@DEFAULT="[redcap-version]"`, []ActionTag{{Name: "DEFAULT", Value: "[redcap-version]"}}},
		{"single quoted with comma", "@HIDECHOICE='1,2' @MAXCHOICE(1=2)", []ActionTag{{Name: "HIDECHOICE", Value: "1,2"}, {Name: "MAXCHOICE", Value: "1=2"}}},
		{"quoted with spaces and escaped quote", `@DEFAULT="a \"b\" c"`, []ActionTag{{Name: "DEFAULT", Value: `a "b" c`}}},
		{"params nest", "@CALCTEXT(if([a]='1', concat('x', '(y)'), ''))", []ActionTag{{Name: "CALCTEXT", Value: "if([a]='1', concat('x', '(y)'), '')"}}},
		{"if holds tags", `@IF([x] = "1", @HIDDEN @DEFAULT="2", @READONLY) @NOW`,
			[]ActionTag{{Name: "IF", Value: `[x] = "1", @HIDDEN @DEFAULT="2", @READONLY`}, {Name: "NOW"}}},
		{"free text and urls", "See https://example.org/@HIDDEN or mail me@example.org. @TODAY then text",
			[]ActionTag{{Name: "TODAY"}}},
		{"lower case is not a tag", "@hidden @Hidden", nil},
		{"unterminated quote", `@DEFAULT="abc`, []ActionTag{{Name: "DEFAULT", Value: "abc"}}},
		{"unterminated paren", `@CALCTEXT(sum(1,2)`, []ActionTag{{Name: "CALCTEXT", Value: "sum(1,2)"}}},
		{"bare at", "@ @1 @-X", nil},
		{"setvalue", " @SETVALUE='2007-12-25'", []ActionTag{{Name: "SETVALUE", Value: "2007-12-25"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ParseActionTags(tt.annotation)); diff != "" {
				t.Errorf("ParseActionTags(%q) (-want +got):\n%s", tt.annotation, diff)
			}
		})
	}
}

func TestHasTag(t *testing.T) {
	f := &Field{ActionTags: ParseActionTags(`@NOMISSING @IF([a]=1, @HIDDEN, '')`)}
	for name, want := range map[string]bool{"NOMISSING": true, "@nomissing": true, "HIDDEN": false, "IF": true} {
		if got := f.HasTag(name); got != want {
			t.Errorf("HasTag(%q) = %v, want %v", name, got, want)
		}
	}
}
