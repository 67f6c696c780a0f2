package redcaptest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/redcapgen/redcapgen/dictionary"
)

// dagMethod answers content=dag: import, delete, switch, else export (also when data is sent
// without an action).
func (st *state) dagMethod(p params) answer {
	switch p.get("action") {
	case "import":
		return st.importDAGs(p)
	case "delete":
		return st.deleteDAGs(p)
	case "switch":
		return st.switchDAG(p)
	}
	return st.exportDAGs(p)
}

// exportDAGs answers a DAG export: the groups sorted by name.
func (st *state) exportDAGs(p params) answer {
	format := p.dataFormat()
	dags := slices.Clone(st.proj.DAGs)
	slices.SortStableFunc(dags, func(a, b dictionary.DAG) int { return strings.Compare(a.Name, b.Name) })
	t := table{cols: []string{"data_access_group_name", "unique_group_name", "data_access_group_id"}}
	for _, d := range dags {
		t.add(str(d.Name), str(d.UniqueName), num(d.ID))
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "dags", trailerNL: true}, csvStyle{}))
}

// importDAGs creates groups (blank unique_group_name) and renames them (an existing unique name):
// the unique name is derived again from the new label. One bad row saves nothing.
func (st *state) importDAGs(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	rows, aerr := parseAccessRows(p.get("format"), p.get("data"))
	if aerr != nil && aerr != errNotSpecified {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	const required = "data_access_group_name, unique_group_name"
	if len(rows) == 0 {
		return errorAnswer(http.StatusBadRequest, ef, msgMissingComponents+required)
	}
	for _, r := range rows {
		if r.emptyXML["unique_group_name"] {
			file := crashVersionDir + "Classes/DataAccessGroups.php"
			return crashAnswer(format, ef, &phpCrash{
				message: "Uncaught TypeError: trim(): Argument #1 ($string) must be of type string, array given", file: file, line: 539,
				frames: []string{file + "(539): trim()", crashVersionDir + "API/dag/import.php(50): DataAccessGroups::uploadDAGs()",
					crashVersionDir + "API/dag/import.php(8): putItems()", crashVersionDir + "API/index.php(491): include('...')", "api/index.php(9): include('...')", "{main}"},
			})
		}
		if !r.has("data_access_group_name") || !r.has("unique_group_name") {
			return errorAnswer(http.StatusBadRequest, ef, msgMissingComponents+required)
		}
	}
	dags := slices.Clone(st.proj.DAGs)
	next := st.nextDAGID
	renamed := map[string]string{}
	for _, r := range rows {
		label, unique := r.values["data_access_group_name"], strings.TrimSpace(r.values["unique_group_name"])
		i := slices.IndexFunc(dags, func(d dictionary.DAG) bool { return d.UniqueName == unique })
		switch {
		case unique != "" && i < 0:
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("Unique group name %s does not exist in the project. NOTE: The unique group name is auto-generated from the name of the data access group, so there is no way to set the unique group name manually.\n              If you are attempting to create a new DAG, you should leave the unique_group_name and data_access_group_id fields blank in your upload file.", phpQuote(unique)))
		case strings.TrimSpace(label) == "":
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The data access group name for unique group name %s ", phpQuote(unique)))
		case utf8.RuneCountInString(label) > 100:
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The data access group name %s must be less than or equal to 100 characters in length.", phpQuote(label)))
		}
		if i < 0 {
			dags = append(dags, dictionary.DAG{ID: next})
			next++
			i = len(dags) - 1
		}
		id := dags[i].ID
		dags[i].Name = label
		dags[i].UniqueName = dagUniqueName(label, func(s string) bool {
			return slices.ContainsFunc(dags, func(d dictionary.DAG) bool { return d.UniqueName == s && d.ID != id })
		})
		if unique != "" && unique != dags[i].UniqueName {
			renamed[unique] = dags[i].UniqueName
		}
	}
	st.proj.DAGs, st.nextDAGID = dags, next
	for _, rec := range st.records {
		if n, ok := renamed[rec.dag]; ok {
			rec.dag = n
		}
	}
	return okAnswer(format, itoa(len(rows)))
}

// dagUniqueName derives a DAG's unique name from its label: lower case, other characters as one
// "_", at most 18 characters; a name already taken gets a letter appended.
func dagUniqueName(label string, taken func(string) bool) string {
	var b strings.Builder
	for _, r := range strings.ToLower(label) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else if s := b.String(); s != "" && !strings.HasSuffix(s, "_") {
			b.WriteByte('_')
		}
	}
	base := b.String()
	if len(base) > 18 {
		base = base[:18]
	}
	base = strings.Trim(base, "_")
	name := base
	for c := 'b'; taken(name) && c <= 'z'; c++ {
		name = base + string(c)
	}
	return name
}

