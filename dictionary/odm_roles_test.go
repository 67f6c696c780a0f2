package dictionary

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProjectXMLRoles reads the user role of a project XML: its unique name and label, rights
// under the API's names (XML attributes such as graphical and participants renamed, missing ones
// 0), the data_entry list per form and data_export_tool for every form.
func TestProjectXMLRoles(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(sharedDir(t), "conformance", "projects", "classic_admin.xml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ReadProjectXML("classic_admin.xml", raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Roles) != 1 {
		t.Fatalf("roles: %+v, want one", p.Roles)
	}
	r := p.Roles[0]
	if r.UniqueName != "U-573AEYRNR8" || r.Label != "Example Role" {
		t.Errorf("role %q %q", r.UniqueName, r.Label)
	}
	ones := map[string]bool{"reports": true, "stats_and_charts": true, "manage_survey_participants": true, "calendar": true, "file_repository": true, "record_create": true}
	for _, name := range RoleRightNames() {
		want := "0"
		if ones[name] {
			want = "1"
		}
		if r.Rights[name] != want {
			t.Errorf("right %s = %q, want %q", name, r.Rights[name], want)
		}
	}
	if d := cmp.Diff([]FormRight{{"demographics", "1"}}, r.Forms); d != "" {
		t.Errorf("forms (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]FormRight{{"demographics", "2"}}, r.FormsExport); d != "" {
		t.Errorf("forms_export (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]DAG{{Name: "Test DAG"}}, p.DAGs); d != "" {
		t.Errorf("DAGs (-want +got):\n%s", d)
	}
}

// TestBracketRights reads REDCap's "[form,right]" lists.
func TestBracketRights(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want map[string]string
	}{
		{"", map[string]string{}},
		{"[demographics,1]", map[string]string{"demographics": "1"}},
		{"[a,1][b, 128]", map[string]string{"a": "1", "b": "128"}},
		{"[broken][c,3", map[string]string{"c": "3"}},
	} {
		if d := cmp.Diff(tc.want, bracketRights(tc.in)); d != "" {
			t.Errorf("%q (-want +got):\n%s", tc.in, d)
		}
	}
}
