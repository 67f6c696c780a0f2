package generator

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWriteReplacesChangedSkipsUnchangedDeletesStale(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "redcap_form_old_gen.go"), "package x\n")
	mustWrite(t, filepath.Join(dir, "redcap_enums_gen.go"), "same\n")
	mustWrite(t, filepath.Join(dir, "handwritten.go"), "package x\n")
	files := Files{
		{Path: "redcap_enums_gen.go", Bytes: []byte("same\n")},
		{Path: "redcap_record_gen.go", Bytes: []byte("new\n")},
		{Path: SnapshotFile, Bytes: []byte("field record_id\n")},
	}
	report, err := Write(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	want := &WriteReport{
		Written:   []string{"redcap_record_gen.go", SnapshotFile},
		Unchanged: []string{"redcap_enums_gen.go"},
		Deleted:   []string{"redcap_form_old_gen.go"},
	}
	if diff := cmp.Diff(want, report); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	wantNames := []string{"handwritten.go", "redcap_enums_gen.go", "redcap_record_gen.go", SnapshotFile}
	slices.Sort(wantNames)
	if diff := cmp.Diff(wantNames, names); diff != "" {
		t.Errorf("directory (-want +got):\n%s", diff)
	}
}

func TestWriteRefusesNamesItDoesNotOwn(t *testing.T) {
	for _, name := range []string{"main.go", "../redcap_x_gen.go", "sub/redcap_x_gen.go", "redcap_x.go"} {
		if _, err := Write(t.TempDir(), Files{{Path: name, Bytes: []byte("x")}}); err == nil {
			t.Errorf("Write accepted %q", name)
		}
	}
}

func TestIsOwnedFile(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"redcap_form_test_gen.go", true},
		{"redcap_enums_gen.go", true},
		{SnapshotFile, true},
		{"redcap_enums.go", false},
		{"enums_gen.go", false},
		{"redcap_notes.txt", false},
	}
	for _, tt := range tests {
		if got := IsOwnedFile(tt.name); got != tt.want {
			t.Errorf("IsOwnedFile(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func mustWrite(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
