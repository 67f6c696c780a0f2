package redcaptest

import (
	"encoding/json"
	"net/http"
	"testing"
)

// FuzzSurveyParams sends any record, instrument, event and repeat_instance to the survey methods
// and the participant list: the fake answers 200 or 400, never panics, a JSON list is valid
// JSON, and asking again gives the same answer (links and codes are made once).
func FuzzSurveyParams(f *testing.F) {
	for _, content := range []string{"surveyLink", "surveyAccessCode", "surveyReturnCode", "surveyQueueLink", "participantList"} {
		f.Add(content, "1", "demographics", "", "1", "json")
		f.Add(content, "1", "visit", "event_1_arm_1", "abc", "csv")
		f.Add(content, "", "", "", "-3", "xml")
	}
	p := demoProject(f)
	f.Fuzz(func(t *testing.T, content, record, instrument, event, instance, format string) {
		s := NewUnstartedServer(p, WithSurveyForms("demographics"), WithSaveAndReturn("demographics"), WithSurveyQueue(true))
		if err := s.Load([]map[string]string{{"record_id": "1"}, {"record_id": "2"}}); err != nil {
			t.Fatal(err)
		}
		pv := params{v: map[string][]string{"content": {content}, "record": {record}, "instrument": {instrument},
			"event": {event}, "repeat_instance": {instance}, "format": {format}}}
		first := s.dispatch(pv)
		if first.status != http.StatusOK && first.status != http.StatusBadRequest {
			t.Fatalf("status %d: %s", first.status, first.body)
		}
		if content == "participantList" && first.status == http.StatusOK && format == "json" && !json.Valid([]byte(first.body)) {
			t.Errorf("participant list is not JSON: %s", first.body)
		}
		if again := s.dispatch(pv); again.status != first.status || again.body != first.body {
			t.Errorf("asked again: %d %q, first %d %q", again.status, again.body, first.status, first.body)
		}
	})
}
