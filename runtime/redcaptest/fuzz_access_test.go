package redcaptest

import (
	"strings"
	"testing"
)

// FuzzAccessRows feeds arbitrary payloads in every format to the reader of user, role, DAG and
// assignment imports: it answers rows or an error, never panics, and every row it answers has
// its values.
func FuzzAccessRows(f *testing.F) {
	f.Add("json", `[{"username":"u1","design":"1","forms":{"demographics":"1","visit":2},"forms_export":{"visit":"0"}}]`)
	f.Add("csv", "username,forms,forms_export\nu1,\"visit:1,demographics:2\",visit:3\n")
	f.Add("xml", `<users><item><username>u1</username><forms><visit>1</visit></forms><unique_role_name></unique_role_name></item></users>`)
	f.Add("xml", `<users></users>`)
	f.Add("json", `[{"username":["x"],"forms":[1,2]}, 3]`)
	f.Fuzz(func(t *testing.T, format, data string) {
		rows, aerr := parseAccessRows(format, data)
		if aerr != nil {
			if rows != nil {
				t.Fatalf("error %q with %d rows", aerr.msg, len(rows))
			}
			return
		}
		for i, r := range rows {
			if r.values == nil {
				t.Fatalf("row %d has no values map", i)
			}
			for _, fr := range append(r.forms, r.formsExport...) {
				if format == "csv" && (strings.Contains(fr.form, ":") || strings.Contains(fr.form+fr.right, ",")) {
					t.Fatalf("row %d: a CSV form right holds a separator: %+v", i, fr)
				}
			}
		}
	})
}

// FuzzAccessImports sends arbitrary payloads to the user, role, assignment, DAG and design
// imports: the fake answers, never panics, and a refused import changes nothing.
func FuzzAccessImports(f *testing.F) {
	for _, content := range []string{"user", "userRole", "userRoleMapping", "userDagMapping", "dag", "arm", "event", "formEventMapping"} {
		f.Add(content, "json", `[{"username":"u1","unique_role_name":"","role_label":"R","data_access_group_name":"Site A","unique_group_name":"","redcap_data_access_group":"","arm_num":"1","name":"A","event_name":"E","form":"visit"}]`, false)
		f.Add(content, "csv", "username,design,forms\nu1,1,visit:1\n", true)
		f.Add(content, "xml", `<x><item><username>u1</username><unique_role_name></unique_role_name></item><item><username>u2</username></item></x>`, false)
	}
	p := demoProject(f)
	f.Fuzz(func(t *testing.T, content, format, data string, override bool) {
		s := NewUnstartedServer(p)
		seed := params{v: map[string][]string{"content": {"dag"}, "action": {"import"}, "format": {"json"}, "data": {`[{"data_access_group_name":"Site A","unique_group_name":""}]`}}}
		if a := s.dispatch(seed); a.status != 200 {
			t.Fatalf("seed DAG: %d %s", a.status, a.body)
		}
		before := accessSnapshot(s)
		pv := params{v: map[string][]string{"content": {content}, "action": {"import"}, "format": {format}, "data": {data}}}
		if override {
			pv.v["override"] = []string{"1"}
		}
		a := s.dispatch(pv)
		if a.status < 200 || a.status > 599 {
			t.Fatalf("status %d", a.status)
		}
		if a.status != 200 {
			if after := accessSnapshot(s); after != before {
				t.Fatalf("refused import (%d %.200s) changed the project:\n%s\n->\n%s", a.status, a.body, before, after)
			}
		}
	})
}

// accessSnapshot is every user, role, assignment, DAG and design export of the server as JSON.
func accessSnapshot(s *Server) string {
	var b strings.Builder
	for _, content := range []string{"user", "userRole", "userRoleMapping", "userDagMapping", "dag", "arm", "event", "formEventMapping"} {
		b.WriteString(s.dispatch(params{v: map[string][]string{"content": {content}, "format": {"json"}}}).body)
		b.WriteByte('\n')
	}
	return b.String()
}
