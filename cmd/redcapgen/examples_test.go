package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// generatePrefix is how every example's go:generate line runs the generator.
const generatePrefix = "//go:generate go run ../../cmd/redcapgen "

// pathFlags are the flags whose values are files or directories, relative to the directory of
// the file holding a go:generate line.
var pathFlags = map[string]bool{"-dict": true, "-events": true, "-out": true, "-names": true, "-codebook": true, "-token-file": true}

// example is a runnable program under examples/ with a go:generate line.
type example struct {
	name string   // directory name under examples/
	dir  string   // absolute directory
	args []string // the generator's arguments, paths made absolute
}

// findExamples lists every examples/<name>/main.go that has a redcapgen go:generate line.
func findExamples(t *testing.T) []example {
	t.Helper()
	root := filepath.Join(sharedtest.ModuleRoot(t), "examples")
	mains, err := filepath.Glob(filepath.Join(root, "*", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []example
	for _, path := range mains {
		line := goGenerateLine(t, path)
		if line == "" {
			t.Errorf("%s has no %q line", path, generatePrefix)
			continue
		}
		dir := filepath.Dir(path)
		out = append(out, example{name: filepath.Base(dir), dir: dir, args: absoluteArgs(strings.Fields(line), dir)})
	}
	if len(out) < 2 {
		t.Fatalf("found %d examples under %s, want quickstart and longitudinal", len(out), root)
	}
	return out
}

// goGenerateLine returns the arguments after generatePrefix in a Go file ("" when none).
func goGenerateLine(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), generatePrefix); ok {
			return rest
		}
	}
	return ""
}

// absoluteArgs makes the values of path flags absolute, relative to dir.
func absoluteArgs(args []string, dir string) []string {
	out := append([]string(nil), args...)
	for i := 0; i+1 < len(out); i++ {
		if pathFlags[out[i]] && !filepath.IsAbs(out[i+1]) {
			out[i+1] = filepath.Join(dir, out[i+1])
			i++
		}
	}
	return out
}

// TestExamplesAreCurrent runs every example's go:generate command with -check: the committed
// generated code must be exactly what the generator writes today. After a generator change, run
// `go generate ./examples/...` and commit the result.
func TestExamplesAreCurrent(t *testing.T) {
	for _, ex := range findExamples(t) {
		t.Run(ex.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, nil, append([]string{"-check"}, ex.args...)...)
			if code != exitOK {
				t.Errorf("examples/%s: generated code is not current (run go generate ./examples/...): exit %d\n%s%s", ex.name, code, stdout, stderr)
			}
		})
	}
}

// TestExamplesRun builds every example with one go build and runs each binary with a timeout;
// the output must equal the example's testdata/output.txt and show no token.
func TestExamplesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the example programs")
	}
	examples := findExamples(t)
	bin := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	build := exec.CommandContext(ctx, "go", "build", "-buildvcs=false", "-o", bin+string(os.PathSeparator))
	for _, ex := range examples {
		build.Args = append(build.Args, "./examples/"+ex.name)
	}
	build.Dir = sharedtest.ModuleRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build the examples: %v\n%s", err, out)
	}
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(ex.dir, "testdata", "output.txt"))
			if err != nil {
				t.Fatalf("examples/%s needs testdata/output.txt: %v", ex.name, err)
			}
			got := runExample(t, filepath.Join(bin, ex.name), ex.dir)
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("examples/%s output differs from testdata/output.txt (-want +got):\n%s", ex.name, diff)
			}
		})
	}
}

// runExample runs a built example from its directory with a timeout and returns its stdout.
func runExample(t *testing.T, binary, dir string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "REDCAP_API_TOKEN=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\nstderr:\n%s", filepath.Base(binary), err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s wrote to stderr:\n%s", filepath.Base(binary), stderr.String())
	}
	if hexRun.Match(stdout.Bytes()) {
		t.Errorf("%s printed something shaped like an API token", filepath.Base(binary))
	}
	return stdout.String()
}
