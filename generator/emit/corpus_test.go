package emit

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
	"github.com/redcapgen/redcapgen/generator/naming"
)

// TestEmitCorpus generates a package for every shared dictionary and for the conformance
// projects into one temporary module, checks every file, runs go vet over all of them once,
// and runs the round-trip program over the captured record exports.
func TestEmitCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode: the corpus test builds a temporary module")
	}
	shared := sharedDir(t)
	root := moduleRoot(t)
	mod := t.TempDir()
	writeTestFile(t, filepath.Join(mod, "go.mod"), "module redcapgen.test/corpus\n\ngo 1.24\n\n"+
		"require github.com/redcapgen/redcapgen v0.0.0\n\nreplace github.com/redcapgen/redcapgen => "+root+"\n")

	entries, err := os.ReadDir(filepath.Join(shared, "dictionaries"))
	if err != nil {
		t.Fatal(err)
	}
	generated := 0
	projects := map[string]*dictionary.Project{} // whose Snapshot constant the program hashes
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if ext != ".csv" && ext != ".json" && ext != ".xml" {
			continue
		}
		p, err := dictionary.ReadFile(filepath.Join(shared, "dictionaries", e.Name()))
		if err != nil {
			t.Errorf("%s: read: %v", e.Name(), err)
			continue
		}
		if emitInto(t, mod, packageDir(e.Name()), p) {
			generated++
		}
	}
	if generated == 0 {
		t.Fatal("no dictionary generated")
	}
	// A design wider than any shared dictionary: its decoder is split into chunks of forms.
	if !emitInto(t, mod, "manyforms", manyFormsProject(t)) {
		t.Fatal("manyforms: not generated")
	}
	metadata := readCases(t, "metadata.jsonl")
	for _, name := range roundTripProjectNames {
		projects[name] = conformanceProject(t, metadata, name)
		if !emitInto(t, mod, name, projects[name]) {
			t.Fatalf("%s: not generated", name)
		}
	}
	designs, err := json.Marshal(projects)
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(mod, "designs.json"), string(designs))
	for _, name := range []string{"main.go", "synthetic.go", "survey.go", "typed.go", "newinstances.go"} {
		src, err := os.ReadFile(filepath.Join("testdata", "roundtrip", name))
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(mod, "roundtrip", name), string(src))
	}

	t.Run("vet", func(t *testing.T) {
		if out, err := goCommand(mod, "vet", "./..."); err != nil {
			t.Fatalf("go vet ./... in the generated module: %v\n%s", err, firstLines(out, 40))
		}
	})
	t.Run("roundtrip", func(t *testing.T) {
		out, err := goCommand(mod, "run", "./roundtrip", "-designs", filepath.Join(mod, "designs.json"),
			filepath.Join(shared, "conformance", "exports.jsonl"), filepath.Join(shared, "conformance", "missingcodes.jsonl"))
		if err != nil {
			t.Fatalf("round-trip program: %v\n%s", err, firstLines(out, 40))
		}
		t.Logf("round-trip outcomes:\n%s", out)
		checkRoundTrip(t, append(readCases(t, "exports.jsonl"), readCases(t, "missingcodes.jsonl")...), metadata, projects, string(out))
	})
}

// emitInto generates p as package dir of the module, checks the files, and writes them. It
// reports whether the package was written.
func emitInto(t *testing.T, mod, dir string, p *dictionary.Project) bool {
	t.Helper()
	n, err := naming.Resolve(p, nil)
	if err != nil {
		t.Errorf("%s: names: %v", dir, err)
		return false
	}
	cfg := Config{Package: dir, GeneratorVersion: "v0.0.0-test", Fingerprint: snapshot.Fingerprint(p), Snapshot: snapshot.Snapshot(p)}
	files, err := Emit(p, n, cfg)
	if err != nil {
		t.Errorf("%s: Emit: %v", dir, err)
		return false
	}
	t.Run(dir, func(t *testing.T) { checkFiles(t, files, cfg) })
	again, err := Emit(p, n, cfg)
	if err != nil {
		t.Errorf("%s: second Emit: %v", dir, err)
		return false
	}
	if !slices.EqualFunc(files, again, func(a, b File) bool { return a.Path == b.Path && bytes.Equal(a.Bytes, b.Bytes) }) {
		t.Errorf("%s: a second generation gave different files", dir)
	}
	for _, f := range files {
		writeTestFile(t, filepath.Join(mod, dir, f.Path), string(f.Bytes))
	}
	return true
}

