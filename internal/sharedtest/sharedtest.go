// Package sharedtest finds the shared test corpus (a directory named shared beside the checkout:
// REDCap's captured answers and real data dictionaries) for tests in every package.
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
// Under go test -short it leaves out the large ones (see LargeFile).
func Dictionaries(t testing.TB) []string {
	t.Helper()
	dir := filepath.Join(Dir(t), "dictionaries")
	var out []string
	for _, pattern := range []string{"*.csv", "*.json", "*.xml"} {
		m, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range m {
			if testing.Short() && LargeFile(t, path) {
				t.Logf("-short: leaving out the large dictionary %s", filepath.Base(path))
				continue
			}
			out = append(out, path)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no dictionaries in %s", dir)
	}
	return out
}

// ShortFileBytes is the largest shared file that corpus-wide tests read under go test -short:
// the larger dictionaries (up to 11,872 fields) and vector files take most of the suite's time,
// and the full run, which CI makes, keeps them.
const ShortFileBytes = 200_000

// LargeFile reports whether a shared file is over ShortFileBytes.
func LargeFile(t testing.TB, path string) bool {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size() > ShortFileBytes
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
