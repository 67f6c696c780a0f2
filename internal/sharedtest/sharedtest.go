// Package sharedtest finds the shared test material (../shared beside the checkout: REDCap
// conformance vectors and real data dictionaries) for tests in every package.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared directory. When it is missing, the test fails if the CI environment
// variable is set, and skips with a loud message otherwise.
func Dir(t testing.TB) string {
	t.Helper()
	root, err := moduleRoot()
	if err == nil {
		dir := filepath.Join(filepath.Dir(root), "shared")
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("../shared (conformance vectors and dictionaries) is missing beside the checkout, and CI is set")
	}
	t.Skip("SKIPPING: ../shared is missing beside the checkout; these tests need REDCap's conformance vectors and real dictionaries")
	return ""
}

// Dictionaries returns the paths of every dictionary file in shared/dictionaries.
func Dictionaries(t testing.TB) []string {
	t.Helper()
	dir := filepath.Join(Dir(t), "dictionaries")
	var out []string
	for _, pattern := range []string{"*.csv", "*.json", "*.xml"} {
		m, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) == 0 {
		t.Fatalf("no dictionaries in %s", dir)
	}
	return out
}

// ModuleRoot returns the directory holding the module's go.mod.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
