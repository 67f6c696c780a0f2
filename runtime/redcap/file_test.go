package redcap_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	files "github.com/redcapgen/redcapgen/golden/file_fields/want"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// TestFileValue: a file field's value is blank (no file), a stored name, or a missing-data code,
// and keeps its text.
func TestFileValue(t *testing.T) {
	codes := redcap.NewMissingCodes("UNK", "NASK")
	for _, tc := range []struct {
		raw     string
		present bool
		missing bool
	}{
		{"", false, false},
		{"Zoe's consent final (v2) - 日本語.pdf", true, false},
		{"UNK", false, true},
		{" ", true, false},
	} {
		v := redcap.Decode(tc.raw, codes, redcap.ParseFile)
		f, ok := v.Get()
		_, missing := v.MissingCode()
		if ok != tc.present || missing != tc.missing || v.Raw() != tc.raw || v.IsBlank() != (tc.raw == "") || (ok && f.Name() != tc.raw) {
			t.Errorf("Decode(%q): file %q present %v, missing %v, raw %q", tc.raw, f, ok, missing, v.Raw())
		}
	}
}

// TestFileFieldsRoundTrip decodes an export with file fields through the generated types and
// writes the same rows back.
func TestFileFieldsRoundTrip(t *testing.T) {
	export := `[{"record_id":"1","redcap_event_name":"baseline_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":"","consent_pdf":"Zoe's consent final (v2) - \u65e5\u672c\u8a9e.pdf","consent_signature":"","consent_complete":"0","photo":"","photo_taken":"0","visit_complete":"0"},` +
		`{"record_id":"1","redcap_event_name":"follow_up_arm_1","redcap_repeat_instrument":"visit","redcap_repeat_instance":2,"consent_pdf":"","consent_signature":"","consent_complete":"","photo":"wound.png","photo_taken":"1","visit_complete":"2"}]`
	var recs []*files.Record
	err := redcap.ReadRecords[files.Record](strings.NewReader(export), func(r *files.Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil || len(recs) != 1 {
		t.Fatalf("decode: %d records, %v", len(recs), err)
	}
	r := recs[0]
	if f, ok := r.BaselineArm1.Consent.ConsentPdf.Get(); !ok || f.Name() != "Zoe's consent final (v2) - 日本語.pdf" {
		t.Errorf("consent_pdf: %q", r.BaselineArm1.Consent.ConsentPdf.Raw())
	}
	if !r.BaselineArm1.Consent.ConsentSignature.IsBlank() {
		t.Errorf("consent_signature is not blank: %q", r.BaselineArm1.Consent.ConsentSignature.Raw())
	}
	if v := r.FollowUpArm1.Visit; len(v) != 1 || v[0].Number != 2 || v[0].Data.Photo.Raw() != "wound.png" {
		t.Errorf("follow-up visits: %+v", v)
	}
	rows, err := r.EncodeRows(nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := redcap.WriteRows(&out, rows); err != nil {
		t.Fatal(err)
	}
	var want, got []map[string]any
	if err := json.Unmarshal([]byte(export), &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows written back differ from the export (-want +got):\n%s", diff)
	}
}
