package redcaptest

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// roleRightNames are the rights of a role in the order the role export lists them.
var roleRightNames = dictionary.RoleRightNames()

// roleMethod answers content=userRole: export, import, delete.
func (st *state) roleMethod(p params, action string) answer {
	switch action {
	case "delete":
		return st.deleteRoles(p)
	case "import":
		return st.importRoles(p)
	}
	return st.exportRoles(p)
}

// exportRoles lists the roles by unique name; rights are strings, form rights numbers. The CSV
// export repeats the forms pairs at the start of the forms_export column, as REDCap does.
func (st *state) exportRoles(p params) answer {
	format := p.dataFormat()
	t := accessTable{cols: append(append([]string{"unique_role_name", "role_label"}, roleRightNames...), "forms", "forms_export")}
	roles := slices.Clone(st.access.roles)
	slices.SortFunc(roles, func(a, b *userRole) int { return strings.Compare(a.unique, b.unique) })
	for _, r := range roles {
		row := []accessCell{{s: r.unique}, {s: r.label}}
		for _, name := range roleRightNames {
			row = append(row, accessCell{s: valueOrZero(r.rights[name])})
		}
		export := r.formsExport
		if format == "csv" {
			export = append(slices.Clone(r.forms), r.formsExport...)
		}
		row = append(row, accessCell{forms: r.forms, isMap: true}, accessCell{forms: export, isMap: true})
		t.rows = append(t.rows, row)
	}
	return okAnswer(format, t.render(format, "userRoles"))
}

// valueOrZero is the stored right, "0" when none is stored.
func valueOrZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// importRoles creates roles (blank unique_role_name) and replaces existing ones: a right not sent
// becomes 0, while forms not sent keep their rights. A new role starts with every form at 128 (no
// access) and no export right; REDCap 15.7.6 crashes on the form rights of a new role, and on an
// empty XML element for the unique name.
func (st *state) importRoles(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	rows, aerr := parseAccessRows(p.get("format"), p.get("data"))
	if aerr != nil {
		return accessParseAnswer(format, ef, aerr)
	}
	var problems, unknown []string
	for _, r := range rows {
		unique := strings.TrimSpace(r.values["unique_role_name"])
		if r.emptyXML["unique_role_name"] {
			return crashAnswer(format, ef, roleImportCrash("Uncaught TypeError: trim(): Argument #1 ($string) must be of type string, array given", 3724,
				[]string{crashVersionDir + "Classes/UserRights.php(3724): trim()"}))
		}
		if unique != "" && st.access.role(unique) == nil {
			unknown = append(unknown, unique)
			continue
		}
		if strings.TrimSpace(r.values["role_label"]) == "" {
			problems = append(problems, "The Role Label is blank.")
			continue
		}
		for _, name := range roleRightNames {
			if v, ok := r.values[name]; ok {
				if _, err := strconv.Atoi(strings.TrimSpace(v)); err != nil {
					problems = append(problems, fmt.Sprintf(`The field named "%s" for user role "%s"  with value "%s" is not a valid rights value.`, name, unique, v))
				}
			}
		}
		problems = append(problems, st.formRightProblems(r, `the user role "`+unique+`"`, false)...)
	}
	if len(unknown) > 0 {
		return errorAnswer(http.StatusBadRequest, ef, "Invalid Unique Role Names: "+strings.Join(unknown, ", "))
	}
	if len(problems) > 0 {
		return errorAnswer(http.StatusBadRequest, ef, strings.Join(problems, "\n"))
	}
	for _, r := range rows {
		if strings.TrimSpace(r.values["unique_role_name"]) == "" && (r.hasForms || r.hasExport) {
			return crashAnswer(format, ef, roleImportCrash("Uncaught Exception: Invalid data viewing right: 1", 4164,
				[]string{crashVersionDir + "Classes/UserRights.php(3032): UserRights::encodeDataViewingRights()", crashVersionDir + "Classes/UserRights.php(3853): UserRights::addRole()"}))
		}
	}
	for _, r := range rows {
		role := st.access.role(strings.TrimSpace(r.values["unique_role_name"]))
		if role == nil {
			role = &userRole{unique: st.newRoleName()}
			for _, f := range st.sch.forms {
				role.forms = append(role.forms, formRight{form: f, right: "128"})
				role.formsExport = append(role.formsExport, formRight{form: f, right: "0"})
			}
			st.access.roles = append(st.access.roles, role)
		}
		role.label = r.values["role_label"]
		role.rights = map[string]string{}
		for _, name := range roleRightNames {
			if v, ok := r.values[name]; ok {
				role.rights[name] = strings.TrimSpace(v)
			}
		}
		if r.hasForms {
			role.forms = mergeFormRights(r.forms, role.forms)
		}
		if r.hasExport {
			role.formsExport = mergeFormRights(r.formsExport, role.formsExport)
		}
	}
	st.rightsChanged()
	return okAnswer(format, itoa(len(rows)))
}

