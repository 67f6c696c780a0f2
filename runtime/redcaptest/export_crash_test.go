package redcaptest

import (
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/logic"
)

// TestRCAnalyseAcceptsCapturedFilters: every filterLogic REDCap answered with data reads, in
// the model of its parser, as a whole program.
func TestRCAnalyseAcceptsCapturedFilters(t *testing.T) {
	c := loadCorpus(t)
	n := 0
	for _, file := range replayFiles {
		for _, v := range c.files[file] {
			filter, ok := v.Request["filterLogic"].(string)
			if !ok || v.Status != 200 {
				continue
			}
			n++
			if a := logic.Analyse(filter, ""); a.Outcome != logic.Accepted {
				t.Errorf("%s: filterLogic %q: outcome %d, stopped at %d", v.Name, filter, a.Outcome, a.StoppedAt)
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
