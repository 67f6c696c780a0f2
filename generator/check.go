package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/redcapgen/redcapgen/dictionary/snapshot"
)

// CheckReport is what Check found: the dictionary changes in REDCap terms, the files that would
// change, and whether the generator version differs from the one that wrote the package.
type CheckReport struct {
	// Changes are the dictionary differences between the committed snapshot and the source.
	Changes []snapshot.Change `json:"changes"`
	// Changed, Added and Removed name the files that would change, appear or disappear.
	Changed []string `json:"changed_files"`
	Added   []string `json:"added_files"`
	Removed []string `json:"removed_files"`
	// HeaderOnly names the changed files whose only difference is their header (the dictionary
	// fingerprint or generator version every file carries): nothing in their code changes.
	HeaderOnly []string `json:"header_only_files"`
	// SourceOnly names the files that differ only in the header lines naming the source and the
	// generator version: nothing generated from the project differs, so they are not a change.
	SourceOnly []string `json:"source_only_files"`
	// Kept lists the parts of the project the source does not carry (a dictionary file has no
	// events, the API no survey settings without survey rights), taken from the committed
	// package, each with the flag or source that carries it.
	Kept []Kept `json:"kept,omitempty"`
	// GeneratorDrift is set when the package was written by another generator version.
	GeneratorDrift *VersionDrift `json:"generator_drift,omitempty"`
}

// VersionDrift names the generator version on disk and the running one.
type VersionDrift struct {
	OnDisk  string `json:"on_disk"`
	Running string `json:"running"`
}

// Current reports whether the package on disk is what generation would write, header lines
// naming the source and generator version aside.
func (r *CheckReport) Current() bool {
	return len(r.Changed) == 0 && len(r.Added) == 0 && len(r.Removed) == 0
}

// Breaking reports whether any dictionary change is breaking.
func (r *CheckReport) Breaking() bool {
	for _, c := range r.Changes {
		if c.Breaking {
			return true
		}
	}
	return false
}

// Check runs the whole pipeline without writing and compares its output with dir. What the
// source does not carry (dictionary.Project.Lacks) is taken from the committed package and
// listed in Kept, so a source that cannot say something does not report it removed.
func Check(ctx context.Context, cfg Config, dir string) (*CheckReport, error) {
	p, err := loadProject(ctx, cfg)
	if err != nil {
		return nil, err
	}
	committed, err := readCommitted(dir)
	if err != nil {
		return nil, err
	}
	kept := keepLacking(p, committed)
	res, err := GenerateProject(p, cfg)
	if err != nil {
		return nil, err
	}
	report, err := CompareDir(res, dir, versionOrDefault(cfg.GeneratorVersion))
	if err != nil {
		return nil, err
	}
	report.Kept = kept
	return report, nil
}

// CompareDir compares a generation result with the files in dir.
func CompareDir(res *Result, dir, running string) (*CheckReport, error) {
	report := &CheckReport{}
	produced := map[string]bool{}
	for _, f := range res.Files {
		produced[f.Path] = true
		old, err := os.ReadFile(filepath.Join(dir, f.Path))
		switch {
		case errors.Is(err, os.ErrNotExist):
			report.Added = append(report.Added, f.Path)
		case err != nil:
			return nil, fmt.Errorf("check: %w", err)
		case bytes.Equal(old, f.Bytes):
		case bytes.Equal(withoutSourceNames(old), withoutSourceNames(f.Bytes)):
			report.SourceOnly = append(report.SourceOnly, f.Path)
		default:
			report.Changed = append(report.Changed, f.Path)
			if bytes.Equal(afterHeader(old), afterHeader(f.Bytes)) {
				report.HeaderOnly = append(report.HeaderOnly, f.Path)
			}
		}
	}
	if _, err := os.Stat(dir); err == nil {
		stale, err := staleOwnedFiles(dir, produced)
		if err != nil {
			return nil, fmt.Errorf("check: %w", err)
		}
		report.Removed = stale
	}
	old, err := os.ReadFile(filepath.Join(dir, SnapshotFile))
	switch {
	case err == nil:
		oldProject, err := snapshot.ParseSnapshot(old)
		if err != nil {
			return nil, fmt.Errorf("check: read committed snapshot %s: %w", SnapshotFile, err)
		}
		report.Changes = snapshot.Diff(oldProject, res.Project)
	case !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("check: %w", err)
	}
	if onDisk := versionOnDisk(dir); onDisk != "" && onDisk != running {
		report.GeneratorDrift = &VersionDrift{OnDisk: onDisk, Running: running}
	}
	sort.Strings(report.Changed)
	sort.Strings(report.Added)
	sort.Strings(report.HeaderOnly)
	sort.Strings(report.SourceOnly)
	return report, nil
}

// IsHeaderOnly reports whether a changed file differs only in its header.
func (r *CheckReport) IsHeaderOnly(path string) bool {
	i := sort.SearchStrings(r.HeaderOnly, path)
	return i < len(r.HeaderOnly) && r.HeaderOnly[i] == path
}

// afterHeader returns a generated file without its header: the leading comment lines ("// Code
// generated ...", "// Source: ...", or the snapshot's "# " lines).
func afterHeader(b []byte) []byte {
	for len(b) > 0 && (bytes.HasPrefix(b, []byte("// ")) || bytes.HasPrefix(b, []byte("# "))) {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return nil
		}
		b = b[i+1:]
	}
	return b
}

var headerVersion = regexp.MustCompile(`^// Code generated by redcapgen (\S+)\. DO NOT EDIT\.`)

// versionOnDisk returns the generator version named in the header of an owned Go file in dir.
func versionOnDisk(dir string) string {
	if m := headerVersion.FindSubmatch(firstOwnedGoFile(dir)); m != nil {
		return string(m[1])
	}
	return ""
}

// withoutSourceNames returns a generated file with the parts of its header that only name the
// source and the generator version left out: the version in the first line, and the source and
// project title before the dictionary fingerprint in the second. The fingerprint stays.
func withoutSourceNames(b []byte) []byte {
	first, rest, _ := bytes.Cut(b, []byte("\n"))
	if !headerVersion.Match(first) {
		return b
	}
	second, rest, _ := bytes.Cut(rest, []byte("\n"))
	if !headerSource.Match(second) {
		return b
	}
	_, fingerprint, _ := bytes.Cut(second, []byte(". Dictionary fingerprint: "))
	return append(append([]byte("// Code generated by redcapgen. DO NOT EDIT.\n// Dictionary fingerprint: "), fingerprint...), append([]byte("\n"), rest...)...)
}
