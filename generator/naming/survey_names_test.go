package naming

import "testing"

// TestSurveyMemberNames checks that REDCap names meeting the generated survey members move
// aside: a field "timestamp" beside a form's Timestamp, a form "survey_identifier" beside the
// Record's SurveyIdentifier.
func TestSurveyMemberNames(t *testing.T) {
	p := project(
		form("demographics", text("record_id"), text("timestamp")),
		form("survey_identifier", text("sid_note")),
	)
	n, err := Resolve(p, nil)
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	tests := []struct{ kind, id, got, want string }{
		{"field", "timestamp", n.Field("timestamp"), "TimestampField"},
		{"form", "survey_identifier", n.Form("survey_identifier"), "SurveyIdentifierForm"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.kind, tt.id, tt.got, tt.want)
		}
	}
}
