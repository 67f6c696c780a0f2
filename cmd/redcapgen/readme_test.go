package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// readmeCommand is one command shown in README.md: a line of a ```sh block, or a //go:generate
// line of a ```go block.
type readmeCommand struct {
	line int
	text string
}

// readmeCommands extracts the commands of a README, without trailing "# comments".
func readmeCommands(t *testing.T, path string) []readmeCommand {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []readmeCommand
	block := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "```") && block == "":
			block = strings.TrimPrefix(line, "```")
			if block == "" {
				block = "text"
			}
		case strings.HasPrefix(line, "```"):
			block = ""
		case block == "sh":
			if i := strings.Index(line, " #"); i >= 0 {
				line = strings.TrimSpace(line[:i])
			}
			if line != "" && !strings.HasPrefix(line, "#") {
				out = append(out, readmeCommand{n, line})
			}
		case block == "go" && strings.HasPrefix(line, "//go:generate "):
			out = append(out, readmeCommand{n, strings.TrimPrefix(line, "//go:generate ")})
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s shows no commands", path)
	}
	return out
}

// readmeSession is the state the README's commands share: a scratch directory standing for the
// user's project, the environment, and a fake REDCap standing for https://redcap.example.edu/api/.
type readmeSession struct {
	root, work string
	env        map[string]string
	server     *redcaptest.Server
}

// readmes are the READMEs whose commands TestReadmeCommands runs, relative to the module root,
// and whether their commands run where REDCAP_API_TOKEN is already set (the CI workflow's env).
var readmes = []struct {
	path     string
	tokenSet bool
}{
	{"README.md", false},
	{"examples/ci/README.md", true},
}

// TestReadmeCommands runs every command the READMEs show, in order, or fails naming the command
// no test covers. Commands for a REDCap server run against the in-process fake; files they read
// that are not in the repository are the quick-start dictionary under the README's file name.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	root := sharedtest.ModuleRoot(t)
	p := fakeProject(t, filepath.Join(root, "examples", "quickstart", "study.csv"))
	for _, readme := range readmes {
		t.Run(readme.path, func(t *testing.T) {
			s := &readmeSession{root: root, work: t.TempDir(), env: map[string]string{}, server: redcaptest.NewServer(p)}
			t.Cleanup(s.server.Close)
			if readme.tokenSet {
				s.env["REDCAP_API_TOKEN"] = s.server.Token()
			}
			for _, c := range readmeCommands(t, filepath.Join(root, readme.path)) {
				s.run(t, fmt.Sprintf("%s:%d", readme.path, c.line), c.text)
			}
		})
	}
}

// run runs one README command as a subtest, or fails when no case covers it.
func (s *readmeSession) run(t *testing.T, name, command string) {
	fields := strings.Fields(command)
	for i, f := range fields {
		if len(f) >= 2 && f[0] == '\'' && f[len(f)-1] == '\'' {
			fields[i] = f[1 : len(f)-1] // the shell's single quotes
		}
	}
	switch {
	case fields[0] == "export" && len(fields) == 2 && strings.HasPrefix(fields[1], "REDCAP_API_TOKEN="):
		s.env["REDCAP_API_TOKEN"] = s.server.Token()
	case command == "go test ./...":
		t.Run(name, func(t *testing.T) { requireCIRuns(t, s.root, command) })
	case command == "bash .ci/run":
		t.Run(name, func(t *testing.T) { requireCIRuns(t, s.root, "go test ./...") })
	case command == "go test -short ./..." || command == "go test ./golden -update":
		t.Run(name, func(t *testing.T) { s.runTestCommand(t, fields) })
	case len(fields) == 3 && fields[0] == "go" && fields[1] == "run" && strings.HasPrefix(fields[2], "./examples/"):
		t.Run(name, func(t *testing.T) { s.runExampleCommand(t, fields) })
	case len(fields) > 3 && strings.Join(fields[:3], " ") == "go run ./cmd/redcapfake":
		t.Run(name, func(t *testing.T) { s.runFakeServer(t, fields[3:]) })
	case len(fields) >= 3 && (strings.Join(fields[:3], " ") == "go run ./internal/perf" || strings.Join(fields[:3], " ") == "go test ./internal/perf"):
		t.Run(name, func(t *testing.T) { s.runPerfCommand(t, fields) })
	case len(fields) > 3 && strings.Join(fields[:3], " ") == "go run github.com/redcapgen/redcapgen/cmd/redcapgen":
		t.Run(name, func(t *testing.T) { s.runGenerator(t, fields[3:]) })
	default:
		t.Errorf("%s: command %q is not exercised by any test: add a case to readme_test.go", name, command)
	}
}

// requireCIRuns checks that .ci/run runs the command.
func requireCIRuns(t *testing.T, root, command string) {
	data, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(strings.Split(string(data), "\n"), command) {
		t.Errorf(".ci/run does not run %q", command)
	}
}

// runTestCommand runs a contributor's go test command of the README so that it runs no test (the
// real run is the suite itself): its flags and packages must be accepted as written. -update runs
// on the golden package alone, where the flag is defined.
func (s *readmeSession) runTestCommand(t *testing.T, fields []string) {
	args := append(slices.Clone(fields[1:]), "-run", "^$", "-count", "1")
	if slices.Contains(args, "./...") {
		i := slices.Index(args, "./...")
		args[i] = "./golden"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, fields[0], args...)
	cmd.Dir = s.root
	cmd.Env = append(os.Environ(), "CI=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("%s: %v\n%s", strings.Join(fields, " "), err, out)
	}
}

