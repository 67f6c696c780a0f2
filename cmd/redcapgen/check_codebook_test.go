package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// codebookDictionary has a label with a script tag, a choice label with markup and a branching
// rule; its Go names are RecordID, Initials, Mood, MoodGood.
const codebookDictionary = `"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"
record_id,screening,,text,"Record ID",,,,,,,,,,,,,
initials,screening,,text,"<script>alert('pwned')</script>Initials",,,,,,y,,,,,,,
mood,screening,,radio,"Mood <img src=x onerror=alert(1)>","1, <b>Good</b> | 2, Bad",,,,,,,y,,,,,
`

// TestCodebookFlag generates with -codebook x.md and x.html: both files are written, hold the
// Go names and the label text, and no label markup raw. A codebook name with another extension
// is a usage error and nothing is written.
func TestCodebookFlag(t *testing.T) {
	dir := t.TempDir()
	dict := writeFile(t, dir, "study.csv", []byte(codebookDictionary))
	for _, name := range []string{"codebook.md", "codebook.html"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			mustGenerate(t, nil, "-dict", dict, "-package", "study", "-out", filepath.Join(dir, "study"), "-codebook", path)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("-codebook %s wrote nothing: %v", name, err)
			}
			out := string(data)
			for _, raw := range []string{"<script", "<img", "<b>"} {
				if strings.Contains(out, raw) {
					t.Errorf("%s holds raw %q", name, raw)
				}
			}
			for _, want := range []string{"RecordID", "Initials", "Mood", "Screening", "Good", "alert("} {
				if !strings.Contains(out, want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
		})
	}
	out := filepath.Join(dir, "other")
	code, _, stderr := runCLI(t, nil, "-dict", dict, "-package", "study", "-out", out, "-codebook", filepath.Join(dir, "codebook.txt"))
	if code != exitUsage || !strings.Contains(stderr, "want a .md or .html file name") {
		t.Errorf("-codebook codebook.txt: exit %d, stderr %q; want a usage error", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a bad -codebook name still wrote the package")
	}
}
