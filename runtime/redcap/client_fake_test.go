package redcap

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// testTokenText is the token the fake servers accept. Tests assert it never leaks.
const testTokenText = "0123456789ABCDEF0123456789ABCDEF"

// testTokenSource writes the token to a private file and returns a TokenFromFile for it.
func testTokenSource(t testing.TB, secret string) TokenSource {
	t.Helper()
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return TokenFromFile(path)
}

// testRecord is a hand-written stand-in for a generated record type.
type testRecord struct {
	ID, Name string
	Race1    string
	rows     int
}

// testLayoutColumns are the columns of testRecord's project.
var testLayoutColumns = []string{"record_id", "name", "race___1", "race____1", "form_1_complete"}

// testSchemaOnce builds the schema once; it is never modified.
var testSchemaOnce = sync.OnceValue(func() *Schema {
	return &Schema{
		RecordIDField: "record_id",
		Layout:        NewLayout(testLayoutColumns...),
		Fields: []FieldRule{
			{Name: "record_id", GoName: "ID", Type: "text"},
			{Name: "name", GoName: "Name", Type: "text", Validation: "alpha_only", Required: true},
			{Name: "race", GoName: "Race", Type: "checkbox", CheckboxColumns: []string{"race___1", "race____1"}},
		},
	}
})

func (r *testRecord) Schema() *Schema  { return testSchemaOnce() }
func (r *testRecord) RecordID() string { return r.ID }

// Recycle empties the record (the test record keeps no storage worth reusing).
func (r *testRecord) Recycle() { *r = testRecord{} }

func (r *testRecord) DecodeRows(rows []Row) error {
	for i := range rows {
		r.ID = rows[i].Get(0)
		if rows[i].Has(1) {
			r.Name = rows[i].Get(1)
		}
		if rows[i].Has(2) {
			r.Race1 = rows[i].Get(2)
		}
		r.rows++
	}
	return nil
}

func (r *testRecord) EncodeRows(dst []Row) ([]Row, error) {
	row := NewRow(r.Schema().Layout)
	row.Set(0, r.ID)
	row.Set(1, r.Name)
	if r.Race1 != "" {
		row.Set(2, r.Race1)
	}
	return append(dst, row), nil
}

// Validate checks the name (alpha_only, required) with the shared rules, as generated code does.
func (r *testRecord) Validate(v *Validator) {
	rule, _ := r.Schema().Field("name")
	v.At(r.ID, "", "", 0)
	v.Value(rule, r.Name)
}

// fakeREDCap is a tiny REDCap for client tests: records (record_id, name) in memory, record
// export with records[] and fields[], record import with returnContent ids/auto_ids, and fault
// injection through the hooks.
type fakeREDCap struct {
	t       testing.TB
	mu      sync.Mutex
	order   []string
	names   map[string]string
	calls   []map[string]string // every request's form (token removed)
	imports int
	// beforeImport may answer an import itself (status, body) instead of storing it.
	beforeImport func(n int, rows []map[string]any) (int, string, bool)
	// beforeExport may answer an export itself.
	beforeExport func(n int, form map[string]string) (int, string, bool)
	exports      int
	nextAuto     int
}

func newFakeREDCap(t testing.TB, ids ...string) *fakeREDCap {
	f := &fakeREDCap{t: t, names: map[string]string{}, nextAuto: 100}
	for _, id := range ids {
		f.order = append(f.order, id)
		f.names[id] = "name " + id
	}
	return f
}

// start serves the fake on a loopback port and returns a client for it.
func (f *fakeREDCap) start(opts ...Option) *Client {
	srv := httptest.NewServer(f)
	f.t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL+"/api/", testTokenSource(f.t, testTokenText), append([]Option{WithRetry(2, 0)}, opts...)...)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fakeREDCap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.RawQuery != "" {
		http.Error(w, "POST only, no query", http.StatusNotImplemented)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if r.PostForm.Get("token") != testTokenText {
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte(`{"error":"You do not have permissions to use the API"}`))
		return
	}
	form := map[string]string{}
	for k := range r.PostForm {
		if k != "token" {
			form[k] = r.PostForm.Get(k)
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, form)
	status, body := f.answer(form)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write([]byte(body))
}

// indexed returns name[0], name[1], ... of a form.
func indexed(form map[string]string, name string) []string {
	var out []string
	for i := 0; ; i++ {
		v, ok := form[name+"["+strconv.Itoa(i)+"]"]
		if !ok {
			return out
		}
		out = append(out, v)
	}
}

func (f *fakeREDCap) answer(form map[string]string) (int, string) {
	switch form["content"] + "/" + form["action"] {
	case "record/export":
		f.exports++
		if f.beforeExport != nil {
			if status, body, ok := f.beforeExport(f.exports, form); ok {
				return status, body
			}
		}
		return http.StatusOK, f.export(indexed(form, "records"), indexed(form, "fields"))
	case "record/import":
		f.imports++
		var rows []map[string]any
		if err := json.Unmarshal([]byte(form["data"]), &rows); err != nil {
			return http.StatusBadRequest, `{"error":"The data being imported is not formatted correctly."}`
		}
		if f.beforeImport != nil {
			if status, body, ok := f.beforeImport(f.imports, rows); ok {
				return status, body
			}
		}
		var out []string
		for _, row := range rows {
			id, _ := row["record_id"].(string)
			if !slices.Contains(f.order, id) {
				f.order = append(f.order, id)
			}
			f.names[id], _ = row["name"].(string)
			if form["returnContent"] == "auto_ids" {
				f.nextAuto++
				out = append(out, strconv.Itoa(f.nextAuto)+","+id)
			} else {
				out = append(out, id)
			}
		}
		b, _ := json.Marshal(out)
		return http.StatusOK, string(b)
	}
	return http.StatusBadRequest, `{"error":"The value of the parameter \"content\" is not valid"}`
}

// export answers a flat JSON export of the stored records.
func (f *fakeREDCap) export(records, fields []string) string {
	var b strings.Builder
	b.WriteByte('[')
	n := 0
	for _, id := range f.order {
		if len(records) > 0 && !slices.Contains(records, id) {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		idJSON, _ := json.Marshal(id)
		nameJSON, _ := json.Marshal(f.names[id])
		if len(fields) == 1 && fields[0] == "record_id" {
			b.WriteString(`{"record_id":` + string(idJSON) + `}`)
			continue
		}
		b.WriteString(`{"record_id":` + string(idJSON) + `,"name":` + string(nameJSON) + `,"race___1":"0","race____1":"0","form_1_complete":"0"}`)
	}
	b.WriteByte(']')
	return b.String()
}