// roleImportCrash is a crash of a role import: the message, the line of UserRights.php it was
// thrown at, and the frames inside UserRights below the API's import script.
func roleImportCrash(message string, line int, frames []string) *phpCrash {
	file := crashVersionDir + "Classes/UserRights.php"
	frames = append(frames,
		crashVersionDir+"API/userRole/import.php(67): UserRights::uploadUserRoles()",
		crashVersionDir+"API/userRole/import.php(11): putItems()",
		crashVersionDir+"API/index.php(491): include('...')",
		"api/index.php(9): include('...')",
		"{main}")
	return &phpCrash{message: message, file: file, line: line, frames: frames}
}

// roleNameChars are the characters of the random part of a unique role name.
const roleNameChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// newRoleName makes a unique role name as REDCap does: "U-", three digits, seven letters or
// digits, at random.
func (st *state) newRoleName() string {
	for {
		var b strings.Builder
		b.WriteString("U-")
		for range 3 {
			b.WriteByte(byte('0' + rand.IntN(10)))
		}
		for range 7 {
			b.WriteByte(roleNameChars[rand.IntN(len(roleNameChars))])
		}
		if st.access.role(b.String()) == nil {
			return b.String()
		}
	}
}

// deleteRoles removes roles (roles[0], ...). One unknown name fails the call; users of a deleted
// role get their own rights back.
func (st *state) deleteRoles(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	names, crash := deleteList(p, "roles", "userRole")
	if crash != nil {
		return crashAnswer(format, ef, crash)
	}
	var unknown []string
	for _, n := range names {
		if st.access.role(n) == nil {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		return errorAnswer(http.StatusBadRequest, ef, "One or more of the roles provided are not valid rolenames that do not exist in this project. Note: No roles were deleted. Roles that do not exist: "+strings.Join(unknown, ", "))
	}
	st.access.roles = slices.DeleteFunc(st.access.roles, func(r *userRole) bool { return slices.Contains(names, r.unique) })
	for _, u := range st.access.users {
		if slices.Contains(names, u.role) {
			u.role = ""
		}
	}
	st.rightsChanged()
	return okAnswer(format, itoa(len(names)))
}

// roleMappingMethod answers content=userRoleMapping: export, or import with data.
func (st *state) roleMappingMethod(p params, action string) answer {
	format := p.dataFormat()
	if action == "import" {
		return st.importRoleMappings(p)
	}
	t := table{cols: []string{"username", "unique_role_name", "data_access_group"}}
	for _, u := range st.access.sortedUsers() {
		t.add(str(u.name), str(u.role), str(st.dagNameOf(u)))
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "items", trailerNL: true}, csvStyle{}))
}

// importRoleMappings puts users into roles ("" takes them out). A username not in the project is
// added with no rights of its own; a data_access_group column puts the user in that DAG.
func (st *state) importRoleMappings(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	rows, aerr := parseAccessRows(p.get("format"), p.get("data"))
	if aerr != nil {
		return accessParseAnswer(format, ef, aerr)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		if r.emptyXML["unique_role_name"] {
			file := crashVersionDir + "Classes/UserRights.php"
			return crashAnswer(format, ef, &phpCrash{
				message: "Uncaught TypeError: trim(): Argument #1 ($string) must be of type string, array given", file: file, line: 3897,
				frames: []string{file + "(3897): trim()", crashVersionDir + "API/userRoleMapping/import.php(47): UserRights::uploadUserRoleMappings()",
					crashVersionDir + "API/userRoleMapping/import.php(8): putItems()", crashVersionDir + "API/index.php(491): include('...')", "api/index.php(9): include('...')", "{main}"},
			})
		}
		if !r.has("username") || !r.has("unique_role_name") {
			return errorAnswer(http.StatusBadRequest, ef, msgMissingComponents+"username, unique_role_name")
		}
		name, role := strings.TrimSpace(r.values["username"]), strings.TrimSpace(r.values["unique_role_name"])
		switch {
		case role != "" && st.access.role(role) == nil:
			return errorAnswer(http.StatusBadRequest, ef, "Invalid Unique Role Names: "+role)
		case name == "":
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf(`The username for unique role name "%s" `, role))
		case seen[name]:
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf(`The username "%s" occurs in more than one record. `, name))
		}
		seen[name] = true
		if g := strings.TrimSpace(r.values["data_access_group"]); g != "" {
			if _, ok := st.dagByName(g); !ok {
				return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf(`Unique group name "%s" does not exist in the project.`, g))
			}
		}
	}
	for _, r := range rows {
		name := strings.TrimSpace(r.values["username"])
		u := st.access.users[name]
		if u == nil {
			u = st.newProjectUser(name)
			st.access.users[name] = u
		}
		u.role = strings.TrimSpace(r.values["unique_role_name"])
		if g, ok := r.values["data_access_group"]; ok {
			d, _ := st.dagByName(strings.TrimSpace(g))
			u.dagID = d.ID
		}
	}
	st.rightsChanged()
	return okAnswer(format, itoa(len(rows)))
}
