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

// TestTwoRuns runs the command twice against the fake REDCap, as two nightly runs sharing a
// cursor file, with an edit and a deletion in between: the output is testdata/output.txt (the
// same as the demonstration's), and the second run reports only what changed.
func TestTwoRuns(t *testing.T) {
	ctx := context.Background()
	fake, err := startFake(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer fake.server.Close()
	state := filepath.Join(t.TempDir(), "sync-cursor.txt")
	args := []string{"-url", fake.server.URL(), "-zone", "UTC", "-state", state, "-overlap", demoOverlap.String()}
	var out bytes.Buffer
	runOnce := func(at, title string) {
		t.Helper()
		fake.clock.set(demoTime(at))
		out.WriteString(title + "\n")
		if err := run(ctx, args, &out, os.Getenv); err != nil {
			t.Fatalf("%s: %v", title, err)
		}
	}
	runOnce("09:00:30", "First run (09:00:30):")
	fake.clock.set(demoTime("09:05:00"))
	out.WriteString("At 09:05 record 2's visit is completed and record 3 is deleted.\n")
	if err := fake.editAndDelete(ctx); err != nil {
		t.Fatal(err)
	}
	runOnce("09:10:00", "Second run (09:10:00):")
	want, err := os.ReadFile(filepath.Join("testdata", "output.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), out.String()); diff != "" {
		t.Errorf("output (-testdata/output.txt +got):\n%s", diff)
	}
	stored, err := os.ReadFile(state)
	if err != nil || strings.TrimSpace(string(stored)) != "2026-12-02 09:09:50 UTC" {
		t.Errorf("cursor file holds %q (%v)", stored, err)
	}
}

// TestFlags: a run against a server needs the server's zone and a token.
func TestFlags(t *testing.T) {
	ctx := context.Background()
	noEnv := func(string) string { return "" }
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-url", "https://redcap.example.edu/api/"}, "-zone is required"},
		{[]string{"-url", "https://redcap.example.edu/api/", "-zone", "Mars/Olympus"}, "-zone"},
		{[]string{"-url", "https://redcap.example.edu/api/", "-zone", "UTC", "-state", filepath.Join(t.TempDir(), "c")}, "REDCAP_API_TOKEN is not set"},
	} {
		err := run(ctx, tc.args, &bytes.Buffer{}, noEnv)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want an error with %q", tc.args, err, tc.want)
		}
	}
}
