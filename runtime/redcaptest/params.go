package redcaptest

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// params are the form fields of one API call, and the uploaded file of a multipart call.
type params struct {
	v    url.Values
	file *upload
	// fileElsewhere is true when a file came in a part not named "file".
	fileElsewhere bool
}

// upload is a file sent as the multipart part "file".
type upload struct {
	name        string
	contentType string
	data        []byte
}

// maxBody caps what the fake reads from one request. REDCap itself accepts imports well above
// 10 MB (its limit is the PHP server's post_max_size, commonly 32 MB or more).
const maxBody = 64 << 20

// parseParams reads an urlencoded or multipart body (body is the request body, already read
// whole). Anything else (a JSON body) reads as no parameters at all, as in REDCap. The urlencoded
// body is parsed here rather than by Request.ParseForm, which stops at 10 MB and would lose the
// token of a large import.
func parseParams(r *http.Request, body []byte) params {
	ct := r.Header.Get("Content-Type")
	switch {
	case strings.HasPrefix(ct, "multipart/form-data"):
		if p, err := parseMultipart(ct, body); err == nil {
			return p
		}
	case strings.HasPrefix(ct, "application/x-www-form-urlencoded"):
		if v, err := url.ParseQuery(string(body)); err == nil {
			return params{v: v}
		}
	}
	return params{v: url.Values{}}
}

// get returns a parameter's value ("" when absent).
func (p params) get(name string) string { return p.v.Get(name) }

// has reports whether the parameter was sent.
func (p params) has(name string) bool {
	_, ok := p.v[name]
	return ok
}

// list returns an array parameter as PHP reads it: name[0], name[1], ... in index order, then
// the values of a repeated name[] in the order sent; or else a comma-separated name=... string
// (accepted for records and fields).
func (p params) list(name string) []string {
	type item struct {
		idx int
		val string
	}
	var items []item
	prefix := name + "["
	keys := make([]string, 0, 4)
	for k := range p.v {
		if strings.HasPrefix(k, prefix) && strings.HasSuffix(k, "]") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		vs := p.v[k]
		if len(vs) == 0 {
			continue
		}
		idx, err := strconv.Atoi(k[len(prefix) : len(k)-1])
		switch {
		case err == nil:
			vs = vs[len(vs)-1:] // name[N] sent twice: PHP keeps the last
		case k == prefix+"]":
			idx = 1 << 30 // name[]: PHP appends each value, after the numbered ones
		default:
			idx = 1<<30 + 1 // a non-numeric key
		}
		for _, v := range vs {
			items = append(items, item{idx, v})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].idx < items[j].idx })
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.val)
	}
	if len(out) == 0 && p.get(name) != "" {
		for _, s := range strings.Split(p.get(name), ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// dataFormat is the format of data in the request and answer: json, csv or xml (the default and
// the fallback for bogus values).
func (p params) dataFormat() string {
	switch f := p.get("format"); f {
	case "json", "csv":
		return f
	}
	return "xml"
}

// errorFormat is the envelope of errors and import results: returnFormat, else format, else xml.
func (p params) errorFormat() string {
	switch f := p.get("returnFormat"); f {
	case "json", "csv", "xml":
		return f
	}
	return p.dataFormat()
}

// flag reports whether a boolean parameter is "true" (or "1").
func (p params) flag(name string) bool {
	v := strings.ToLower(p.get(name))
	return v == "true" || v == "1"
}

func itoa(n int) string { return strconv.Itoa(n) }
