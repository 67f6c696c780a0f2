package templates

import (
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator/naming"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// hostileDictionary has labels, choices, branching and events written to break out of HTML and
// Markdown: script tags, attribute quotes, table pipes, newlines and entities.
const hostileDictionary = `"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"
record_id,screening,,text,"Record ID",,,,,,,,,,,,,
initials,screening,,text,"<script>alert('pwned')</script>Initials",,,,,,y,,,,,,,
mood,screening,,radio,"Mood <img src=x onerror=alert(1)>","1, Good <script>x()</script> | 2, Bad | cell | 3, ""quoted"" &amp; more",,,,,,,y,,,,,
age,screening,,text,"Age
(years) | <b>bold</b>",,,integer,18,120,,"[mood] = '1' and [initials] <> ''",,,,,,
`

// renderHostile renders the hostile dictionary's codebook in format.
func renderHostile(t *testing.T, format CodebookFormat) (string, *naming.Names) {
	t.Helper()
	p, err := dictionary.Read("hostile.csv", []byte(hostileDictionary))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	names, err := naming.Resolve(p, nil)
	if err != nil {
		t.Fatalf("names: %v", err)
	}
	out, err := Codebook(p, names, format)
	if err != nil {
		t.Fatalf("codebook: %v", err)
	}
	return string(out), names
}

// TestCodebookEscapesLabelHTML renders both formats and requires that no REDCap text reaches the
// output as markup, while the text itself and the Go names are there.
func TestCodebookEscapesLabelHTML(t *testing.T) {
	for _, format := range []CodebookFormat{CodebookHTML, CodebookMarkdown} {
		t.Run(string(format), func(t *testing.T) {
			out, names := renderHostile(t, format)
			for _, raw := range []string{"<script", "</script", "<img", "onerror=alert(1)>", "<b>"} {
				if strings.Contains(strings.ToLower(out), raw) {
					t.Errorf("codebook holds raw %q:\n%s", raw, out)
				}
			}
			for _, text := range []string{"Initials", "Mood", "Good", "Bad", "Age (years)", "bold"} {
				if !strings.Contains(out, text) {
					t.Errorf("codebook lost label text %q:\n%s", text, out)
				}
			}
			for _, field := range []string{"record_id", "initials", "mood", "age"} {
				goName := names.Field(field)
				if goName == "" || !strings.Contains(out, goName) {
					t.Errorf("codebook lacks the Go name %q of field %q", goName, field)
				}
			}
			if form := names.Form("screening"); form == "" || !strings.Contains(out, form) {
				t.Errorf("codebook lacks the Go type %q of form screening", form)
			}
		})
	}
}

// markdownCells splits a Markdown table row on the pipes that are not escaped.
func markdownCells(row string) []string {
	return regexp.MustCompile(`(^|[^\\])\|`).Split(strings.TrimSpace(row), -1)
}

// TestMarkdownCodebookRowsStayInTheirTable requires every field row of the Markdown codebook to
// be one line with exactly the header's number of cells, however many pipes and newlines the
// labels and choices hold.
func TestMarkdownCodebookRowsStayInTheirTable(t *testing.T) {
	out, _ := renderHostile(t, CodebookMarkdown)
	var header []string
	rows := 0
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "| field |"):
			header = markdownCells(line)
		case strings.HasPrefix(line, "| `"):
			rows++
			if got := markdownCells(line); len(got) != len(header) {
				t.Errorf("row has %d cells, header %d: %q", len(got), len(header), line)
			}
		}
	}
	if rows != 4 {
		t.Errorf("%d field rows, want 4:\n%s", rows, out)
	}
}

// TestHTMLCodebookIsOneTableRowPerField requires one <tr> per field plus the header row, so no
// label closed or opened a table element.
func TestHTMLCodebookIsOneTableRowPerField(t *testing.T) {
	out, _ := renderHostile(t, CodebookHTML)
	if got := strings.Count(out, "<tr>"); got != 4+1 {
		t.Errorf("%d <tr> elements, want 5 (header and 4 fields):\n%s", got, out)
	}
	if strings.Count(out, "<td>") != strings.Count(out, "</td>") {
		t.Errorf("unbalanced table cells:\n%s", out)
	}
	if !strings.Contains(out, template.HTMLEscapeString(`"quoted" & more`)) {
		t.Errorf("choice label with quotes and an entity is not shown escaped once:\n%s", out)
	}
}

// TestCodebookFormatFor maps file names to formats and refuses others.
func TestCodebookFormatFor(t *testing.T) {
	tests := []struct {
		path string
		want CodebookFormat
		ok   bool
	}{
		{"x.md", CodebookMarkdown, true},
		{"dir/X.MARKDOWN", CodebookMarkdown, true},
		{"x.html", CodebookHTML, true},
		{"x.HTM", CodebookHTML, true},
		{"x.txt", "", false},
		{"x", "", false},
	}
	for _, tt := range tests {
		got, err := CodebookFormatFor(tt.path)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("CodebookFormatFor(%q) = %q, %v; want %q, ok %v", tt.path, got, err, tt.want, tt.ok)
		}
	}
}

// TestCodebookOfEverySharedDictionary renders both formats for every shared dictionary: no
// error, no raw <script>, and the Go names of the first and last data fields present.
func TestCodebookOfEverySharedDictionary(t *testing.T) {
	for _, path := range sharedtest.Dictionaries(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, err := dictionary.Read(filepath.Base(path), data)
			if err != nil {
				t.Skipf("dictionary does not read (covered by the dictionary tests): %v", err)
			}
			names, err := naming.Resolve(p, nil)
			if err != nil {
				t.Skipf("names do not resolve (covered by generator/naming tests): %v", err)
			}
			for _, format := range []CodebookFormat{CodebookHTML, CodebookMarkdown} {
				out, err := Codebook(p, names, format)
				if err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				if strings.Contains(strings.ToLower(string(out)), "<script") {
					t.Errorf("%s codebook holds a raw <script", format)
				}
				fields := p.DataFields()
				for _, f := range []*dictionary.Field{fields[0], fields[len(fields)-1]} {
					if goName := names.Field(f.Name); !strings.Contains(string(out), "<code>"+goName+"</code>") && !strings.Contains(string(out), "`"+goName+"`") {
						t.Errorf("%s codebook lacks the Go name %q of field %q", format, goName, f.Name)
					}
				}
			}
		})
	}
}

