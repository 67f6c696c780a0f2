package redcap

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAPIErrorFromEveryFailureVector parses every failed exchange REDCap sent: each must give
// a message, the status's sentinel, and nothing else.
func TestAPIErrorFromEveryFailureVector(t *testing.T) {
	sentinel := map[int]error{400: ErrBadRequest, 403: ErrPermission, 501: ErrNotImplemented}
	n := 0
	for _, file := range []string{"errors.jsonl", "records.jsonl", "exports.jsonl", "metadata.jsonl", "missingcodes.jsonl"} {
		for _, v := range loadVectors(t, file) {
			if v.Status < 400 {
				continue
			}
			n++
			e := newAPIError(v.Status, v.param("content"), v.param("action"), []byte(v.Body), Token{})
			if e.Message == "" {
				t.Errorf("%s/%s: no message from %q", file, v.Name, firstTextLine([]byte(v.Body)))
			}
			csvEnvelope := strings.HasPrefix(v.ContentType, "text/csv") && strings.HasPrefix(e.Message, "ERROR: ")
			if strings.HasPrefix(e.Message, "<") || strings.HasPrefix(e.Message, `{"error"`) || csvEnvelope {
				t.Errorf("%s/%s: envelope not unwrapped: %q", file, v.Name, e.Message)
			}
			if s, ok := sentinel[v.Status]; ok && !errors.Is(e, s) {
				t.Errorf("%s/%s: HTTP %d does not match %v", file, v.Name, v.Status, s)
			}
			if len(e.Body) > maxBodyLine+len("…") {
				t.Errorf("%s/%s: body not truncated (%d bytes)", file, v.Name, len(e.Body))
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d failure vectors", n)
	}
}

func TestAPIErrorEnvelopes(t *testing.T) {
	dateMsg := "Invalid date format. (NOTE: Dates must be imported here only in Y-M-D format, regardless of the specific date format designated for this field.)"
	tests := []struct {
		file, name string
		message    string // prefix
		values     []ValueError
	}{
		{"errors.jsonl", "content_unknown_returnFormat_json", `The value of the parameter "content" is not valid`, nil},
		{"errors.jsonl", "content_unknown_returnFormat_csv", `The value of the parameter "content" is not valid`, nil},
		{"errors.jsonl", "content_unknown_returnFormat_xml", `The value of the parameter "content" is not valid`, nil},
		{"errors.jsonl", "http_get_with_query", "The requested method is not implemented.", nil},
		{"errors.jsonl", "token_unknown_32_hex", "You do not have permissions to use the API", nil},
		{"records.jsonl", "classic_import_csv_returnFormat_csv_bad_value", `"22","dob"`, []ValueError{{Record: "22", Field: "dob", Value: "1980-13-45", Message: dateMsg}}},
		{"records.jsonl", "classic_import_json_returnFormat_xml_bad_value", `"22","dob"`, []ValueError{{Record: "22", Field: "dob", Value: "1980-13-45", Message: dateMsg}}},
		{"records.jsonl", "import_several_errors_in_one_record", `"m5"`, []ValueError{
			{Record: "m5", Field: "v_integer", Value: "abc", Message: "The value you provided could not be validated because it does not follow the expected format. Please try again."},
			{Record: "m5", Field: "v_date_ymd", Value: "2024-02-30", Message: dateMsg},
			{Record: "m5", Field: "f_radio", Value: "7", Message: "The value is not a valid category for f_radio"},
			{Record: "m5", Field: "v_email", Value: "x", Message: "Email address is not properly formatted."},
		}},
		{"records.jsonl", "longitudinal_import_form_not_designated_for_event", `"3"`, []ValueError{{Record: "3", Field: "visit_date", Value: "2024-01-01",
			Message: "This field ('visit_date') exists on an instrument that is not designated for the event named 'Baseline (Arm 1: Drug A)'. You are not allowed to import data for this field into this event."}}},
		{"records.jsonl", "import_unknown_field", "The following fields were not found in the project as real data fields: nope", nil},
		{"records.jsonl", "classic_delete_unknown_record", "One or more of the records provided cannot be deleted", nil},
		{"exports.jsonl", "classic_filterLogic_invalid_syntax", "An unknown error occurred. Please check your API parameters.", nil},
		{"exports.jsonl", "classic_csvDelimiter_tab", "An unknown error occurred. Please check your API parameters.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := vectorByName(t, tt.file, tt.name)
			e := newAPIError(v.Status, v.param("content"), v.param("action"), []byte(v.Body), Token{})
			if !strings.HasPrefix(e.Message, tt.message) {
				t.Fatalf("message %q, want prefix %q", e.Message, tt.message)
			}
			if diff := cmp.Diff(tt.values, e.Values); diff != "" {
				t.Fatalf("values (-want +got):\n%s", diff)
			}
		})
	}
	crash := vectorByName(t, "exports.jsonl", "classic_filterLogic_invalid_syntax")
	e := newAPIError(crash.Status, "record", "export", []byte(crash.Body), Token{})
	if e.Body != "REDCap crashed due to an unexpected PHP fatal error!" || !errors.Is(e, ErrBadRequest) {
		t.Fatalf("crash page: body %q", e.Body)
	}
}

func TestAPIErrorUnparseableBody(t *testing.T) {
	tests := []struct {
		status     int
		body, want string
		is         error
	}{
		{502, "<html>\n<head><title>502 Bad Gateway</title></head>\n", "redcap: content=record action=export: HTTP 502 Bad Gateway: 502 Bad Gateway", ErrServer},
		{404, "Not Found\n", "HTTP 404 Not Found: Not Found", ErrNotFound},
		{500, strings.Repeat("x", 1000), "…", ErrServer},
		{501, `<?xml version="1.0" encoding="UTF-8" ?><hash><error>The requested method is not implemented.</error></hash>`, "The requested method is not implemented.", ErrNotImplemented},
	}
	for _, tt := range tests {
		e := newAPIError(tt.status, "record", "export", []byte(tt.body), Token{})
		if !strings.Contains(e.Error(), tt.want) || !errors.Is(e, tt.is) {
			t.Errorf("HTTP %d: %q does not contain %q or match %v", tt.status, e.Error(), tt.want, tt.is)
		}
	}
	if errors.Is(newAPIError(501, "", "", nil, Token{}), ErrServer) {
		t.Error("501 should not count as a retryable server error")
	}
}

func TestAPIErrorScrubsToken(t *testing.T) {
	tok, _ := parseToken(testTokenText)
	body := `{"error":"token ` + strings.ToLower(testTokenText) + ` is not valid"}`
	e := newAPIError(http.StatusForbidden, "record", "export", []byte(body), tok)
	assertNoToken(t, e.Error())
	assertNoToken(t, e.Body)
	if !strings.Contains(e.Message, "token ****…CDEF is not valid") {
		t.Fatalf("message %q", e.Message)
	}
}

// TestAPIErrorCrashCause: a crash report's exception is kept beside REDCap's generic message.
func TestAPIErrorCrashCause(t *testing.T) {
	tests := []struct {
		vector, crash string
	}{
		{"classic_filterLogic_invalid_syntax", "Uncaught LogicException: Parser did not consume all tokens! tokenIdx: 4, tokens: Array"},
		{"classic_csvDelimiter_tab", "Uncaught ValueError: fputcsv(): Argument #3 ($separator) must be a single character in redcap_v15.7.6/Classes/Records.php:4347"},
	}
	for _, tt := range tests {
		v := vectorByName(t, "exports.jsonl", tt.vector)
		e := newAPIError(v.Status, "record", "export", []byte(v.Body), Token{})
		if e.Crash != tt.crash {
			t.Errorf("%s: Crash %q, want %q", tt.vector, e.Crash, tt.crash)
		}
		if e.Message != "An unknown error occurred. Please check your API parameters." {
			t.Errorf("%s: Message %q", tt.vector, e.Message)
		}
		if want := "(REDCap crashed: " + tt.crash + ")"; !strings.HasSuffix(e.Error(), want) {
			t.Errorf("%s: Error() = %q, want it to end with %q", tt.vector, e.Error(), want)
		}
	}
	if e := newAPIError(400, "record", "export", []byte(`{"error":"x"}`), Token{}); e.Crash != "" {
		t.Errorf("envelope without crash report: Crash %q", e.Crash)
	}
}
