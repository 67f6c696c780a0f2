package redcaptest

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLogRepositoryAndPDFCalls checks the entries File Repository calls and PDF exports leave in
// the log, and that a PDF export of a record is found under that record.
func TestLogRepositoryAndPDFCalls(t *testing.T) {
	s := newDemo(t)
	if err := s.Load([]map[string]string{{"record_id": "1", "sex": "1"}}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		fields map[string]string
		file   []byte // sent as the multipart part "file" when set
		want   string
	}{
		{map[string]string{"content": "fileRepository", "action": "createFolder", "name": "Consents", "format": "json"}, nil, "Create folder in File Repository (API)"},
		{map[string]string{"content": "fileRepository", "action": "import", "folder_id": "1"}, []byte("signed"), "Upload file to File Repository (API)"},
		{map[string]string{"content": "fileRepository", "action": "list", "folder_id": "1", "format": "json"}, nil, "Export list of files/folders from File Repository (API)"},
		{map[string]string{"content": "fileRepository", "action": "export", "doc_id": "1"}, nil, "Download file from File Repository (API)"},
		{map[string]string{"content": "fileRepository", "action": "delete", "doc_id": "1"}, nil, "Delete file from File Repository (API)"},
		{map[string]string{"content": "pdf"}, nil, "Download all data entry forms as PDF (API)"},
		{map[string]string{"content": "pdf", "instrument": "visit"}, nil, "Download data entry form as PDF (API)"},
		{map[string]string{"content": "pdf", "record": "1"}, nil, "Download all data entry forms as PDF (with data) (API)"},
		{map[string]string{"content": "pdf", "record": "1", "instrument": "visit"}, nil, "Download data entry form as PDF (with data) (API)"},
		{map[string]string{"content": "pdf", "allRecords": ""}, nil, "Download all data entry forms as PDF (all records) (API)"},
		{map[string]string{"content": "fileRepository", "action": "export", "doc_id": "99"}, nil, ""}, // refused: not logged
	}
	var want []string
	for _, st := range steps {
		status := sendWithFile(t, s, st.fields, st.file)
		if (status == http.StatusOK) != (st.want != "") {
			t.Fatalf("%v: status %d", st.fields, status)
		}
		if st.want != "" {
			want = append([]string{"Manage/Design  | " + st.want + " | "}, want...)
		}
	}
	if diff := cmp.Diff(want, logRows(t, s, map[string]string{"logtype": "manage"})[:len(want)]); diff != "" {
		t.Errorf("manage entries (-want +got):\n%s", diff)
	}
	got := logRows(t, s, map[string]string{"record": "1"})
	for _, w := range []string{"Download all data entry forms as PDF (with data) (API)", "Download data entry form as PDF (with data) (API)"} {
		if !slices.Contains(got, "Manage/Design  | "+w+" | ") {
			t.Errorf("record 1's log %q lacks %q", got, w)
		}
	}
}

// sendWithFile posts the fields with the server's token, as a multipart form with the part "file"
// when file is set, and returns the status.
func sendWithFile(t *testing.T, s *Server, fields map[string]string, file []byte) int {
	t.Helper()
	if file == nil {
		status, _, _ := post(t, s, fields)
		return status
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("token", s.Token())
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	w, err := mw.CreateFormFile("file", "consent.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write(file)
	_ = mw.Close()
	resp, err := http.Post(s.URL(), mw.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}
