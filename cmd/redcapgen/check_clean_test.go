package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// TestUnchangedDictionaryChecksClean generates from shared dictionaries of every file format and
// requires -check of the same file to exit 0 with the "current" message, and -json to agree.
func TestUnchangedDictionaryChecksClean(t *testing.T) {
	for _, name := range []string{
		"redcapapi-offline.csv",        // Data Dictionary CSV
		"ccpuk-hantavirus.csv",         // CSV with BOM and CRLF
		"redcapr-validation-types.xml", // project XML, classic
		"rsvc-a64400.xml",              // project XML, arms, repeating event and instrument
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			dict := writeFile(t, dir, name, sharedDictionary(t, name))
			out := filepath.Join(dir, "study")
			mustGenerate(t, nil, "-dict", dict, "-package", "study", "-out", out)
			code, stdout, stderr := runCLI(t, nil, "-check", "-dict", dict, "-package", "study", "-out", out)
			if code != exitOK || !strings.Contains(stdout, "generated package is current") {
				t.Fatalf("-check: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
			}
			code, report := runCheckJSON(t, nil, "-dict", dict, "-package", "study", "-out", out)
			if code != exitOK || !report.Current || len(report.Changes) > 0 {
				t.Errorf("-check -json: exit %d, current %v, changes %v", code, report.Current, report.Changes)
			}
		})
	}
}

// fakeProject reads a shared dictionary (or an example's) for the fake server.
func fakeProject(t *testing.T, path string) *dictionary.Project {
	t.Helper()
	p, err := dictionary.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return p
}

// TestCheckThroughFakeServer generates a package from the API of the in-process fake REDCap
// (-url, token from -token-env through the getenv run receives, or from a 0600 -token-file),
// requires -check against the same server to exit 0, and -check against a server whose
// dictionary gained a field to exit 1 naming it. The token never appears in any output.
func TestCheckThroughFakeServer(t *testing.T) {
	for _, name := range []string{"redcapapi-offline.csv", "pycap-longitudinal.xml"} {
		t.Run(name, func(t *testing.T) {
			p := fakeProject(t, filepath.Join(sharedDictDir(t), name))
			server := redcaptest.NewServer(p, redcaptest.WithProjectInfo("Drift check", 17))
			t.Cleanup(server.Close)
			env := map[string]string{"REDCAP_API_TOKEN": server.Token()}
			tokenFile := filepath.Join(t.TempDir(), "study.token")
			if err := os.WriteFile(tokenFile, []byte(server.Token()+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "study")
			viaEnv := []string{"-url", server.URL(), "-token-env", "REDCAP_API_TOKEN", "-package", "study", "-out", out}
			viaFile := []string{"-url", server.URL(), "-token-file", tokenFile, "-package", "study", "-out", out}

			mustGenerate(t, env, viaEnv...)
			for _, args := range [][]string{viaEnv, viaFile} {
				code, stdout, stderr := runCLI(t, env, append([]string{"-check"}, args...)...)
				if code != exitOK {
					t.Errorf("-check %s: exit %d\n%s%s", args[2], code, stdout, stderr)
				}
				assertNoToken(t, server.Token(), stdout, stderr)
			}

			grown := fakeProject(t, filepath.Join(sharedDictDir(t), name))
			last := grown.Forms[len(grown.Forms)-1]
			last.Fields = append(last.Fields, &dictionary.Field{Name: "added_by_drift_test", Form: last.Name, Type: dictionary.TypeText, Label: "Added"})
			drifted := redcaptest.NewServer(grown, redcaptest.WithProjectInfo("Drift check", 17))
			t.Cleanup(drifted.Close)
			env["REDCAP_API_TOKEN"] = drifted.Token()
			code, stdout, stderr := runCLI(t, env, "-check", "-json", "-url", drifted.URL(), "-token-env", "REDCAP_API_TOKEN", "-package", "study", "-out", out)
			assertNoToken(t, drifted.Token(), stdout, stderr)
			var report checkOutput
			if err := json.Unmarshal([]byte(stdout), &report); err != nil || code != exitFail {
				t.Fatalf("-check against a changed project: exit %d, %v\n%s%s", code, err, stdout, stderr)
			}
			if _, ok := findChange(report.Changes, "field-added", "added_by_drift_test"); !ok {
				t.Errorf("-check against a changed project does not report the added field: %+v", report.Changes)
			}
			if !slices.Contains(report.Changed, "redcap_snapshot_gen.txt") {
				t.Errorf("changed files %v do not include the snapshot", report.Changed)
			}
		})
	}
}

// sharedDictDir returns ../shared/dictionaries.
func sharedDictDir(t *testing.T) string {
	t.Helper()
	return filepath.Join(sharedtest.Dir(t), "dictionaries")
}

// assertNoToken fails when any output holds the token, in any letter case.
func assertNoToken(t *testing.T, token string, outputs ...string) {
	t.Helper()
	for _, o := range outputs {
		if strings.Contains(strings.ToUpper(o), strings.ToUpper(token)) {
			t.Fatalf("the API token appears in the output")
		}
	}
}
