package redcap

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

// refusedValuesAnswer is REDCap's answer refusing two values of record "c".
const refusedValuesAnswer = `{"error":"\"c\",\"name\",\"Jane \"\"JJ\"\" Doe\",\"The value is not a valid category for name\"\n\"c\",\"race____1\",\"2\",\"race____1 is a checkbox field\""}`

// TestRedactedValues checks WithRedactedValues on every error of the client that can carry a
// value: REDCap's refused values and the import pre-flight; and that the default shows them.
func TestRedactedValues(t *testing.T) {
	tests := []struct {
		name      string
		redact    bool
		preflight bool
		leaks     []string // must not appear with redaction, must appear without
		names     []string // must appear either way
	}{
		{"REDCap refusal", true, false, []string{"Jane", "JJ", `"2"`}, []string{`record "c" field name (Name)`, "race____1", "not a valid category"}},
		{"REDCap refusal, default", false, false, []string{"Jane", "JJ", `"2"`}, []string{`record "c" field name (Name)`}},
		{"pre-flight", true, true, []string{"Jane", "JJ"}, []string{`record "c" field "name" (Name)`, "[validation:alpha_only]"}},
		{"pre-flight, default", false, true, []string{"Jane", "JJ"}, []string{`record "c" field "name" (Name)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeREDCap(t)
			f.beforeImport = func(int, []map[string]any) (int, string, bool) {
				return http.StatusBadRequest, refusedValuesAnswer, true
			}
			var logs bytes.Buffer
			opts := []Option{WithLogger(slog.New(slog.NewTextHandler(&logs, nil)))}
			if tt.redact {
				opts = append(opts, WithRedactedValues())
			}
			c := f.start(opts...)
			recs := records("c")
			recs[0].Name = `Jane "JJ" Doe`
			_, err := Import(context.Background(), c, recs, ImportOptions{SkipPreflight: !tt.preflight})
			if err == nil {
				t.Fatal("want an error")
			}
			text := err.Error()
			var ae *APIError
			if errors.As(err, &ae) {
				text += "\n" + ae.Message + "\n" + ae.Body
				for _, v := range ae.Values {
					text += "\n" + v.Value
				}
			}
			var ve *ValidationError
			if errors.As(err, &ve) {
				for _, v := range ve.Violations {
					text += "\n" + v.String()
				}
			}
			for _, s := range tt.leaks {
				if got := strings.Contains(text, s); got == tt.redact {
					t.Errorf("%q in the error: %v, want %v:\n%s", s, got, !tt.redact, text)
				}
				if strings.Contains(logs.String(), s) {
					t.Errorf("%q in the log:\n%s", s, logs.String())
				}
			}
			for _, s := range tt.names {
				if !strings.Contains(text, s) {
					t.Errorf("error lacks %q:\n%s", s, text)
				}
			}
			if tt.redact && ae != nil && (len(ae.Values) != 2 || ae.Values[0].Value != redacted || ae.Values[1].Record != "c") {
				t.Errorf("values: %+v", ae.Values)
			}
		})
	}
}

// TestConfirmIDsNamesOnlyWhatIsWrong checks that the confirmation error prints no empty list.
func TestConfirmIDsNamesOnlyWhatIsWrong(t *testing.T) {
	tests := []struct {
		sent, saved []string
		want        string
	}{
		{[]string{"a", "b"}, []string{"a"}, `did not confirm the IDs sent: not confirmed "b"`},
		{[]string{"a"}, []string{"a", "99"}, `did not confirm the IDs sent: not sent but reported saved "99"`},
		{[]string{"a"}, []string{"b"}, `not confirmed "a"; not sent but reported saved "b"`},
	}
	for _, tt := range tests {
		err := confirmIDs(tt.sent, tt.saved)
		if err == nil || !strings.HasSuffix(err.Error(), tt.want) {
			t.Errorf("confirmIDs(%q, %q) = %v, want it to end with %q", tt.sent, tt.saved, err, tt.want)
		}
	}
	if err := confirmIDs([]string{"a"}, []string{"a"}); err != nil {
		t.Errorf("confirmed IDs: %v", err)
	}
}
