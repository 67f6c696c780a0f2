package redcaptest

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestTokenRights checks how the token user's project rights (its own or its role's) narrow the
// rights the server applies.
func TestTokenRights(t *testing.T) {
	for _, tc := range []struct {
		name  string
		calls []map[string]string // content, data: imports made first
		set   Rights              // SetRights
		want  Rights
	}{
		{name: "creator", want: Rights{}},
		{name: "own rights", calls: []map[string]string{
			{"content": "user", "data": `[{"username":"site_admin","api_export":"0","design":"0","file_repository":"0","manage_survey_participants":"0","forms_export":{"demographics":"2"},"expiration":"2020-01-02"}]`},
		}, want: Rights{NoAPIExport: true, NoDesign: true, NoFileRepository: true, NoSurveyParticipants: true, ExpiredOn: "2020-01-02", FormExport: map[string]ExportRight{"demographics": ExportDeIdentified}}},
		{name: "role without the rights", calls: []map[string]string{
			{"content": "userRole", "data": `[{"unique_role_name":"","role_label":"Readers","reports":"1"}]`},
			{"content": "userRoleMapping", "data": `[{"username":"site_admin","unique_role_name":"@ROLE"}]`},
		}, want: Rights{NoAPIExport: true, NoAPIImport: true, NoDesign: true, NoFileRepository: true, NoSurveyParticipants: true, FormExport: map[string]ExportRight{"demographics": ExportNone, "visit": ExportNone}}},
		{name: "set rights stay", calls: []map[string]string{
			{"content": "user", "data": `[{"username":"site_admin","forms_export":{"demographics":"3"}}]`},
		}, set: Rights{NoDelete: true, FormExport: map[string]ExportRight{"demographics": ExportFull}},
			want: Rights{NoDelete: true, FormExport: map[string]ExportRight{"demographics": ExportFull}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewUnstartedServer(demoProject(t), WithClock(func() time.Time { return time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC) }))
			s.SetRights(tc.set)
			for _, c := range tc.calls {
				data := c["data"]
				if len(s.st.access.roles) > 0 {
					data = strings.ReplaceAll(data, "@ROLE", s.st.access.roles[0].unique)
				}
				a := s.dispatch(params{v: map[string][]string{"content": {c["content"]}, "format": {"json"}, "data": {data}}})
				if a.status != 200 {
					t.Fatalf("%s: %d %s", c["content"], a.status, a.body)
				}
			}
			if d := cmp.Diff(tc.want, s.st.tokenRights()); d != "" {
				t.Errorf("rights (-want +got):\n%s", d)
			}
		})
	}
}

// TestDAGUniqueName checks the unique names REDCap derives from DAG labels.
func TestDAGUniqueName(t *testing.T) {
	taken := map[string]bool{"test_dag": true}
	for _, tc := range []struct{ label, want string }{
		{"Test DAG", "test_dagb"},
		{"Test DAG B", "test_dag_b"},
		{"Adm Site North (renamed)", "adm_site_north_ren"},
		{"Adm very long label very long label", "adm_very_long_labe"},
		{"  Ünïcode & co  ", "n_code_co"},
	} {
		if got := dagUniqueName(tc.label, func(s string) bool { return taken[s] }); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.label, got, tc.want)
		}
	}
}

// TestExpirationOf checks the date forms a user import takes for expiration.
func TestExpirationOf(t *testing.T) {
	for in, want := range map[string]string{"2031-12-31": "2031-12-31", "12/31/2031": "2031-12-31", "1/2/2031": "2031-01-02", "": "", " soon ": "soon"} {
		if got := expirationOf(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