// runExampleCommand runs `go run ./examples/<name>` from the module root, as written, and
// compares its output with the example's testdata/output.txt.
func (s *readmeSession) runExampleCommand(t *testing.T, fields []string) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, fields[0], fields[1:]...)
	cmd.Dir = s.root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(fields, " "), err, stderr.String())
	}
	want, err := os.ReadFile(filepath.Join(s.root, fields[2], "testdata", "output.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
		t.Errorf("%s output differs from testdata/output.txt (-want +got):\n%s", strings.Join(fields, " "), diff)
	}
}

// runPerfCommand runs a performance command of the README in a form that finishes in seconds:
// the measurement program with -h as written, or with every part switched off (the full run
// takes minutes); the benchmarks built and started with a pattern that selects none. What they
// measure is tested by internal/perf's own tests.
func (s *readmeSession) runPerfCommand(t *testing.T, fields []string) {
	args := slices.Clone(fields)
	help := slices.Contains(args, "-h")
	switch {
	case args[1] == "run" && !help:
		args = append(args, "-count", "1", "-generate=false", "-codec=false", "-stream=false")
	case args[1] == "test":
		i := slices.Index(args, "-bench")
		if i < 0 || i+1 == len(args) {
			t.Fatalf("%q has no -bench pattern", strings.Join(fields, " "))
		}
		args[i+1] = "^$"
		args = append(args, "-count", "1")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Dir = s.root
	out, err := cmd.CombinedOutput()
	switch {
	case help && !strings.Contains(string(out), "-records"):
		t.Errorf("%s printed no usage:\n%s", strings.Join(args, " "), out)
	case !help && err != nil:
		t.Errorf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// localArgs resolves the README's paths and server: an input file that exists in the repository
// is read from there, any other path lives in the scratch directory (a missing input dictionary
// is the quick-start one under that name), and the example server URL is the fake's.
func (s *readmeSession) localArgs(t *testing.T, args []string) []string {
	t.Helper()
	out := slices.Clone(args)
	for i := 0; i+1 < len(out); i++ {
		flag, value := out[i], out[i+1]
		switch {
		case flag == "-url":
			out[i+1] = s.server.URL()
		case (flag == "-dict" || flag == "-events" || flag == "-names") && fileExists(filepath.Join(s.root, value)):
			out[i+1] = filepath.Join(s.root, value)
		case flag == "-dict" && !fileExists(filepath.Join(s.work, value)):
			data, err := os.ReadFile(filepath.Join(s.root, "examples", "quickstart", "study.csv"))
			if err != nil {
				t.Fatal(err)
			}
			out[i+1] = writeFile(t, s.work, value, data)
		case pathFlags[flag]:
			out[i+1] = filepath.Join(s.work, value)
		default:
			continue
		}
		i++
	}
	return out
}

// runGenerator runs a redcapgen command in-process. A -check command first runs the same
// command without -check, so it must then report the package current (exit 0).
func (s *readmeSession) runGenerator(t *testing.T, args []string) {
	args = s.localArgs(t, args)
	if slices.Contains(args, "-check") {
		generate := slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "-check" || a == "-json" })
		mustGenerate(t, s.env, generate...)
		code, stdout, stderr := runCLI(t, s.env, args...)
		if code != exitOK {
			t.Fatalf("redcapgen %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
		}
		assertNoToken(t, s.server.Token(), stdout, stderr)
		return
	}
	mustGenerate(t, s.env, args...)
}

// fileExists reports whether path is an existing regular file.
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// runFakeServer builds cmd/redcapfake, runs it with the README's arguments on a free port (an
// -addr added last wins) from the scratch directory, reads the URL it prints, and requires
// redcapgen to generate from it with the token file it wrote and to check clean. The server
// process is this test's own and is stopped with an interrupt.
func (s *readmeSession) runFakeServer(t *testing.T, args []string) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	bin := filepath.Join(t.TempDir(), "redcapfake")
	build := exec.CommandContext(ctx, "go", "build", "-buildvcs=false", "-o", bin, "./cmd/redcapfake")
	build.Dir = s.root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/redcapfake: %v\n%s", err, out)
	}
	args = append(s.localArgs(t, args), "-addr", "127.0.0.1:0")
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = s.work
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "REDCAP_API_TOKEN=") })
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	}()
	first, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("redcapfake printed no URL: %v\n%s", err, stderr.String())
	}
	_, url, ok := strings.Cut(strings.TrimSpace(first), " at ")
	if !ok || !strings.HasSuffix(url, "/api/") {
		t.Fatalf("redcapfake's first line %q does not give the API URL", first)
	}
	tokenFile := args[slices.Index(args, "-token-file")+1]
	gen := []string{"-url", url, "-token-file", tokenFile, "-package", "study", "-out", filepath.Join(s.work, "fake_study")}
	mustGenerate(t, nil, gen...)
	if code, out, errOut := runCLI(t, nil, append([]string{"-check"}, gen...)...); code != exitOK {
		t.Fatalf("-check against redcapfake: exit %d\n%s%s", code, out, errOut)
	}
}