func TestPlainTextStripsTagsNotOperators(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<b>Bold</b> text", "Bold text"},
		{"BP <120 or >140", "BP <120 or >140"},
		{"[x] <> ''", "[x] <> ''"},
		{"a<!-- hidden -->b", "a b"},
		{"<div style=\"color:red\">Mood</div>\n second", "Mood second"},
		{"5 &lt; 6", "5 < 6"},
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCodebookKeepsLogicOperators(t *testing.T) {
	p, err := dictionary.ReadCSV("logic.csv", []byte(`"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"
record_id,f,,text,ID,,,,,,,,,,,,,
x,f,,text,X,,,,,,,,,,,,,
y,f,,text,Y,,,,,,,[x] <> '' and [x] < 5,,,,,,
`))
	if err != nil {
		t.Fatal(err)
	}
	names, err := naming.Resolve(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []CodebookFormat{CodebookMarkdown, CodebookHTML} {
		out, err := Codebook(p, names, format)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "[x] &lt;&gt; &#39;&#39; and [x] &lt; 5") {
			t.Errorf("%s codebook lost the branching operators:\n%s", format, out)
		}
	}
}

// logicDictionary has computed fields of every kind, with logic that Markdown would read as
// emphasis, code or cell boundaries and HTML as markup.
const logicDictionary = `"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"
record_id,f,,text,ID,,,,,,,,,,,,,
w_kg,f,,text,W,,,number,,,,,,,,,,
dob,f,,text,DOB,,,date_ymd,,,,,,,,,,
bmi,f,,calc,BMI,"round([w_kg]*10000/([w_kg]*[w_kg]),1)",,,,,,[w_kg] <> '',,,,,,
label,f,,text,Label,,,,,,,,,,,,,"@HIDDEN @CALCTEXT(if([w_kg] < 5, '</td><script>x()</script>|` + "`a`" + `', ''))"
adult,f,,text,Adult,,,date_ymd,,,,,,,,,,"@CALCDATE([dob], 18, 'y')"
`

// renderLogic renders the codebook of logicDictionary in format.
func renderLogic(t *testing.T, format CodebookFormat) string {
	t.Helper()
	p, err := dictionary.ReadCSV("logic.csv", []byte(logicDictionary))
	if err != nil {
		t.Fatal(err)
	}
	names, err := naming.Resolve(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Codebook(p, names, format)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestCodebookShowsCalculations(t *testing.T) {
	tests := []struct {
		format CodebookFormat
		want   []string // each in the output, in order
	}{
		{CodebookMarkdown, []string{
			`| [w\_kg] &lt;&gt; &#39;&#39; | round([w\_kg]\*10000/([w\_kg]\*[w\_kg]),1) |`,
			`| @CALCTEXT(if([w\_kg] &lt; 5, &#39;&lt;/td&gt;&lt;script&gt;x()&lt;/script&gt;\|\` + "`a\\`" + `&#39;, &#39;&#39;)) |`,
			`| @CALCDATE([dob], 18, &#39;y&#39;) |`,
		}},
		{CodebookHTML, []string{
			`<td>[w_kg] &lt;&gt; &#39;&#39;</td><td>round([w_kg]*10000/([w_kg]*[w_kg]),1)</td></tr>`,
			`<td>@CALCTEXT(if([w_kg] &lt; 5, &#39;&lt;/td&gt;&lt;script&gt;x()&lt;/script&gt;|` + "`a`" + `&#39;, &#39;&#39;))</td></tr>`,
			`<td>@CALCDATE([dob], 18, &#39;y&#39;)</td></tr>`,
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			out := renderLogic(t, tt.format)
			rest := out
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("codebook lacks %q (or has it out of order):\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
			if strings.Contains(out, "<script") || strings.Contains(out, "</td><script") {
				t.Errorf("a calculation reached the codebook as markup:\n%s", out)
			}
		})
	}
}

// TestMarkdownCodebookLogicStaysInItsCell requires every field row of a codebook with logic to
// keep the header's number of cells, whatever pipes the expressions hold.
func TestMarkdownCodebookLogicStaysInItsCell(t *testing.T) {
	out := renderLogic(t, CodebookMarkdown)
	var header []string
	rows := 0
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "| field |"):
			header = markdownCells(line)
		case strings.HasPrefix(line, "| `"):
			rows++
			if got := markdownCells(line); len(got) != len(header) {
				t.Errorf("row has %d cells, header %d: %q", len(got), len(header), line)
			}
		}
	}
	if rows != 6 {
		t.Errorf("%d field rows, want 6:\n%s", rows, out)
	}
}

func TestMarkdownLogic(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[a]*[b]*2", `[a]\*[b]\*2`},
		{"[my_field] = 'x|y'", `[my\_field] = 'x\|y'`},
		{`'a\b' or '~~x~~'`, `'a\\b' or '\~\~x\~\~'`},
		{"[x]\n<> ''", "[x] <> ''"},
		{"'`code`'", "'\\`code\\`'"},
	}
	for _, tt := range tests {
		if got := markdownLogic(tt.in); got != tt.want {
			t.Errorf("markdownLogic(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
