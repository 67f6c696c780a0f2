package dictionary

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// sharedDir returns ../shared relative to the module root. It fails the test when CI is set and
// the directory is missing, and skips it loudly otherwise.
func sharedDir(t testing.TB) string {
	t.Helper()
	shared, err := findShared()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared test data (../shared beside the module root) is missing and CI is set: %v", err)
		}
		t.Skipf("SKIPPING: shared test data (../shared beside the module root) is missing: %v", err)
	}
	return shared
}

// findShared returns ../shared relative to the module root (the nearest directory above the
// working directory holding go.mod), or an error when it is missing.
func findShared() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return "", err
	}
	return shared, nil
}

// readShared reads a file below ../shared.
func readShared(t testing.TB, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedDir(t), rel))
	if err != nil {
		t.Fatalf("read %s: %v", rel, err)
	}
	return data
}
