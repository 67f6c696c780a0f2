package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// TestCheckMarksHeaderOnlyFiles changes one label: every file's header carries the new
// fingerprint, but only the files whose code changes are listed without "header only", and the
// dictionary change is classed once.
func TestCheckMarksHeaderOnlyFiles(t *testing.T) {
	csv, err := os.ReadFile(filepath.Join(sharedtest.ModuleRoot(t), "examples", "quickstart", "study.csv"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dict := writeFile(t, dir, "study.csv", csv)
	out := filepath.Join(dir, "study")
	mustGenerate(t, nil, "-dict", dict, "-package", "study", "-out", out)
	changed := strings.Replace(string(csv), `"Date of birth"`, `"Birth date"`, 1)
	if changed == string(csv) {
		t.Fatal("the quickstart dictionary has no dob label to change")
	}
	writeFile(t, dir, "study.csv", []byte(changed))
	code, stdout, stderr := runCLI(t, nil, "-dict", dict, "-package", "study", "-out", out, "-check")
	if code != exitFail {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFail, stderr)
	}
	for _, want := range []string{
		"  compatible field \"dob\" on form \"demographics\": label changed from \"Date of birth\" to \"Birth date\"\n",
		"  changed  redcap_form_demographics_gen.go\n",
		"  changed  redcap_codec_gen.go (header only: fingerprint or version)\n",
		"  changed  redcap_validate_gen.go (header only: fingerprint or version)\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("-check output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "(compatible)") {
		t.Errorf("the change's class is printed twice:\n%s", stdout)
	}
}
