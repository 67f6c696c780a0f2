package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// runCLI drives the command in-process and returns its exit status and output.
func runCLI(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr, func(k string) string { return env[k] })
	return code, stdout.String(), stderr.String()
}

const smallDictionary = `"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"
record_id,demographics,,text,"Record ID",,,,,,,,,,,,,
dob,demographics,,text,"Date of birth",,,date_ymd,,,y,,,,,,,
sex,demographics,,radio,Sex,"0, Female | 1, Male",,,,,,,,,,,,
`

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"nothing", nil, "give -dict FILE or -url URL"},
		{"both sources", []string{"-dict", "a.csv", "-url", "https://x/api/", "-token-env", "T", "-package", "p"}, "not both"},
		{"url without token", []string{"-url", "https://x/api/", "-package", "p"}, "exactly one of -token-env"},
		{"url with two tokens", []string{"-url", "https://x/api/", "-token-env", "T", "-token-file", "f", "-package", "p"}, "exactly one of -token-env"},
		{"token with dict", []string{"-dict", "a.csv", "-token-env", "T", "-package", "p"}, "go with -url only"},
		{"no package", []string{"-dict", "a.csv"}, "give -package NAME"},
		{"json without check", []string{"-dict", "a.csv", "-package", "p", "-json"}, "-json goes with -check"},
		{"no token flag", []string{"-token", "abc"}, "flag provided but not defined: -token"},
		{"stray argument", []string{"-dict", "a.csv", "-package", "p", "extra"}, "unexpected arguments"},
		{"predeclared package name", []string{"-dict", "a.csv", "-package", "len"}, `-package len: "len" is a predeclared Go identifier (it would shadow the built-in wherever the package is imported); choose another package name`},
		{"predeclared min", []string{"-dict", "a.csv", "-package", "min"}, `-package min: "min" is a predeclared Go identifier`},
		{"keyword package name", []string{"-dict", "a.csv", "-package", "type"}, `-package type: "type" is a Go keyword; choose another package name`},
		{"main package name", []string{"-dict", "a.csv", "-package", "main"}, `-package main: "main" names a program`},
		{"upper-case package name", []string{"-dict", "a.csv", "-package", "Study"}, `-package Study: "Study" is not a lower-case Go identifier`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, nil, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.want)
			}
		})
	}
}

func TestGenerateThenCheck(t *testing.T) {
	dir := t.TempDir()
	dict := filepath.Join(dir, "study.csv")
	if err := os.WriteFile(dict, []byte(smallDictionary), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "study")
	if code, stdout, stderr := runCLI(t, nil, "-dict", dict, "-package", "study", "-out", out); code != exitOK || stdout != "" {
		t.Fatalf("generate: exit %d, stdout %q, stderr %q (want silent success)", code, stdout, stderr)
	}
	if code, stdout, stderr := runCLI(t, nil, "-check", "-dict", dict, "-package", "study", "-out", out); code != exitOK {
		t.Fatalf("check of a fresh package: exit %d\n%s%s", code, stdout, stderr)
	}
	changed := strings.Replace(smallDictionary, `"0, Female | 1, Male"`, `"0, Female | 2, Male"`, 1)
	if err := os.WriteFile(dict, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, nil, "-check", "-dict", dict, "-package", "study", "-out", out)
	if code != exitFail {
		t.Fatalf("check after a dictionary change: exit %d, want %d\n%s%s", code, exitFail, stdout, stderr)
	}
	for _, want := range []string{"BREAKING", "sex", "redcap_enums_gen.go"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check report does not mention %q:\n%s", want, stdout)
		}
	}
}

