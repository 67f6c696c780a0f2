package redcaptest

import "testing"

// TestAppRightsCheck: the mobile app's rights check answers an empty body in the content type
// of the format.
func TestAppRightsCheck(t *testing.T) {
	s := newDemo(t)
	for format, want := range map[string]string{"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8", "xml": "text/xml; charset=utf-8"} {
		status, ct, body := post(t, s, map[string]string{"content": "appRightsCheck", "format": format})
		if status != 200 || ct != want || body != "" {
			t.Errorf("format %s: %d %q %q, want 200 %q and no body", format, status, ct, body, want)
		}
	}
}
