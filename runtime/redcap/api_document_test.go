package redcap_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// TestExportProjectXML exports the project XML of the fake: the design alone, then with the
// records asked for.
func TestExportProjectXML(t *testing.T) {
	srv, c := startFake(t, redcaptest.FailNext(1, http.StatusServiceUnavailable))
	if err := srv.Load([]map[string]string{{"record_id": "1", "name": "Ann"}, {"record_id": "2", "name": "Bob"}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		opts      redcap.ProjectXMLOptions
		want, not []string
	}{
		{"metadata only", redcap.ProjectXMLOptions{MetadataOnly: true}, []string{`<ItemDef OID="age"`, `</ODM>`}, []string{"<ClinicalData"}},
		{"one record", redcap.ProjectXMLOptions{Records: []string{"2"}, Fields: []string{"record_id", "name"}}, []string{`<ItemData ItemOID="name" Value="Bob"/>`}, []string{`Value="Ann"`}},
		{"filter", redcap.ProjectXMLOptions{FilterLogic: "[name] = 'Ann'"}, []string{`Value="Ann"`}, []string{`Value="Bob"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			n, err := c.ExportProjectXML(context.Background(), &buf, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if n != int64(buf.Len()) || !strings.HasPrefix(buf.String(), "<?xml") {
				t.Fatalf("%d bytes reported, %d written: %.80q", n, buf.Len(), buf.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("lacks %s", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(buf.String(), w) {
					t.Errorf("has %s", w)
				}
			}
		})
	}
}

// TestExportPDF exports PDFs from the fake and checks REDCap's errors come back typed.
func TestExportPDF(t *testing.T) {
	srv, c := startFake(t)
	if err := srv.Load([]map[string]string{{"record_id": "1", "name": "Ann"}}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := c.ExportPDF(context.Background(), &buf, redcap.PDFOptions{Record: "1", Instrument: "baseline", Compact: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-1.3")) || !bytes.Contains(buf.Bytes(), []byte("(    Ann) Tj")) {
		t.Errorf("not the record's PDF: %.200q", buf.String())
	}
	buf.Reset()
	_, err := c.ExportPDF(context.Background(), &buf, redcap.PDFOptions{Record: "99"})
	var apiErr *redcap.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != 400 || !strings.Contains(apiErr.Message, "The record '99' does not exist") || buf.Len() != 0 {
		t.Errorf("unknown record: %v (%d bytes written)", err, buf.Len())
	}
}

// TestExportPDFNotADocument checks that a 200 answer that is not a PDF (REDCap's web page) is an
// error and nothing is written.
func TestExportPDFNotADocument(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		_, _ = w.Write([]byte("<!DOCTYPE HTML>\n<html>"))
	}))
	defer srv.Close()
	token := "0123456789ABCDEF0123456789ABCDEF"
	c, err := redcap.NewClient(srv.URL+"/api/", redcap.TokenFromGetenv("T", func(string) string { return token }))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := c.ExportPDF(context.Background(), &buf, redcap.PDFOptions{Record: "1", Instrument: "x"}); err == nil || buf.Len() != 0 {
		t.Errorf("HTML answer: err %v, %d bytes written", err, buf.Len())
	}
}

// TestExportProjectXMLCutAfterWriting checks that an answer that breaks off once bytes are in
// the writer is an error, not a retry that would write the document twice.
func TestExportProjectXMLCutAfterWriting(t *testing.T) {
	_, c := startFake(t, redcaptest.WithTruncatedBodies())
	var buf bytes.Buffer
	n, err := c.ExportProjectXML(context.Background(), &buf, redcap.ProjectXMLOptions{MetadataOnly: true})
	if err == nil || !strings.Contains(err.Error(), "not retried") {
		t.Fatalf("cut answer: %v", err)
	}
	if n == 0 || n != int64(buf.Len()) || strings.Count(buf.String(), "<?xml") != 1 {
		t.Errorf("%d bytes reported, %d written, %d documents", n, buf.Len(), strings.Count(buf.String(), "<?xml"))
	}
}
