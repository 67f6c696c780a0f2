package generator

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// faultFS is the real file system failing one chosen step, once.
type faultFS struct {
	osFS
	failStage      int    // fail the n-th staging of a generated file (1-based; 0: never)
	failRenameTo   string // fail renames onto this base name
	failRenameFrom string // fail renames of this base name (setting it aside)
	stages         int
	renameFailed   bool
}

var errInjected = errors.New("injected failure")

func (f *faultFS) stage(dir string, data []byte) (string, error) {
	if data != nil {
		f.stages++
		if f.stages == f.failStage {
			return "", errInjected
		}
	}
	return f.osFS.stage(dir, data)
}

func (f *faultFS) rename(from, to string) error {
	if !f.renameFailed && (filepath.Base(to) == f.failRenameTo || filepath.Base(from) == f.failRenameFrom) {
		f.renameFailed = true
		return errInjected
	}
	return f.osFS.rename(from, to)
}

// dirContents reads every entry of dir: name to mode and bytes.
func dirContents(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = info.Mode().String() + " " + string(data)
	}
	return out
}

// TestWriteAllOrNothing makes each step of a write fail in turn, the last file's included, and
// requires the previous package, byte for byte, with no file left behind.
func TestWriteAllOrNothing(t *testing.T) {
	newFiles := Files{
		{Path: "redcap_codec_gen.go", Bytes: []byte("package x // codec v2\n")},    // changed
		{Path: "redcap_enums_gen.go", Bytes: []byte("package x // enums\n")},       // unchanged
		{Path: "redcap_form_new_gen.go", Bytes: []byte("package x // new form\n")}, // new
		{Path: SnapshotFile, Bytes: []byte("field record_id v2\n")},                // changed, last
	}
	tests := []struct {
		name string
		fs   *faultFS
	}{
		{"staging the first file", &faultFS{failStage: 1}},
		{"staging the last file", &faultFS{failStage: 3}},
		{"setting aside the first old file", &faultFS{failRenameFrom: "redcap_codec_gen.go"}},
		{"placing the first file", &faultFS{failRenameTo: "redcap_codec_gen.go"}},
		{"placing a new file", &faultFS{failRenameTo: "redcap_form_new_gen.go"}},
		{"placing the last file", &faultFS{failRenameTo: SnapshotFile}},
		{"setting aside a stale file", &faultFS{failRenameFrom: "redcap_form_old_gen.go"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			mustWrite(t, filepath.Join(dir, "redcap_codec_gen.go"), "package x // codec v1\n")
			mustWrite(t, filepath.Join(dir, "redcap_enums_gen.go"), "package x // enums\n")
			mustWrite(t, filepath.Join(dir, "redcap_form_old_gen.go"), "package x // old form\n")
			mustWrite(t, filepath.Join(dir, SnapshotFile), "field record_id v1\n")
			mustWrite(t, filepath.Join(dir, "handwritten.go"), "package x\n")
			if err := os.Chmod(filepath.Join(dir, "redcap_codec_gen.go"), 0o600); err != nil {
				t.Fatal(err)
			}
			before := dirContents(t, dir)
			report, err := writePackage(dir, newFiles, tt.fs)
			if !errors.Is(err, errInjected) || report != nil {
				t.Fatalf("writePackage = %v, %v; want the injected failure and no report", report, err)
			}
			if !strings.Contains(err.Error(), "nothing was changed") && !strings.Contains(err.Error(), "previous package is back in place") {
				t.Errorf("error does not say the previous package is intact: %v", err)
			}
			if diff := cmp.Diff(before, dirContents(t, dir)); diff != "" {
				t.Errorf("directory changed (-before +after):\n%s", diff)
			}
		})
	}
	t.Run("no failure", func(t *testing.T) {
		dir := t.TempDir()
		mustWrite(t, filepath.Join(dir, "redcap_codec_gen.go"), "package x // codec v1\n")
		mustWrite(t, filepath.Join(dir, "redcap_form_old_gen.go"), "package x // old form\n")
		if _, err := writePackage(dir, newFiles, &faultFS{}); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for _, f := range newFiles {
			want[f.Path] = "-rw-r--r-- " + string(f.Bytes)
		}
		if diff := cmp.Diff(want, dirContents(t, dir)); diff != "" {
			t.Errorf("directory (-want +got):\n%s", diff)
		}
	})
}
