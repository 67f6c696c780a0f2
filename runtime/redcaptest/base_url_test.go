package redcaptest

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestBaseURL checks that survey links and logged page views start with the configured base URL,
// and with the URL the request reached when none is configured.
func TestBaseURL(t *testing.T) {
	tests := []struct {
		name    string
		opts    []Option
		want    func(s *Server) string
		wantLog func(s *Server) string
	}{
		{
			name:    "the request's",
			want:    func(s *Server) string { return strings.TrimSuffix(s.URL(), "api/") },
			wantLog: func(s *Server) string { return s.URL() },
		},
		{
			name:    "configured",
			opts:    []Option{WithBaseURL("https://redcap.example.edu/redcap")},
			want:    func(*Server) string { return "https://redcap.example.edu/redcap/" },
			wantLog: func(*Server) string { return "https://redcap.example.edu/redcap/api/" },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := append([]Option{WithSurveyForms("demographics"), WithSurveyQueue(true)}, tt.opts...)
			s := newDemo(t, opts...)
			if err := s.Load([]map[string]string{{"record_id": "1"}}); err != nil {
				t.Fatal(err)
			}
			base := tt.want(s)
			for content, path := range map[string]string{"surveyLink": "surveys/?s=", "surveyQueueLink": "surveys/?sq="} {
				status, _, body := post(t, s, map[string]string{"content": content, "record": "1", "instrument": "demographics", "format": "json"})
				if status != 200 || !strings.HasPrefix(body, base+path) {
					t.Errorf("%s: %d %q, want it to start with %q", content, status, body, base+path)
				}
			}
			_, _, body := post(t, s, map[string]string{"content": "log", "logtype": "page_view", "format": "json"})
			var entries []struct{ Details string }
			if err := json.Unmarshal([]byte(body), &entries); err != nil || len(entries) == 0 {
				t.Fatalf("log: %v %q", err, body)
			}
			if want := "Page accessed: " + tt.wantLog(s); entries[0].Details != want {
				t.Errorf("page view %q, want %q", entries[0].Details, want)
			}
		})
	}
}
