package redcap_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator"
	files "github.com/redcapgen/redcapgen/golden/file_fields/want"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// startFilesFake serves the project of the golden case file_fields (file fields on a form in two
// events and on a form that repeats in one of them).
func startFilesFake(t *testing.T, opts ...redcaptest.Option) (*redcaptest.Server, *redcap.Client) {
	t.Helper()
	dir := filepath.Join("..", "..", "golden", "file_fields")
	p, err := dictionary.ReadFile(filepath.Join(dir, "input.csv"))
	if err != nil {
		t.Fatal(err)
	}
	design, err := os.ReadFile(filepath.Join(dir, "design.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := generator.ApplyEventDesign(p, "design.json", design); err != nil {
		t.Fatal(err)
	}
	srv := redcaptest.NewServer(p, opts...)
	t.Cleanup(srv.Close)
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte(srv.Token()), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := redcap.NewClient(srv.URL(), redcap.TokenFromFile(path), redcap.WithRetry(2, time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// exportOne exports record id through the generated types.
func exportOne(t *testing.T, c *redcap.Client, id string) files.Record {
	t.Helper()
	recs, err := redcap.ExportAll[files.Record](context.Background(), c, redcap.ExportOptions{})
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	for _, r := range recs {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("export: no record %s among %d", id, len(recs))
	return files.Record{}
}

// TestFilesTypedRoundTrip uploads files into a record's events and repeating instances, reads
// their names through the generated types, downloads and compares the bytes, then deletes.
func TestFilesTypedRoundTrip(t *testing.T) {
	ctx := context.Background()
	_, c := startFilesFake(t)
	rec := files.Record{
		ID:           "1",
		BaselineArm1: &files.BaselineArm1{Visit: files.Visit{PhotoTaken: redcap.Of(files.PhotoTakenYes)}},
		FollowUpArm1: &files.FollowUpArm1{Visit: []redcap.Instance[files.Visit]{
			{Number: 1, Data: files.Visit{PhotoTaken: redcap.Of(files.PhotoTakenYes)}},
			{Number: 2, Data: files.Visit{PhotoTaken: redcap.Of(files.PhotoTakenYes)}},
		}},
	}
	if _, err := redcap.Import(ctx, c, []files.Record{rec}, redcap.ImportOptions{}); err != nil {
		t.Fatalf("import: %v", err)
	}
	uploads := []struct {
		field, event string
		instance     int
		name, stored string
		content      []byte
		mime         string
	}{
		{"consent_pdf", "baseline_arm_1", 0, "Zoë: consent.pdf", "Zoe consent.pdf", []byte("%PDF-1.4\n\x00\x01\xff binary"), "application/pdf"},
		{"consent_signature", "follow_up_arm_1", 0, "signature.png", "signature.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "image/png"},
		{"photo", "follow_up_arm_1", 1, "wound 1.txt", "wound 1.txt", []byte("first photo\n"), "text/plain"},
		{"photo", "follow_up_arm_1", 2, "wound 2.txt", "wound 2.txt", []byte{}, "application/x-empty"},
	}
	for _, u := range uploads {
		ref, err := redcap.NewFileRef(&rec, u.field, u.event, u.instance)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.UploadFile(ctx, ref, u.name, bytes.NewReader(u.content), redcap.UploadOptions{}); err != nil {
			t.Fatalf("upload %+v: %v", ref, err)
		}
	}

	got := exportOne(t, c, "1")
	typed := []redcap.Value[redcap.File]{
		got.BaselineArm1.Consent.ConsentPdf,
		got.FollowUpArm1.Consent.ConsentSignature,
		got.FollowUpArm1.Visit[0].Data.Photo,
		got.FollowUpArm1.Visit[1].Data.Photo,
	}
	for i, u := range uploads {
		f, ok := typed[i].Get()
		if !ok || f.Name() != u.stored {
			t.Errorf("%s/%s/%d: typed value %q (present %v), want %q", u.field, u.event, u.instance, typed[i].Raw(), ok, u.stored)
		}
		ref, err := redcap.NewFileRef(&got, u.field, u.event, u.instance)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		info, err := c.DownloadFile(ctx, ref, &buf)
		if err != nil {
			t.Fatalf("download %+v: %v", ref, err)
		}
		if !bytes.Equal(buf.Bytes(), u.content) || info.Name != f.Name() || info.ContentType != u.mime || info.Size != int64(len(u.content)) {
			t.Errorf("download %+v: %q %+v, want %q as %q (%s)", ref, buf.Bytes(), info, u.content, f.Name(), u.mime)
		}
		stat, err := c.StatFile(ctx, ref)
		if err != nil || stat.Name != f.Name() || stat.Size != int64(len(u.content)) {
			t.Errorf("stat %+v: %+v, %v", ref, stat, err)
		}
	}
	if !got.BaselineArm1.Consent.ConsentSignature.IsBlank() || !got.FollowUpArm1.Consent.ConsentPdf.IsBlank() || !got.BaselineArm1.Visit.Photo.IsBlank() {
		t.Error("fields without a file are not blank")
	}

	// Re-importing the decoded record leaves the files alone: REDCap drops file values.
	if _, err := redcap.Import(ctx, c, []files.Record{got}, redcap.ImportOptions{}); err != nil {
		t.Fatalf("re-import: %v", err)
	}
	ref, _ := redcap.NewFileRef(&got, "photo", "follow_up_arm_1", 1)
	if err := c.DeleteFile(ctx, ref); err != nil {
		t.Fatalf("delete: %v", err)
	}
	after := exportOne(t, c, "1")
	if !after.FollowUpArm1.Visit[0].Data.Photo.IsBlank() {
		t.Errorf("photo of instance 1 after delete: %q", after.FollowUpArm1.Visit[0].Data.Photo.Raw())
	}
	if f, ok := after.FollowUpArm1.Visit[1].Data.Photo.Get(); !ok || f.Name() != "wound 2.txt" {
		t.Errorf("photo of instance 2 after deleting instance 1's: %q", after.FollowUpArm1.Visit[1].Data.Photo.Raw())
	}
	if _, err := c.DownloadFile(ctx, ref, io.Discard); !errors.Is(err, redcap.ErrNoFile) {
		t.Errorf("download after delete: %v, want ErrNoFile", err)
	}
	if err := c.DeleteFile(ctx, ref); !errors.Is(err, redcap.ErrNoFile) {
		t.Errorf("second delete: %v, want ErrNoFile", err)
	}
}

// TestFileErrors checks that REDCap's refusals come back as the typed file errors.
func TestFileErrors(t *testing.T) {
	ctx := context.Background()
	srv, c := startFilesFake(t)
	if err := srv.Load([]map[string]string{{"record_id": "1", "redcap_event_name": "baseline_arm_1", "photo_taken": "1"}}); err != nil {
		t.Fatal(err)
	}
	ok := redcap.FileRef{Record: "1", Field: "consent_pdf", Event: "baseline_arm_1"}
	pdf := func() io.Reader { return strings.NewReader("%PDF-1.4") }
	for _, tc := range []struct {
		name string
		err  error
		want error
	}{
		{"forbidden type", c.UploadFile(ctx, ok, "tool.exe", pdf(), redcap.UploadOptions{}), redcap.ErrFileRefused},
		{"not a file field", c.UploadFile(ctx, redcap.FileRef{Record: "1", Field: "photo_taken", Event: "baseline_arm_1"}, "a.pdf", pdf(), redcap.UploadOptions{}), redcap.ErrNotFileField},
		{"unknown record", c.UploadFile(ctx, redcap.FileRef{Record: "9", Field: "consent_pdf", Event: "baseline_arm_1"}, "a.pdf", pdf(), redcap.UploadOptions{}), redcap.ErrNoSuchRecord},
		{"no event", c.DeleteFile(ctx, redcap.FileRef{Record: "1", Field: "consent_pdf"}), redcap.ErrInvalidEvent},
		{"no file", c.DeleteFile(ctx, ok), redcap.ErrNoFile},
		{"record not in event", func() error {
			_, err := c.DownloadFile(ctx, redcap.FileRef{Record: "1", Field: "photo", Event: "follow_up_arm_1", Instance: 1}, io.Discard)
			return err
		}(), redcap.ErrNoSuchRecord},
	} {
		var fe *redcap.FileError
		var apiErr *redcap.APIError
		if !errors.Is(tc.err, tc.want) || !errors.As(tc.err, &fe) || !errors.As(tc.err, &apiErr) {
			t.Errorf("%s: %v, want a *FileError over an *APIError matching %v", tc.name, tc.err, tc.want)
		}
	}
	if _, err := redcap.NewFileRef(&files.Record{ID: "1"}, "photo_taken", "baseline_arm_1", 0); err == nil {
		t.Error("NewFileRef accepts a field that is not a file field")
	}
	if _, err := redcap.NewFileRef(&files.Record{ID: "1"}, "photo", "nope_arm_1", 0); err == nil {
		t.Error("NewFileRef accepts an unknown event")
	}
}

// TestUploadSizeLimit refuses a file over the caller's limit: before sending when the size is
// known, and while sending otherwise (nothing is stored either way).
func TestUploadSizeLimit(t *testing.T) {
	ctx := context.Background()
	srv, c := startFilesFake(t)
	if err := srv.Load([]map[string]string{{"record_id": "1", "redcap_event_name": "baseline_arm_1"}}); err != nil {
		t.Fatal(err)
	}
	ref := redcap.FileRef{Record: "1", Field: "consent_pdf", Event: "baseline_arm_1"}
	data := bytes.Repeat([]byte("x"), 100<<10)
	before := len(srv.Requests())
	err := c.UploadFile(ctx, ref, "big.txt", bytes.NewReader(data), redcap.UploadOptions{MaxSize: 1 << 10})
	if !errors.Is(err, redcap.ErrFileTooLarge) || len(srv.Requests()) != before {
		t.Errorf("known size over the limit: %v after %d requests", err, len(srv.Requests())-before)
	}
	unknown := io.MultiReader(bytes.NewReader(data)) // hides Len
	if err := c.UploadFile(ctx, ref, "big.txt", unknown, redcap.UploadOptions{MaxSize: 1 << 10}); !errors.Is(err, redcap.ErrFileTooLarge) {
		t.Errorf("unknown size over the limit: %v", err)
	}
	if _, err := c.DownloadFile(ctx, ref, io.Discard); !errors.Is(err, redcap.ErrNoFile) {
		t.Errorf("a refused upload stored a file: %v", err)
	}
	// A size the caller gives that is wrong fails the upload instead of cutting or padding the file.
	for _, size := range []int64{int64(len(data)) - 1, int64(len(data)) + 1} {
		if err := c.UploadFile(ctx, ref, "big.txt", io.MultiReader(bytes.NewReader(data)), redcap.UploadOptions{Size: size}); err == nil {
			t.Errorf("upload of %d bytes as %d: no error", len(data), size)
		}
	}
	if _, err := c.DownloadFile(ctx, ref, io.Discard); !errors.Is(err, redcap.ErrNoFile) {
		t.Errorf("an upload of the wrong size stored a file: %v", err)
	}
	// Within the limit, of unknown size (sent chunked) and of a size the caller gives.
	for _, opts := range []redcap.UploadOptions{{MaxSize: int64(len(data))}, {Size: int64(len(data))}} {
		if err := c.UploadFile(ctx, ref, "big.txt", io.MultiReader(bytes.NewReader(data)), opts); err != nil {
			t.Fatalf("upload %+v: %v", opts, err)
		}
		var buf bytes.Buffer
		if _, err := c.DownloadFile(ctx, ref, &buf); err != nil || !bytes.Equal(buf.Bytes(), data) {
			t.Errorf("download after upload %+v: %d bytes, %v", opts, buf.Len(), err)
		}
	}
}

// countingTransport counts the requests sent through it.
type countingTransport struct{ n int }

func (ct *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	ct.n++
	return http.DefaultTransport.RoundTrip(r)
}

// TestFileRetries: a download is retried after a server error, an upload and a delete never are.
func TestFileRetries(t *testing.T) {
	ctx := context.Background()
	srv, _ := startFilesFake(t)
	if err := srv.Load([]map[string]string{{"record_id": "1", "redcap_event_name": "baseline_arm_1"}}); err != nil {
		t.Fatal(err)
	}
	ct := &countingTransport{}
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte(srv.Token()), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := redcap.NewClient(srv.URL(), redcap.TokenFromFile(path),
		redcap.WithRetry(2, time.Millisecond), redcap.WithHTTPClient(&http.Client{Transport: ct}))
	if err != nil {
		t.Fatal(err)
	}
	ref := redcap.FileRef{Record: "1", Field: "consent_pdf", Event: "baseline_arm_1"}
	sent := func(f func() error) (int, error) {
		before := ct.n
		err := f()
		return ct.n - before, err
	}
	srv.FailNext(1, 503)
	if n, err := sent(func() error { return c.UploadFile(ctx, ref, "a.txt", strings.NewReader("a"), redcap.UploadOptions{}) }); !errors.Is(err, redcap.ErrServer) || n != 1 {
		t.Errorf("upload after a 503: %v, %d requests (want one, not retried)", err, n)
	}
	if err := c.UploadFile(ctx, ref, "a.txt", strings.NewReader("a"), redcap.UploadOptions{}); err != nil {
		t.Fatal(err)
	}
	srv.FailNext(1, 503)
	if n, err := sent(func() error { _, err := c.DownloadFile(ctx, ref, io.Discard); return err }); err != nil || n != 2 {
		t.Errorf("download after a 503: %v, %d requests (want a retry)", err, n)
	}
	srv.FailNext(1, 503)
	if n, err := sent(func() error { return c.DeleteFile(ctx, ref) }); !errors.Is(err, redcap.ErrServer) || n != 1 {
		t.Errorf("delete after a 503: %v, %d requests (want one, not retried)", err, n)
	}
}
