package redcaptest

import (
	"net/http"
	"testing"
)

// TestSurveyLinkFollowsRename checks that a renamed record keeps its survey link, access code
// and survey queue link, and that the old name no longer exists.
func TestSurveyLinkFollowsRename(t *testing.T) {
	s := NewUnstartedServer(demoProject(t), WithSurveyForms("demographics"), WithSurveyQueue(true))
	if err := s.Load([]map[string]string{{"record_id": "1"}}); err != nil {
		t.Fatal(err)
	}
	ask := func(content, record string) answer {
		return s.dispatch(params{v: map[string][]string{"content": {content}, "record": {record}, "instrument": {"demographics"}, "format": {"json"}}})
	}
	before := map[string]string{}
	for _, content := range []string{"surveyLink", "surveyAccessCode", "surveyQueueLink"} {
		before[content] = ask(content, "1").body
	}
	if a := s.dispatch(params{v: map[string][]string{"content": {"record"}, "action": {"rename"}, "record": {"1"}, "new_record_name": {"A-1"}, "format": {"json"}}}); a.status != http.StatusOK {
		t.Fatalf("rename: %d %s", a.status, a.body)
	}
	for content, want := range before {
		if got := ask(content, "A-1"); got.status != http.StatusOK || got.body != want {
			t.Errorf("%s after the rename: %d %q, want %q", content, got.status, got.body, want)
		}
		if got := ask(content, "1"); got.status != http.StatusBadRequest {
			t.Errorf("%s of the old name: %d %q, want 400", content, got.status, got.body)
		}
	}
}
