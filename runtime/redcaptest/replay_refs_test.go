package redcaptest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// orderFollowsVolatile reports whether the order of a case's rows follows a value the server
// assigned at random (roles are listed by their random unique name), so that rows compare in any
// order.
func orderFollowsVolatile(v vector) bool { return slices.Contains(v.VolatileKeys, "unique_role_name") }

// sortedElements sorts a decoded JSON array by the text of its elements.
func sortedElements(x any) any {
	list, ok := x.([]any)
	if !ok {
		return x
	}
	list = slices.Clone(list)
	sort.SliceStable(list, func(i, j int) bool { return jsonText(list[i]) < jsonText(list[j]) })
	return list
}

// learnRefs records, for a case whose JSON body holds server-assigned values (volatile keys), which
// value the fake assigned where the capture shows another, so that later requests naming the
// captured value (request_refs) can name the fake's instead.
func learnRefs(refs map[string]string, v vector, got response) {
	if len(v.VolatileKeys) == 0 || !strings.HasPrefix(v.ContentType, "application/json") {
		return
	}
	var want, have []any
	if json.Unmarshal([]byte(v.Body), &want) != nil || json.Unmarshal([]byte(got.body), &have) != nil || len(want) != len(have) {
		return
	}
	if orderFollowsVolatile(v) {
		want, have = byContent(want, v.VolatileKeys), byContent(have, v.VolatileKeys)
	}
	for i := range want {
		w, okW := want[i].(map[string]any)
		h, okH := have[i].(map[string]any)
		if !okW || !okH {
			continue
		}
		for _, k := range v.VolatileKeys {
			ws, hs := fmt.Sprint(w[k]), fmt.Sprint(h[k])
			if w[k] != nil && h[k] != nil && ws != hs {
				refs[ws] = hs
			}
		}
	}
}

// byContent sorts rows by their content without the volatile keys.
func byContent(rows []any, volatile []string) []any {
	type keyed struct {
		key string
		row any
	}
	ks := make([]keyed, len(rows))
	for i, r := range rows {
		m, _ := r.(map[string]any)
		rest := map[string]any{}
		for k, x := range m {
			if !slices.Contains(volatile, k) {
				rest[k] = x
			}
		}
		ks[i] = keyed{jsonText(rest), r}
	}
	sort.SliceStable(ks, func(i, j int) bool { return ks[i].key < ks[j].key })
	out := make([]any, len(ks))
	for i, k := range ks {
		out[i] = k.row
	}
	return out
}

// applyRefs replaces, in the request values a case marks as server-assigned (request_refs), the
// captured values by those the fake assigned.
func applyRefs(v vector, refs map[string]string) vector {
	if len(v.RequestRefs) == 0 || len(refs) == 0 {
		return v
	}
	req := make(map[string]any, len(v.Request))
	for k, x := range v.Request {
		req[k] = x
	}
	for k := range v.RequestRefs {
		s, ok := req[k].(string)
		if !ok {
			continue
		}
		if n, ok := refs[s]; ok {
			req[k] = n
			continue
		}
		for old, n := range refs {
			if len(old) >= 6 {
				s = strings.ReplaceAll(s, old, n)
			}
		}
		req[k] = s
	}
	if reflect.DeepEqual(req, v.Request) {
		return v
	}
	v.Request = req
	return v
}

// unrefBody writes, in a CSV or XML answer whose rows carry random server-assigned names, the
// captured names in place of those the fake assigned (JSON answers drop them instead).
func unrefBody(got response, v vector, refs map[string]string) response {
	if !orderFollowsVolatile(v) || strings.HasPrefix(v.ContentType, "application/json") {
		return got
	}
	for old, n := range refs {
		if len(old) >= 6 {
			got.body = strings.ReplaceAll(got.body, n, old)
		}
	}
	return got
}

// sortedLines sorts the lines of a text after its first (the header or XML prologue).
func sortedLines(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) > 1 {
		sort.Strings(lines[1:])
	}
	return strings.Join(lines, "\n")
}
