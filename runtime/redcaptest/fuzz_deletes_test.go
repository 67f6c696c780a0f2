package redcaptest

import (
	"net/http"
	"testing"
)

// FuzzAccessDeletes sends arbitrary lists (as items[0], items[1] or one plain value) to the
// user, role, DAG, arm and event deletions and to the DAG switch: the fake answers, never panics,
// a refused call changes nothing, and a deletion sent again deletes nothing more.
func FuzzAccessDeletes(f *testing.F) {
	for _, content := range []string{"user", "userRole", "dag", "arm", "event"} {
		f.Add(content, "delete", "nurse1", "site_a", true)
		f.Add(content, "delete", "1", "baseline_arm_1", true)
		f.Add(content, "delete", "", "x", false)
	}
	f.Add("dag", "switch", "site_a", "", false)
	f.Add("dag", "switch", "", "", false)
	p := demoProject(f)
	f.Fuzz(func(t *testing.T, content, action, first, second string, asList bool) {
		s := NewUnstartedServer(p)
		seeds := []params{
			{v: map[string][]string{"content": {"dag"}, "action": {"import"}, "format": {"json"}, "data": {`[{"data_access_group_name":"Site A","unique_group_name":""}]`}}},
			{v: map[string][]string{"content": {"user"}, "action": {"import"}, "format": {"json"}, "data": {`[{"username":"nurse1"}]`}}},
			{v: map[string][]string{"content": {"arm"}, "action": {"import"}, "format": {"json"}, "data": {`[{"arm_num":"1","name":"A"}]`}}},
			{v: map[string][]string{"content": {"event"}, "action": {"import"}, "format": {"json"}, "data": {`[{"event_name":"Baseline","arm_num":"1"},{"event_name":"Final","arm_num":"1"}]`}}},
		}
		for _, sp := range seeds {
			if a := s.dispatch(sp); a.status != http.StatusOK {
				t.Fatalf("seed %v: %d %s", sp.v["content"], a.status, a.body)
			}
		}
		key := map[string]string{"user": "users", "userRole": "roles", "dag": "dags", "arm": "arms", "event": "events"}[content]
		if key == "" {
			key = "items"
		}
		pv := params{v: map[string][]string{"content": {content}, "action": {action}, "format": {"json"}, "dag": {first}}}
		if asList {
			pv.v[key+"[0]"] = []string{first}
			pv.v[key+"[1]"] = []string{second}
		} else {
			pv.v[key] = []string{first}
		}
		before := accessSnapshot(s)
		a := s.dispatch(pv)
		if a.status < 200 || a.status > 599 {
			t.Fatalf("status %d", a.status)
		}
		if a.status != http.StatusOK {
			if after := accessSnapshot(s); after != before {
				t.Fatalf("refused call (%d %.200s) changed the project:\n%s\n->\n%s", a.status, a.body, before, after)
			}
			return
		}
		if action != "delete" {
			return
		}
		after := accessSnapshot(s)
		if again := s.dispatch(pv); again.status == http.StatusOK && accessSnapshot(s) != after {
			t.Fatalf("the deletion sent again changed the project")
		}
	})
}
