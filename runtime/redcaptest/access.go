package redcaptest

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
)

// TokenUser is the user the server's token belongs to: a site administrator, the project's
// creator and at first its only user.
const TokenUser = "site_admin"

// access holds the project's users, user roles and DAG Switcher assignments.
type access struct {
	users map[string]*projectUser
	roles []*userRole
	// switchable lists, per user, the DAGs the DAG Switcher lets the user move into (by ID; 0
	// stands for no DAG).
	switchable map[string][]int
}

// projectUser is one user of the project. Rights and forms are the user's own; while the user
// is in a role the role's apply instead, and the own ones come back when the role goes.
type projectUser struct {
	name               string
	email, first, last string
	expiration         string // YYYY-MM-DD or ""
	dagID              int    // 0: no DAG
	role               string // unique role name, "" when none
	rights             map[string]string
	forms, formsExport []formRight
}

// userRole is one user role.
type userRole struct {
	unique, label      string
	rights             map[string]string
	forms, formsExport []formRight
}

// userRightNames are the project-level rights in the order the user export lists them.
var userRightNames = []string{
	"design", "alerts", "user_rights", "data_access_groups", "reports", "stats_and_charts",
	"manage_survey_participants", "calendar", "data_import_tool", "data_comparison_tool", "logging",
	"email_logging", "file_repository", "data_quality_create", "data_quality_execute", "api_export",
	"api_import", "api_modules", "mobile_app", "mobile_app_download_data", "record_create",
	"record_rename", "record_delete", "lock_records_all_forms", "lock_records", "lock_records_customization",
}

// newAccess seeds the users and roles of a new project: its creator, the token's user, with
// REDCap's creator rights, and the roles the project was made with.
func newAccess(p *dictionary.Project) *access {
	a := &access{users: map[string]*projectUser{}, switchable: map[string][]int{}}
	admin := &projectUser{name: TokenUser, email: "joe.user@projectredcap.org", first: "Joe", last: "User", rights: map[string]string{}}
	for _, r := range userRightNames {
		admin.rights[r] = "1"
	}
	for _, r := range []string{"email_logging", "mobile_app_download_data", "record_rename", "record_delete", "lock_records_all_forms", "lock_records", "lock_records_customization"} {
		admin.rights[r] = "0"
	}
	forms := make([]string, len(p.Forms))
	for i, f := range p.Forms {
		forms[i] = f.Name
	}
	sort.Strings(forms)
	for _, f := range forms {
		admin.forms = append(admin.forms, formRight{form: f, right: "1"})
		admin.formsExport = append(admin.formsExport, formRight{form: f, right: "1"})
	}
	a.users[TokenUser] = admin
	for _, r := range p.Roles {
		role := &userRole{unique: r.UniqueName, label: r.Label, rights: map[string]string{}}
		for k, v := range r.Rights {
			role.rights[k] = v
		}
		for _, f := range r.Forms {
			role.forms = append(role.forms, formRight{form: f.Form, right: f.Right})
		}
		for _, f := range r.FormsExport {
			role.formsExport = append(role.formsExport, formRight{form: f.Form, right: f.Right})
		}
		a.roles = append(a.roles, role)
	}
	return a
}

// role returns the role by unique name.
func (a *access) role(unique string) *userRole {
	for _, r := range a.roles {
		if r.unique == unique {
			return r
		}
	}
	return nil
}

// sortedUsers lists the users by username.
func (a *access) sortedUsers() []*projectUser {
	names := make([]string, 0, len(a.users))
	for n := range a.users {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]*projectUser, len(names))
	for i, n := range names {
		out[i] = a.users[n]
	}
	return out
}

// effective returns the rights and form rights that apply to the user: the role's while the user
// is in one, else the user's own.
func (a *access) effective(u *projectUser) (map[string]string, []formRight, []formRight) {
	if r := a.role(u.role); r != nil {
		return r.rights, r.forms, r.formsExport
	}
	return u.rights, u.forms, u.formsExport
}

