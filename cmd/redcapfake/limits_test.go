package main

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// fileDict is a project with one File Upload field.
const fileDict = `field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation
record_id,main,,text,Record ID,,,,,,,,,,,,,
consent,main,,file,Consent,,,,,,,,,,,,,
`

// TestRunUploadLimits serves a file field under -upload-limit-mb and -file-field-limit-mb and
// uploads files just under and over each limit: REDCap's own messages for each refusal.
func TestRunUploadLimits(t *testing.T) {
	const mb = 1 << 20
	tests := []struct {
		name   string
		flags  []string
		size   int
		status int
		want   string
	}{
		{"default limit, under", nil, 2*mb - 1024, http.StatusOK, ""},
		{"default limit, over", nil, 2*mb + 1, http.StatusBadRequest, "There was a problem with the uploaded file"},
		{"raised limit", []string{"-upload-limit-mb", "3"}, 2*mb + 1, http.StatusOK, ""},
		{"lowered limit", []string{"-upload-limit-mb", "1"}, mb + 1, http.StatusBadRequest, "There was a problem with the uploaded file"},
		{"field limit, under", []string{"-upload-limit-mb", "4", "-file-field-limit-mb", "1"}, mb - 1024, http.StatusOK, ""},
		{"field limit, over", []string{"-upload-limit-mb", "4", "-file-field-limit-mb", "1"}, 3 * mb, http.StatusBadRequest, "exceeded the maximum file size limit of 1 MB for File Upload fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := strings.Repeat("C", 32)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stdout, stderr := &syncBuffer{}, &syncBuffer{}
			done := make(chan int, 1)
			args := append([]string{"-dict", writeFile(t, "study.csv", fileDict), "-addr", "127.0.0.1:0"}, tt.flags...)
			go func() { done <- run(ctx, args, stdout, stderr, env(map[string]string{"REDCAP_API_TOKEN": tok})) }()
			apiURL := waitForURL(t, stdout, done)
			resp, err := http.PostForm(apiURL, url.Values{"token": {tok}, "content": {"record"}, "format": {"csv"}, "data": {"record_id\n1\n"}})
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			status, body := uploadFile(t, apiURL, tok, tt.size)
			if status != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("upload of %d bytes: %d %q, want %d with %q", tt.size, status, body, tt.status, tt.want)
			}
			cancel()
			<-done
		})
	}
}

// TestRunRefusesBadLimits checks that limits below REDCap's range are usage errors.
func TestRunRefusesBadLimits(t *testing.T) {
	for _, flags := range [][]string{{"-upload-limit-mb", "0"}, {"-file-field-limit-mb", "-1"}} {
		var stderr bytes.Buffer
		args := append([]string{"-dict", "x.csv"}, flags...)
		if code := run(context.Background(), args, io.Discard, &stderr, env(nil)); code != 2 || !strings.Contains(stderr.String(), "want at least 1 MB") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and the limits explained", flags, code, stderr.String())
		}
	}
}

// uploadFile posts a file of size bytes to record 1's consent field and returns the answer.
func uploadFile(t *testing.T, apiURL, tok string, size int) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range map[string]string{"token": tok, "content": "file", "action": "import", "record": "1", "field": "consent"} {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	part, err := w.CreateFormFile("file", "consent.txt")
	if err != nil {
		t.Fatal(err)
	}
	part.Write(bytes.Repeat([]byte("a"), size))
	w.Close()
	resp, err := http.Post(apiURL, w.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}
