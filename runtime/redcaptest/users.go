package redcaptest

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

// userMethod answers content=user: export, import (also action=export with data), delete.
func (st *state) userMethod(p params, action string) answer {
	switch {
	case action == "delete":
		return st.deleteUsers(p)
	case action == "import" || p.has("data"):
		return st.importUsers(p)
	}
	return st.exportUsers(p)
}

// exportUsers lists the project's users by username with the rights that apply to them.
func (st *state) exportUsers(p params) answer {
	format := p.dataFormat()
	t := accessTable{cols: append(append([]string{"username", "email", "firstname", "lastname", "expiration", "data_access_group", "data_access_group_id"}, userRightNames...), "forms", "forms_export")}
	for _, u := range st.access.sortedUsers() {
		rights, forms, export := st.access.effective(u)
		dagID := accessCell{s: ""}
		if d, ok := st.dagByID(u.dagID); ok {
			dagID = accessCell{s: itoa(d.ID), num: true}
		}
		row := []accessCell{{s: u.name}, {s: u.email}, {s: u.first}, {s: u.last}, {s: u.expiration}, {s: st.dagNameOf(u)}, dagID}
		for _, r := range userRightNames {
			row = append(row, accessCell{s: jsonNumber(rights[r]), num: true})
		}
		row = append(row, accessCell{forms: forms, isMap: true}, accessCell{forms: export, isMap: true})
		t.rows = append(t.rows, row)
	}
	return okAnswer(format, t.render(format, "users"))
}

// validUsername is what REDCap allows in a username.
var validUsername = regexp.MustCompile(`^[A-Za-z0-9_\-.' @]+$`)

// userRightMax is the highest value of a user right: 1, or 2 for the rights with three levels.
func userRightMax(right string) string {
	switch right {
	case "user_rights", "lock_records":
		return "2"
	}
	return "1"
}

// importUsers adds or updates users. Every problem of every row is listed and nothing is saved
// when there is one. An update keeps the rights and forms not sent, but expiration and
// data_access_group are always rewritten (not sent means blank).
func (st *state) importUsers(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	rows, aerr := parseAccessRows(p.get("format"), p.get("data"))
	if aerr != nil {
		return accessParseAnswer(format, ef, aerr)
	}
	var problems []string
	type change struct {
		u   *projectUser
		row accessRow
		dag int
		exp string
	}
	var changes []change
	for i, r := range rows {
		name := strings.TrimSpace(r.values["username"])
		if name == "" {
			problems = append(problems, fmt.Sprintf("The username is missing for user #%d in the list of users provided.", i+1))
			continue
		}
		if !validUsername.MatchString(name) {
			problems = append(problems, fmt.Sprintf("username %s is not in a valid username format. User names can only contain letters, numbers, underscores, hyphens, periods, spaces, apostrophes, and @ symbols.", phpQuote(name)))
			continue
		}
		u := st.access.users[name]
		if u != nil && u.role != "" {
			problems = append(problems, fmt.Sprintf(`The user "%s" cannot have their user privileges modified because the user belongs to a user role. Users in roles cannot have their privileges modified via the 'Import User' API method.`, name))
			continue
		}
		c := change{u: u, row: r}
		if g := strings.TrimSpace(r.values["data_access_group"]); g != "" {
			d, ok := st.dagByName(g)
			if !ok {
				problems = append(problems, fmt.Sprintf("data_access_group %s is not a valid unique Data Access Group name for this project.", phpQuote(g)))
			}
			c.dag = d.ID
		}
		for _, right := range userRightNames {
			v, ok := r.values[right]
			if !ok {
				continue
			}
			if v = strings.TrimSpace(v); v != "0" && v != "1" && !(v == "2" && userRightMax(right) == "2") {
				problems = append(problems, fmt.Sprintf(`The field named "%s" for user "%s"  with value "%s" is not a valid rights value. It must be 0 or 1.`, right, name, v))
			}
		}
		problems = append(problems, st.formRightProblems(r, `the user "`+name+`"`, true)...)
		c.exp = expirationOf(r.values["expiration"])
		if u == nil {
			c.u = st.newProjectUser(name)
		}
		changes = append(changes, c)
	}
	if len(problems) > 0 {
		return errorAnswer(http.StatusBadRequest, ef, strings.Join(problems, "\n"))
	}
	for _, c := range changes {
		u := c.u
		for _, right := range userRightNames {
			if v, ok := c.row.values[right]; ok {
				u.rights[right] = strings.TrimSpace(v)
			}
		}
		if c.row.hasForms {
			u.forms = mergeFormRights(c.row.forms, u.forms)
		}
		if c.row.hasExport {
			u.formsExport = mergeFormRights(c.row.formsExport, u.formsExport)
		}
		u.expiration, u.dagID = c.exp, c.dag
		st.access.users[u.name] = u
	}
	st.rightsChanged()
	return okAnswer(format, itoa(len(rows)))
}