func TestUnusedPinIsReported(t *testing.T) {
	dir := t.TempDir()
	dict := filepath.Join(dir, "study.csv")
	names := filepath.Join(dir, "names.txt")
	if err := os.WriteFile(dict, []byte(smallDictionary), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(names, []byte("field:dob = BirthDate\nfield:dobb = Typo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, nil, "-dict", dict, "-names", names, "-package", "study", "-out", filepath.Join(dir, "study"))
	if code != exitOK {
		t.Fatalf("exit %d, want %d\n%s", code, exitOK, stderr)
	}
	want := `redcapgen: names.txt: pin "field:dobb" names nothing in the project (removed, or misspelt?); it has no effect` + "\n"
	if stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
}

func TestBadDictionaryFailsAndWritesNothing(t *testing.T) {
	header := strings.SplitN(smallDictionary, "\n", 2)[0] + "\n"
	tests := []struct {
		name  string
		data  string
		wants []string // each must appear in stderr
	}{
		{"empty file", "", []string{"bad.csv", "empty"}},
		{"binary file", "\x00\x01\x02PK\x03\x04\xff\xfe\x00garbage", []string{"bad.csv"}},
		{"truncated CSV", smallDictionary + `notes,demographics,,notes,"Unterminated label`, []string{"bad.csv:5"}},
		{"wrong header", "name,form,type\nrecord_id,demographics,text\n", []string{"bad.csv:1", "header"}},
		{"duplicate field", smallDictionary + "dob,demographics,,text,Again,,,,,,,,,,,,,\n", []string{"bad.csv:5", `"dob"`}},
		{"malformed choices", header + "record_id,f,,text,ID,,,,,,,,,,,,,\ncolor,f,,radio,Color,\"1, Red | 1, Green\",,,,,,,,,,,,\n", []string{"bad.csv:3", `"color"`, "choice"}},
		{"unknown field type", header + "record_id,f,,text,ID,,,,,,,,,,,,,\nshape,f,,circle,Shape,,,,,,,,,,,,,\n", []string{"bad.csv:3", `"shape"`, "circle"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			dict := filepath.Join(dir, "bad.csv")
			if err := os.WriteFile(dict, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			code, stdout, stderr := runCLI(t, nil, "-dict", dict, "-package", "study", "-out", out)
			if code != exitFail {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFail, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if !strings.HasPrefix(stderr, "redcapgen: ") {
				t.Errorf("stderr is not prefixed with redcapgen: %q", stderr)
			}
			for _, w := range tt.wants {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not name %q:\n%s", w, stderr)
				}
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output directory was created for a bad dictionary")
			}
		})
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCLI(t, nil, "-version")
	if code != exitOK || !strings.HasPrefix(stdout, "redcapgen ") {
		t.Errorf("-version: exit %d, stdout %q", code, stdout)
	}
}

// TestGenerateFailureLeavesPreviousPackage makes generation fail on its last file (a directory
// stands where redcap_validate_gen.go goes) after a dictionary change that changes earlier
// files, and finds the previous package byte for byte.
func TestGenerateFailureLeavesPreviousPackage(t *testing.T) {
	dir := t.TempDir()
	dict := filepath.Join(dir, "study.csv")
	if err := os.WriteFile(dict, []byte(smallDictionary), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "study")
	if code, _, stderr := runCLI(t, nil, "-dict", dict, "-package", "study", "-out", out); code != exitOK {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	last := filepath.Join(out, "redcap_validate_gen.go")
	if err := os.Remove(last); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(last, "in-the-way"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := treeContents(t, out)
	changed := strings.Replace(smallDictionary, `"0, Female | 1, Male"`, `"0, Female | 1, Male | 2, Other"`, 1)
	if err := os.WriteFile(dict, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, nil, "-dict", dict, "-package", "study", "-out", out)
	if code != exitFail || !strings.Contains(stderr, "redcap_validate_gen.go") {
		t.Fatalf("exit %d, want %d with an error naming the file; stderr:\n%s", code, exitFail, stderr)
	}
	if diff := cmp.Diff(before, treeContents(t, out)); diff != "" {
		t.Errorf("the previous package changed (-before +after):\n%s", diff)
	}
}

// treeContents reads every file under dir: relative path to mode and bytes.
func treeContents(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[rel] = info.Mode().String() + " " + string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