// tokenRights are the rights the server applies to the token: those set with WithRights or
// SetRights, narrowed by the rights the token's user has in the project, which the API can
// change (API export and import, design, expiration, export rights per form). The token's user
// is a site administrator: REDCap lets it see every record and delete records whatever its DAG
// and its delete right. The result is kept until the rights change.
func (st *state) tokenRights() Rights {
	if st.applied != nil {
		return *st.applied
	}
	r := st.rights
	if u := st.access.users[TokenUser]; u != nil {
		rights, _, export := st.access.effective(u)
		r.NoAPIExport = r.NoAPIExport || valueOrZero(rights["api_export"]) == "0"
		r.NoAPIImport = r.NoAPIImport || valueOrZero(rights["api_import"]) == "0"
		r.NoDesign = r.NoDesign || valueOrZero(rights["design"]) == "0"
		r.NoFileRepository = r.NoFileRepository || valueOrZero(rights["file_repository"]) == "0"
		r.NoSurveyParticipants = r.NoSurveyParticipants || valueOrZero(rights["manage_survey_participants"]) == "0"
		if r.ExpiredOn == "" && u.expiration != "" && u.expiration < st.today() {
			r.ExpiredOn = u.expiration
		}
		var fe map[string]ExportRight
		for _, f := range export {
			right, ok := exportRightOf(f.right)
			if _, set := st.rights.FormExport[f.form]; set || !ok || right == ExportFull {
				continue
			}
			if fe == nil {
				fe = maps.Clone(r.FormExport)
				if fe == nil {
					fe = map[string]ExportRight{}
				}
			}
			fe[f.form] = right
		}
		if fe != nil {
			r.FormExport = fe
		}
	}
	st.applied = &r
	return r
}

// rightsChanged drops the kept token rights after a change of rights, roles or users.
func (st *state) rightsChanged() { st.applied = nil }

// exportRightOf reads a data export right: 0 none, 1 full, 2 de-identified, 3 no identifiers.
func exportRightOf(s string) (ExportRight, bool) {
	switch s {
	case "0":
		return ExportNone, true
	case "1":
		return ExportFull, true
	case "2":
		return ExportDeIdentified, true
	case "3":
		return ExportRemoveIdentifiers, true
	}
	return 0, false
}

// today is the server's date as YYYY-MM-DD.
func (st *state) today() string {
	now := time.Now()
	if st.clock != nil {
		now = st.clock()
	}
	return now.Format("2006-01-02")
}

// dagByID returns the DAG with the ID.
func (st *state) dagByID(id int) (dictionary.DAG, bool) {
	i := slices.IndexFunc(st.proj.DAGs, func(d dictionary.DAG) bool { return d.ID == id })
	if i < 0 {
		return dictionary.DAG{}, false
	}
	return st.proj.DAGs[i], true
}

// dagByName returns the DAG with the unique group name.
func (st *state) dagByName(unique string) (dictionary.DAG, bool) {
	i := slices.IndexFunc(st.proj.DAGs, func(d dictionary.DAG) bool { return d.UniqueName == unique })
	if i < 0 {
		return dictionary.DAG{}, false
	}
	return st.proj.DAGs[i], true
}

// dagNameOf is the unique name of the user's DAG ("" when none).
func (st *state) dagNameOf(u *projectUser) string {
	d, _ := st.dagByID(u.dagID)
	return d.UniqueName
}

// nextRecordName answers generateNextRecordName: one more than the largest numeric record name;
// while the token's user is in a DAG, "<DAG id>-<n>" with n one more than the largest such name.
func (st *state) nextRecordName() string {
	prefix := ""
	if u := st.access.users[TokenUser]; u != nil && u.dagID != 0 {
		prefix = strconv.Itoa(u.dagID) + "-"
	}
	high := 0
	for id := range st.records {
		rest, ok := strings.CutPrefix(id, prefix)
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(rest); err == nil && n > high {
			high = n
		}
	}
	return prefix + itoa(high+1)
}
