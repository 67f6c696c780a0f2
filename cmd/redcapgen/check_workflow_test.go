package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// driftCommand is the command the CI example runs, exactly.
const driftCommand = "go run github.com/redcapgen/redcapgen/cmd/redcapgen -check -url ${{ vars.REDCAP_API_URL }} -token-env REDCAP_API_TOKEN -package study -out ./study"

// hexRun finds anything shaped like a REDCap token: 32 or more hexadecimal characters.
var hexRun = regexp.MustCompile(`[0-9A-Fa-f]{32,}`)

// readWorkflow returns examples/ci/redcap-drift.yml.
func readWorkflow(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedtest.ModuleRoot(t), "examples", "ci", "redcap-drift.yml"))
	if err != nil {
		t.Fatalf("read the CI example: %v", err)
	}
	return string(data)
}

// TestDriftWorkflowShape checks the GitHub Actions example as text: it runs nightly and on
// demand, runs the -check command with the token from the environment, takes the token from
// repository secrets, and holds no token literal and no token flag.
func TestDriftWorkflowShape(t *testing.T) {
	wf := readWorkflow(t)
	for _, want := range []string{
		"schedule:", "- cron: ", "workflow_dispatch:",
		"REDCAP_API_TOKEN: ${{ secrets.REDCAP_API_TOKEN }}",
		"run: " + driftCommand,
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("redcap-drift.yml does not contain %q", want)
		}
	}
	for i, line := range strings.Split(wf, "\n") {
		if hexRun.MatchString(line) {
			t.Errorf("redcap-drift.yml:%d looks like it holds a token: %q", i+1, line)
		}
		if strings.Contains(line, "-token ") || strings.Contains(line, "token=") {
			t.Errorf("redcap-drift.yml:%d passes a token on a command line: %q", i+1, line)
		}
		if strings.Contains(line, "redcapgen -") && !strings.Contains(line, "-token-env REDCAP_API_TOKEN") {
			t.Errorf("redcap-drift.yml:%d runs redcapgen without -token-env REDCAP_API_TOKEN: %q", i+1, line)
		}
	}
}

// TestDriftWorkflowCommandFailsOnDrift runs the workflow's command in-process against the fake
// REDCap, with the URL variable and the token secret substituted: exit 0 while the committed
// package matches the project, exit 1 once the project's dictionary changed.
func TestDriftWorkflowCommandFailsOnDrift(t *testing.T) {
	wf := readWorkflow(t)
	_, command, ok := strings.Cut(wf, "run: go run github.com/redcapgen/redcapgen/cmd/redcapgen ")
	if !ok {
		t.Fatal("redcap-drift.yml runs no go run .../cmd/redcapgen command")
	}
	command, _, _ = strings.Cut(command, "\n")
	repo := t.TempDir()
	project := fakeProject(t, filepath.Join(sharedtest.ModuleRoot(t), "examples", "quickstart", "study.csv"))
	argsFor := func(s *redcaptest.Server) []string {
		args := strings.Fields(strings.ReplaceAll(command, "${{ vars.REDCAP_API_URL }}", s.URL()))
		return absoluteArgs(args, repo)
	}
	server := redcaptest.NewServer(project)
	t.Cleanup(server.Close)
	env := map[string]string{"REDCAP_API_TOKEN": server.Token()}
	generate := []string{"-url", server.URL(), "-token-env", "REDCAP_API_TOKEN", "-package", "study", "-out", filepath.Join(repo, "study")}
	mustGenerate(t, env, generate...)
	code, stdout, stderr := runCLI(t, env, argsFor(server)...)
	if code != exitOK {
		t.Fatalf("workflow command against the unchanged project: exit %d\n%s%s", code, stdout, stderr)
	}
	assertNoToken(t, server.Token(), stdout, stderr)

	changed := fakeProject(t, filepath.Join(sharedtest.ModuleRoot(t), "examples", "quickstart", "study.csv"))
	sex, _ := changed.Field("sex")
	sex.Choices = sex.Choices[:len(sex.Choices)-1]
	sex.ChoicesRaw = choicesRaw(sex.Choices)
	drifted := redcaptest.NewServer(changed)
	t.Cleanup(drifted.Close)
	env["REDCAP_API_TOKEN"] = drifted.Token()
	code, stdout, stderr = runCLI(t, env, argsFor(drifted)...)
	if code != exitFail || !strings.Contains(stdout, `BREAKING   field "sex"`) {
		t.Fatalf("workflow command after a choice was removed: exit %d, want %d and a BREAKING line for sex\n%s%s", code, exitFail, stdout, stderr)
	}
	assertNoToken(t, drifted.Token(), stdout, stderr)
}

// choicesRaw writes choices as REDCap's choices column.
func choicesRaw(cs []dictionary.Choice) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Code + ", " + c.Label
	}
	return strings.Join(parts, " | ")
}
