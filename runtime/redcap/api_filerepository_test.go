package redcap_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// TestFileRepository creates folders, uploads, lists, downloads and deletes through the client
// against the fake, with REDCap's renaming of a second file of the same name.
func TestFileRepository(t *testing.T) {
	_, c := startFake(t)
	ctx := context.Background()
	top, err := c.CreateRepositoryFolder(ctx, "Reports: 2026", redcap.FolderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := c.CreateRepositoryFolder(ctx, "Sub", redcap.FolderOptions{ParentID: top, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	content := bytes.Repeat([]byte("line of text\n"), 10000) // larger than one write of the pipe
	for range 2 {
		if err := c.UploadRepositoryFile(ctx, top, "notes.txt", bytes.NewReader(content), redcap.UploadOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := c.ListFileRepository(ctx, top)
	if err != nil {
		t.Fatal(err)
	}
	want := []redcap.RepositoryEntry{{FolderID: sub, Name: "Sub"}, {DocID: list[1].DocID, Name: "notes (1).txt"}, {DocID: list[2].DocID, Name: "notes.txt"}}
	if diff := cmp.Diff(want, list); diff != "" {
		t.Errorf("listing (-want +got):\n%s", diff)
	}
	if !list[0].IsFolder() || list[1].IsFolder() {
		t.Errorf("IsFolder: %v, %v", list[0].IsFolder(), list[1].IsFolder())
	}
	root, err := c.ListFileRepository(ctx, 0)
	if err != nil || len(root) != 1 || root[0].Name != "Reports 2026" {
		t.Errorf("top level = %+v, %v; want folder %q (colon dropped)", root, err, "Reports 2026")
	}
	var buf bytes.Buffer
	f, err := c.DownloadRepositoryFile(ctx, list[2].DocID, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if f != (redcap.FileInfo{Name: "notes.txt", ContentType: "text/plain", Size: int64(len(content))}) || !bytes.Equal(buf.Bytes(), content) {
		t.Errorf("download = %+v, %d bytes; want notes.txt, text/plain, %d bytes", f, buf.Len(), len(content))
	}
	if err := c.DeleteRepositoryFile(ctx, list[2].DocID); err != nil {
		t.Fatal(err)
	}
	if after, err := c.ListFileRepository(ctx, top); err != nil || len(after) != 2 {
		t.Errorf("after delete: %+v, %v; want the folder and one file", after, err)
	}
}

// TestFileRepositoryErrors checks REDCap's refusals: duplicate folder names, unknown folders and
// documents, files without an extension, and a user without the File Repository right.
func TestFileRepositoryErrors(t *testing.T) {
	srv, c := startFake(t)
	ctx := context.Background()
	if _, err := c.CreateRepositoryFolder(ctx, "Data", redcap.FolderOptions{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		err    func() error
		status int
		msg    string
	}{
		{"duplicate folder", func() error { _, err := c.CreateRepositoryFolder(ctx, "DATA", redcap.FolderOptions{}); return err },
			http.StatusBadRequest, `ERROR: The folder name "DATA" could not be created because a folder with that same name already exists in this directory. You should create a new folder with a different name instead.`},
		{"unknown folder", func() error { _, err := c.ListFileRepository(ctx, 999); return err },
			http.StatusBadRequest, "The File Repository folder folder_id=999 does not exist or else you do not have permission to that folder because it is DAG-restricted or Role-restricted."},
		{"no extension", func() error {
			return c.UploadRepositoryFile(ctx, 0, "README", strings.NewReader("x"), redcap.UploadOptions{})
		},
			http.StatusBadRequest, "ERROR: The file cannot be uploaded."},
		{"unknown document", func() error { _, err := c.DownloadRepositoryFile(ctx, 999, &bytes.Buffer{}); return err },
			http.StatusBadRequest, "Invalid doc_id or missing doc_id"},
		{"unknown document deleted", func() error { return c.DeleteRepositoryFile(ctx, 999) },
			http.StatusBadRequest, "Invalid doc_id or missing doc_id"},
		{"no right", func() error {
			srv.SetRights(redcaptest.Rights{NoFileRepository: true})
			defer srv.SetRights(redcaptest.Rights{})
			_, err := c.ListFileRepository(ctx, 0)
			return err
		}, http.StatusForbidden, `The API request cannot complete because currently you do not have "File Repository" rights, which are required for this operation.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var apiErr *redcap.APIError
			if err := tt.err(); !errors.As(err, &apiErr) || apiErr.Status != tt.status || apiErr.Message != tt.msg {
				t.Errorf("error %v, want HTTP %d %q", err, tt.status, tt.msg)
			}
		})
	}
}

// TestFileRepositoryWritesNotRetried checks that an upload, a folder creation and a delete that
// fail once with a 503 report it (a retry would have succeeded), while a listing is retried.
func TestFileRepositoryWritesNotRetried(t *testing.T) {
	srv, c := startFake(t)
	ctx := context.Background()
	if err := c.UploadRepositoryFile(ctx, 0, "a.txt", strings.NewReader("a"), redcap.UploadOptions{}); err != nil {
		t.Fatal(err)
	}
	writes := []struct {
		name string
		do   func() error
	}{
		{"upload", func() error {
			return c.UploadRepositoryFile(ctx, 0, "b.txt", strings.NewReader("b"), redcap.UploadOptions{})
		}},
		{"create folder", func() error { _, err := c.CreateRepositoryFolder(ctx, "F", redcap.FolderOptions{}); return err }},
		{"delete", func() error { return c.DeleteRepositoryFile(ctx, 1) }},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			srv.FailNext(1, http.StatusServiceUnavailable)
			var apiErr *redcap.APIError
			if err := w.do(); !errors.As(err, &apiErr) || apiErr.Status != http.StatusServiceUnavailable {
				t.Errorf("error %v, want the 503 (writes are never retried)", err)
			}
		})
	}
	srv.FailNext(1, http.StatusServiceUnavailable)
	if list, err := c.ListFileRepository(ctx, 0); err != nil || len(list) != 1 {
		t.Errorf("listing after one 503: %+v, %v; want a.txt alone after one retry", list, err)
	}
}

// TestDownloadCutNotRewritten checks that a download cut off after bytes reached the writer ends
// in an error instead of writing the file a second time.
func TestDownloadCutNotRewritten(t *testing.T) {
	_, c := startFake(t, redcaptest.WithTruncatedBodies())
	ctx := context.Background()
	if err := c.UploadRepositoryFile(ctx, 0, "a.txt", strings.NewReader(strings.Repeat("abcdef\n", 1000)), redcap.UploadOptions{}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	_, err := c.DownloadRepositoryFile(ctx, 1, &buf)
	if err == nil {
		t.Error("no error for a cut download")
	}
	if buf.Len() != 3500 {
		t.Errorf("%d bytes written, want the 3500 of the first, cut answer only", buf.Len())
	}
}
