package generator

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// IsOwnedFile reports whether a file name is one redcapgen writes and may therefore replace or
// delete: "redcap_<concern>_gen.go", "redcap_form_<form>_gen.go" and the snapshot.
func IsOwnedFile(name string) bool {
	return strings.HasPrefix(name, "redcap_") && (strings.HasSuffix(name, "_gen.go") || name == SnapshotFile)
}

// WriteReport says what Write did, by file name.
type WriteReport struct {
	Written   []string // new or changed
	Unchanged []string
	Deleted   []string // owned files that this generation no longer produces
}

// Write puts files into dir: each changed file goes to a temp file in dir and is renamed over the
// old one; files whose bytes are unchanged are not touched. After every file is in place, owned
// files that were not produced are deleted. Nothing else in dir is touched.
func Write(dir string, files Files) (*WriteReport, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create output directory: %w", err)
	}
	report := &WriteReport{}
	produced := map[string]bool{}
	for _, f := range files {
		if filepath.Base(f.Path) != f.Path || !IsOwnedFile(f.Path) {
			return nil, fmt.Errorf("internal error: generated file name %q is not an owned file name", f.Path)
		}
		produced[f.Path] = true
	}
	for _, f := range files {
		target := filepath.Join(dir, f.Path)
		old, err := os.ReadFile(target)
		if err == nil && bytes.Equal(old, f.Bytes) {
			report.Unchanged = append(report.Unchanged, f.Path)
			continue
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return report, fmt.Errorf("read %s: %w", target, err)
		}
		if err := WriteFileAtomic(target, f.Bytes); err != nil {
			return report, err
		}
		report.Written = append(report.Written, f.Path)
	}
	stale, err := staleOwnedFiles(dir, produced)
	if err != nil {
		return report, err
	}
	for _, name := range stale {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return report, fmt.Errorf("remove stale generated file: %w", err)
		}
		report.Deleted = append(report.Deleted, name)
	}
	return report, nil
}

// staleOwnedFiles lists owned files in dir that are not in produced, sorted.
func staleOwnedFiles(dir string, produced map[string]bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list output directory: %w", err)
	}
	var stale []string
	for _, e := range entries {
		if !e.IsDir() && IsOwnedFile(e.Name()) && !produced[e.Name()] {
			stale = append(stale, e.Name())
		}
	}
	sort.Strings(stale)
	return stale, nil
}

// WriteFileAtomic writes data to a temp file beside target and renames it into place, so a reader
// never sees a half-written file.
func WriteFileAtomic(target string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(target), ".redcapgen-*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", target, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", target, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	return nil
}