// checkRoundTrip compares the program's outcome per export case with what the case's columns
// predict: "ok" when the project knows every column and the record ID is there (survey columns
// of a project with survey-enabled forms included), "unknown column" for DAG and survey columns
// the project does not know, a decode error without the record ID or
// when labels stand in for event and repeating-instrument names.
func checkRoundTrip(t *testing.T, exports, metadata []conformanceCase, snapshotProjects map[string]*dictionary.Project, out string) {
	t.Helper()
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		name, outcome, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("round-trip output line %q has no tab", line)
		}
		got[name] = outcome
	}
	for name, p := range snapshotProjects {
		want := fmt.Sprintf("%x", sha256.Sum256(snapshot.Snapshot(p)))
		if got["snapshot:"+name] != want {
			t.Errorf("%s: the generated Snapshot constant is not the snapshot text (sha256 %s, want %s)", name, got["snapshot:"+name], want)
		}
	}
	for name, want := range syntheticOutcomes {
		if outcome := got["synthetic:"+name]; !strings.Contains(outcome, want) {
			t.Errorf("synthetic case %s: outcome %q, want it to contain %q", name, outcome, want)
		}
	}
	for _, name := range roundTripProjectNames {
		for _, label := range []string{"typed:", "typed-overwrite:"} {
			if outcome := got[label+name]; outcome != "ok" {
				t.Errorf("%s%s: typed export, import of the unchanged records and export again: %q, want ok", label, name, outcome)
			}
		}
	}
	for _, name := range newInstanceCases {
		if outcome := got["newinstances:"+name]; outcome != "ok" {
			t.Errorf("newinstances:%s: %q, want ok", name, outcome)
		}
	}
	columns := map[string][]string{}
	for _, name := range roundTripProjectNames {
		p := conformanceProject(t, metadata, name)
		columns[name] = p.ExportColumnsWith(true, len(p.SurveyForms) > 0)
	}
	checked := 0
	for _, c := range exports {
		cols, ok := columns[c.Project]
		if !ok || c.Status != 200 || c.Request["content"] != "record" || c.Request["format"] != "json" ||
			c.Request["type"] == "eav" || !strings.HasPrefix(c.Body, "[") {
			continue
		}
		want := expectedOutcome(t, c.Body, cols)
		if c.Request["rawOrLabel"] == "label" && want == "ok " && len(cols) > 1 && (cols[1] == "redcap_event_name" || cols[1] == "redcap_repeat_instrument") {
			want = "decode error" // event and repeating-instrument labels name no event or instrument
		}
		outcome, ok := got[c.Name]
		if !ok {
			t.Errorf("%s: the round-trip program did not replay it", c.Name)
			continue
		}
		if !strings.HasPrefix(outcome, want) {
			t.Errorf("%s: outcome %q, want %q…", c.Name, outcome, want)
		}
		checked++
	}
	for _, must := range []string{"classic_flat_raw_json", "fieldtypes_flat_raw_json", "classic_flat_label_json",
		"longitudinal_flat_raw_json", "repeating_flat_raw_json", "missingcodes_export_all"} {
		if outcome := got[must]; !strings.HasPrefix(outcome, "ok ") {
			t.Errorf("%s: outcome %q, want ok", must, outcome)
		}
	}
	if checked < 20 {
		t.Errorf("only %d export cases replayed, want at least 20", checked)
	}
}

// expectedOutcome predicts the round trip of a body from its first row's keys.
func expectedOutcome(t *testing.T, body string, cols []string) string {
	t.Helper()
	rows, err := parseJSONRows(body)
	if err != nil {
		t.Fatalf("parse body: %v", err)
	}
	if len(rows) == 0 {
		return "ok 0 records"
	}
	for _, k := range rows[0] {
		if !slices.Contains(cols, k) {
			return "unknown column " + k
		}
	}
	if rows[0][0] != cols[0] {
		return "decode error"
	}
	return "ok "
}

// parseJSONRows returns the keys of every row object of a body, in order.
func parseJSONRows(body string) ([][]string, error) {
	dec := json.NewDecoder(strings.NewReader(body))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var keys [][]string
	for dec.More() {
		var row []string
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return nil, err
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, err
			}
			row = append(row, key.(string))
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		keys = append(keys, row)
	}
	return keys, nil
}

// goCommand runs the go tool in dir with module downloads allowed from the local cache.
func goCommand(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	return cmd.CombinedOutput()
}

// writeTestFile writes a file, creating its directory.
func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// firstLines returns at most n lines of out.
func firstLines(out []byte, n int) string {
	lines := strings.SplitN(string(out), "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "…")
	}
	return strings.Join(lines, "\n")
}

// packageDir turns a dictionary file name into a package name: its letters and digits.
func packageDir(file string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(file) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	return "d" + b.String()
}