// newProjectUser is a user added with no right at all: every right and form 0.
func (st *state) newProjectUser(name string) *projectUser {
	u := &projectUser{name: name, rights: map[string]string{}}
	for _, r := range userRightNames {
		u.rights[r] = "0"
	}
	for _, f := range st.sch.forms {
		u.forms = append(u.forms, formRight{form: f, right: "0"})
		u.formsExport = append(u.formsExport, formRight{form: f, right: "0"})
	}
	return u
}

// formRightProblems checks the forms and forms_export of a row: every form must exist, and
// rights must be 0 to 3 (data entry rights of users may also be REDCap's bit-mask values).
func (st *state) formRightProblems(r accessRow, who string, user bool) []string {
	var problems []string
	check := func(list []formRight, entry bool) {
		for _, f := range list {
			if !slices.Contains(st.sch.forms, f.form) {
				problems = append(problems, fmt.Sprintf(`The form named "%s" is incorrect for %s The form does not exist in this project.`, f.form, who))
				continue
			}
			switch v := strings.TrimSpace(f.right); {
			case v == "0" || v == "1" || v == "2" || v == "3":
			case user && entry && slices.Contains([]string{"128", "129", "130", "138", "146", "154"}, v):
			default:
				problems = append(problems, fmt.Sprintf(`The form named "%s" with value "%s" is not a valid form-level rights value. It must be 0, 1, 2 or 3.`, f.form, f.right))
			}
		}
	}
	check(r.forms, true)
	check(r.formsExport, false)
	return problems
}

// mergeFormRights puts the rights sent first, then the forms not sent with their old rights.
func mergeFormRights(sent, old []formRight) []formRight {
	out := make([]formRight, 0, len(old))
	for _, f := range sent {
		if !slices.ContainsFunc(out, func(x formRight) bool { return x.form == f.form }) {
			out = append(out, formRight{form: f.form, right: strings.TrimSpace(f.right)})
		}
	}
	for _, f := range old {
		if !slices.ContainsFunc(out, func(x formRight) bool { return x.form == f.form }) {
			out = append(out, f)
		}
	}
	return out
}

// expirationOf reads an expiration date as REDCap stores it: YYYY-MM-DD, from Y-M-D or M/D/Y.
func expirationOf(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "01/02/2006", "1/2/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return s
}

// deleteUsers removes users (users[0], users[1], ...). One unknown name fails the whole call;
// without users[] REDCap crashes.
func (st *state) deleteUsers(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	names, crash := deleteList(p, "users", "user")
	if crash != nil {
		return crashAnswer(format, ef, crash)
	}
	var unknown []string
	for _, n := range names {
		if st.access.users[n] == nil {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		return errorAnswer(http.StatusBadRequest, ef, "One or more of the users provided are not valid usernames that do not exist in this project. Note: No users were deleted. Users that do not exist: "+strings.Join(unknown, ", "))
	}
	for _, n := range names {
		delete(st.access.users, n)
	}
	st.rightsChanged()
	return okAnswer(format, itoa(len(names)))
}

// deleteList reads the names of a user or role delete. REDCap implodes the parameter: without
// it, or with a plain string, it crashes.
func deleteList(p params, param, api string) ([]string, *phpCrash) {
	if !p.isList(param) {
		arg := `Argument #1 ($array) must be of type array, string given`
		if p.has(param) {
			arg = `Argument #2 ($array) must be of type ?array, string given`
		}
		file := crashVersionDir + "API/" + api + "/delete.php"
		return nil, &phpCrash{
			message: "Uncaught TypeError: implode(): " + arg,
			file:    file,
			line:    8,
			frames:  []string{file + "(8): implode()", crashVersionDir + "API/index.php(491): include('...')", "api/index.php(9): include('...')", "{main}"},
		}
	}
	return p.list(param), nil
}