// nameDAGs gives the groups that have none (those of a project XML) their unique names.
func nameDAGs(p *dictionary.Project) {
	for i := range p.DAGs {
		if p.DAGs[i].UniqueName == "" {
			p.DAGs[i].UniqueName = dagUniqueName(p.DAGs[i].Name, func(s string) bool {
				return slices.ContainsFunc(p.DAGs, func(d dictionary.DAG) bool { return d.UniqueName == s })
			})
		}
	}
}

// deleteDAGs removes groups (dags[0], ...): one unknown name fails the call. Users and records of
// a deleted group are left without one.
func (st *state) deleteDAGs(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	if !p.isList("dags") {
		return errorAnswer(http.StatusBadRequest, ef, "The 'dags' parameter is either missing or is not an array. It must be provided as an array even if it only contains one value.")
	}
	names := p.list("dags")
	var unknown []string
	for _, n := range names {
		if _, ok := st.dagByName(n); !ok {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		return errorAnswer(http.StatusBadRequest, ef, "One or more of the dags provided are not valid unique group names that do not exist in this project. Note: No dags were deleted. DAGs that do not exist: "+strings.Join(unknown, ", "))
	}
	for _, n := range names {
		d, _ := st.dagByName(n)
		for _, u := range st.access.users {
			if u.dagID == d.ID {
				u.dagID = 0
			}
		}
		for _, rec := range st.records {
			if rec.dag == n {
				rec.dag = ""
			}
		}
	}
	st.proj.DAGs = slices.DeleteFunc(st.proj.DAGs, func(d dictionary.DAG) bool { return slices.Contains(names, d.UniqueName) })
	st.rightsChanged()
	return okAnswer(format, itoa(len(names)))
}

// dagMappingMethod answers content=userDagMapping: export, or import with data.
func (st *state) dagMappingMethod(p params, action string) answer {
	format := p.dataFormat()
	if action == "import" {
		return st.importDAGMappings(p)
	}
	t := table{cols: []string{"username", "redcap_data_access_group"}}
	for _, u := range st.access.sortedUsers() {
		t.add(str(u.name), str(st.dagNameOf(u)))
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "items", trailerNL: true}, csvStyle{}))
}

// importDAGMappings puts users into DAGs ("" takes them out). The first problem stops the call.
func (st *state) importDAGMappings(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	rows, aerr := parseAccessRows(p.get("format"), p.get("data"))
	if aerr != nil {
		return accessParseAnswer(format, ef, aerr)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		if !r.has("username") || !r.has("redcap_data_access_group") {
			return errorAnswer(http.StatusBadRequest, ef, msgMissingComponents+"username, redcap_data_access_group")
		}
		name, g := strings.TrimSpace(r.values["username"]), strings.TrimSpace(r.values["redcap_data_access_group"])
		_, known := st.dagByName(g)
		switch {
		case name == "":
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf(`The username for unique group name "%s" `, g))
		case st.access.users[name] == nil:
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf(`The username "%s" does not exist in the project.`, name))
		case g != "" && !known:
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf(`Unique group name "%s" does not exist in the project.`, g))
		case seen[name]:
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf(`The username "%s" occurs in more than one record. `, name))
		}
		seen[name] = true
	}
	for _, r := range rows {
		d, _ := st.dagByName(strings.TrimSpace(r.values["redcap_data_access_group"]))
		st.access.users[strings.TrimSpace(r.values["username"])].dagID = d.ID
	}
	st.rightsChanged()
	return okAnswer(format, itoa(len(rows)))
}

// switchDAG answers action=switch: it moves the token's user into the DAG named by dag ("0" or
// none: out of every DAG) when the DAG Switcher allows it. The answers are bare text.
func (st *state) switchDAG(p params) answer {
	format := p.dataFormat()
	name := strings.TrimSpace(p.get("dag"))
	id := 0
	if name != "" && name != "0" {
		d, ok := st.dagByName(name)
		if !ok {
			return okAnswer(format, "ERROR: Invalid DAG")
		}
		id = d.ID
	}
	allowed, ok := st.access.switchable[TokenUser]
	switch {
	case !ok:
		return okAnswer(format, "ERROR: Invalid user")
	case !slices.Contains(allowed, id):
		return okAnswer(format, "ERROR: User/DAG assignment not permitted")
	}
	if u := st.access.users[TokenUser]; u != nil {
		u.dagID = id
	}
	st.rightsChanged()
	return okAnswer(format, "1")
}

// AllowDAGSwitch gives a user a DAG Switcher assignment, as REDCap's web interface does: the
// user may switch (action=switch) into each of the DAGs named by unique name, "" standing for no
// DAG. Names that are not DAGs of the project are left out.
func (s *Server) AllowDAGSwitch(user string, dags ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []int
	for _, n := range dags {
		if n == "" {
			ids = append(ids, 0)
		} else if d, ok := s.st.dagByName(n); ok {
			ids = append(ids, d.ID)
		}
	}
	s.st.access.switchable[user] = ids
}
