package redcaptest

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestPDFExport checks the PDFs of the demo project: each is a valid PDF with the labels of the
// printed forms and, for a record, its values; errors use the error format.
func TestPDFExport(t *testing.T) {
	s := newDemo(t)
	if err := s.Load([]map[string]string{
		{"record_id": "1", "dob": "1980-05-06", "sex": "-9", "race___2": "1", "demographics_complete": "2"},
		{"record_id": "(2) \\ é", "cigs": "12"},
	}); err != nil {
		t.Fatalf("load: %v", err)
	}
	tests := []struct {
		name      string
		params    map[string]string
		pages     int
		want, not []string
	}{
		{"blank", nil, 2, []string{"Demographics", "Date of birth [dob]", "[ ] Female", "[ ] Declined", "Visit", "Cigarettes [cigs]"}, []string{"1980-05-06"}},
		{"blank instrument", map[string]string{"instrument": "visit"}, 1, []string{"Cigarettes [cigs]"}, []string{"Date of birth"}},
		{"record", map[string]string{"record": "1"}, 2, []string{"record 1", "1980-05-06", "Unknown (-9)", "Black (2)", "Form status: Complete"}, []string{"[ ] Female"}},
		{"record instrument", map[string]string{"record": "1", "instrument": "demographics"}, 1, []string{"1980-05-06"}, []string{"Cigarettes"}},
		{"compact", map[string]string{"record": "1", "compactDisplay": "true"}, 2, []string{"1980-05-06"}, []string{"Cigarettes [cigs]"}},
		{"escaped record name", map[string]string{"record": "(2) \\ é"}, 2, []string{"record (2) \\ é", "12"}, nil},
		{"all records", map[string]string{"allRecords": ""}, 4, []string{"record 1", "record (2) \\ é"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"token": {s.Token()}, "content": {"pdf"}, "format": {"json"}}
			for k, v := range tt.params {
				form.Set(k, v)
			}
			resp, err := http.PostForm(s.URL(), form)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body := readAll(t, resp)
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html; charset=UTF-8" || resp.Header.Get("Content-Disposition") != "" {
				t.Fatalf("status %d, headers %v", resp.StatusCode, resp.Header)
			}
			info, err := checkPDF([]byte(body))
			if err != nil {
				t.Fatalf("invalid PDF: %v", err)
			}
			if info.pages != tt.pages {
				t.Errorf("%d pages, want %d", info.pages, tt.pages)
			}
			for _, w := range tt.want {
				if !strings.Contains(info.text, w) {
					t.Errorf("PDF text lacks %q:\n%s", w, info.text)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(info.text, n) {
					t.Errorf("PDF text has %q", n)
				}
			}
		})
	}
}

// TestPDFErrors checks REDCap's errors for content=pdf.
func TestPDFErrors(t *testing.T) {
	s := newDemo(t)
	tests := []struct {
		params map[string]string
		status int
		body   string
	}{
		{map[string]string{"instrument": "nope", "format": "json"}, 400, `{"error":"Invalid instrument"}`},
		{map[string]string{"record": "99", "format": "csv"}, 400, "ERROR: The record '99' does not exist"},
		{map[string]string{"record": "99"}, 400, `<?xml version="1.0" encoding="UTF-8" ?><hash><error>The record '99' does not exist</error></hash>`},
	}
	for _, tt := range tests {
		v := map[string][]string{}
		for k, x := range tt.params {
			v[k] = []string{x}
		}
		a := s.st.exportPDF(params{v: v})
		if a.status != tt.status || a.body != tt.body {
			t.Errorf("%v: %d %s, want %d %s", tt.params, a.status, a.body, tt.status, tt.body)
		}
	}
}

// TestPDFWriterPages checks that long text wraps and flows onto more pages, each listed in the
// cross-reference table.
func TestPDFWriterPages(t *testing.T) {
	doc := &pdfDoc{}
	for i := 0; i < 3*pdfLinesPerPage; i++ {
		doc.add(strings.Repeat("word ", 30)+"(x)", false)
	}
	info, err := checkPDF(doc.bytes())
	if err != nil {
		t.Fatal(err)
	}
	if info.pages < 6 {
		t.Errorf("%d pages for %d wrapped lines", info.pages, 6*pdfLinesPerPage)
	}
	if !strings.Contains(info.text, "(x)") {
		t.Error("escaped parentheses lost")
	}
}

// readAll reads a response body whole.
func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
