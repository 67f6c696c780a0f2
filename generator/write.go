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

// Write puts files into dir, the whole package or nothing: every new or changed file is first
// staged in a temp file in dir and checked; only when all are staged are they renamed into
// place, the files they replace and the owned files no longer produced set aside meanwhile. When
// any step fails, every file already swapped is put back and the staged files are removed, so
// dir holds the previous package byte for byte. Files whose bytes are unchanged are not
// touched, nor is anything in dir that is not an owned file.
func Write(dir string, files Files) (*WriteReport, error) {
	return writePackage(dir, files, osFS{})
}

// fileSystem is what writePackage does to disk; tests inject failures through it.
type fileSystem interface {
	// stage writes data to a new temp file in dir and returns its path.
	stage(dir string, data []byte) (string, error)
	rename(from, to string) error
	remove(path string) error
}

// osFS is the real file system.
type osFS struct{}

func (osFS) stage(dir string, data []byte) (string, error) { return writeTemp(dir, data) }
func (osFS) rename(from, to string) error                  { return os.Rename(from, to) }
func (osFS) remove(path string) error                      { return os.Remove(path) }

// writePackage is Write through fs.
func writePackage(dir string, files Files, fs fileSystem) (*WriteReport, error) {
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
	var changed Files
	for _, f := range files {
		old, err := os.ReadFile(filepath.Join(dir, f.Path))
		switch {
		case err == nil && bytes.Equal(old, f.Bytes):
			report.Unchanged = append(report.Unchanged, f.Path)
		case err == nil || errors.Is(err, os.ErrNotExist):
			changed = append(changed, f)
		default:
			return nil, fmt.Errorf("read %s: %w; nothing was changed in %s", filepath.Join(dir, f.Path), err, dir)
		}
	}
	stale, err := staleOwnedFiles(dir, produced)
	if err != nil {
		return nil, fmt.Errorf("%w; nothing was changed in %s", err, dir)
	}
	staged, err := stageAll(dir, changed, fs)
	if err != nil {
		return nil, fmt.Errorf("%w; nothing was changed in %s", err, dir)
	}
	if err := swapAll(dir, changed, staged, stale, fs); err != nil {
		return nil, err
	}
	for _, f := range changed {
		report.Written = append(report.Written, f.Path)
	}
	report.Deleted = stale
	return report, nil
}

// stageAll writes every changed file to a temp file in dir and checks each one's size. On
// failure it removes what it staged.
func stageAll(dir string, changed Files, fs fileSystem) ([]string, error) {
	staged := make([]string, 0, len(changed))
	for _, f := range changed {
		tmp, err := fs.stage(dir, f.Bytes)
		if tmp != "" {
			staged = append(staged, tmp)
		}
		if err == nil {
			err = checkStaged(tmp, len(f.Bytes))
		}
		if err != nil {
			removeAll(staged, fs)
			return nil, fmt.Errorf("write %s: %w", filepath.Join(dir, f.Path), err)
		}
	}
	return staged, nil
}

// checkStaged makes sure a staged file holds all its bytes.
func checkStaged(path string, size int) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.Size() != int64(size) {
		return fmt.Errorf("staged file holds %d bytes, want %d", info.Size(), size)
	}
	return nil
}

// move is one step of the swap: an owned file set aside (backup, "" when there was none) and, for
// a changed file, the staged file put in its place (placed).
type move struct {
	target, backup string
	placed         bool
}

// swapAll moves the staged files into place and the stale files aside, then removes what was set
// aside. When a step fails it undoes every step made, in reverse, and removes the staged files.
func swapAll(dir string, changed Files, staged, stale []string, fs fileSystem) error {
	var moves []move
	fail := func(err error) error {
		if uerr := undo(moves, fs); uerr != nil {
			return fmt.Errorf("%w; putting the previous package back failed too: %w", err, uerr)
		}
		removeAll(staged, fs)
		return fmt.Errorf("%w; the previous package is back in place", err)
	}
	for i, f := range changed {
		m := move{target: filepath.Join(dir, f.Path)}
		var err error
		if m.backup, err = setAside(dir, m.target, fs); err != nil {
			return fail(err)
		}
		moves = append(moves, m)
		if err := fs.rename(staged[i], m.target); err != nil {
			return fail(fmt.Errorf("write %s: %w", m.target, err))
		}
		moves[len(moves)-1].placed = true
		staged[i] = ""
	}
	for _, name := range stale {
		m := move{target: filepath.Join(dir, name)}
		var err error
		if m.backup, err = setAside(dir, m.target, fs); err != nil {
			return fail(fmt.Errorf("remove stale generated file: %w", err))
		}
		moves = append(moves, m)
	}
	var leftovers []string
	for _, m := range moves {
		if m.backup != "" && fs.remove(m.backup) != nil {
			leftovers = append(leftovers, m.backup)
		}
	}
	if len(leftovers) > 0 {
		return fmt.Errorf("the package was written, but copies of the previous files could not be removed: %s", strings.Join(leftovers, ", "))
	}
	return nil
}

// setAside renames an existing target to a new temp name in dir and returns that name; "" when
// there is no target.
func setAside(dir, target string, fs fileSystem) (string, error) {
	if _, err := os.Lstat(target); errors.Is(err, os.ErrNotExist) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("set aside %s: %w", target, err)
	}
	backup, err := fs.stage(dir, nil) // reserves a unique name
	if err != nil {
		return "", fmt.Errorf("set aside %s: %w", target, err)
	}
	if err := fs.rename(target, backup); err != nil {
		_ = fs.remove(backup)
		return "", fmt.Errorf("set aside %s: %w", target, err)
	}
	return backup, nil
}

// undo reverses moves, last first: a file set aside goes back over whatever took its place; a
// new file that replaced nothing is removed.
func undo(moves []move, fs fileSystem) error {
	var errs []error
	for i := len(moves) - 1; i >= 0; i-- {
		m := moves[i]
		switch {
		case m.backup != "":
			if err := fs.rename(m.backup, m.target); err != nil {
				errs = append(errs, fmt.Errorf("restore %s from %s: %w", m.target, m.backup, err))
			}
		case m.placed:
			if err := fs.remove(m.target); err != nil {
				errs = append(errs, fmt.Errorf("remove %s: %w", m.target, err))
			}
		}
	}
	return errors.Join(errs...)
}

// removeAll removes staged files ("" entries are skipped), ignoring errors: they are temp files.
func removeAll(paths []string, fs fileSystem) {
	for _, p := range paths {
		if p != "" {
			_ = fs.remove(p)
		}
	}
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

// writeTemp writes data to a new temp file in dir, mode 0644, and returns its path; on
// failure it removes the file.
func writeTemp(dir string, data []byte) (string, error) {
	tmp, err := os.CreateTemp(dir, ".redcapgen-*.tmp")
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// WriteFileAtomic writes data to a temp file beside target and renames it into place, so a reader
// never sees a half-written file.
func WriteFileAtomic(target string, data []byte) error {
	tmp, err := writeTemp(filepath.Dir(target), data)
	if err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", target, err)
	}
	return nil
}
