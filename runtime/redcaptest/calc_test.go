package redcaptest

import (
	"encoding/json"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// calcDictionary has numbers, dates, a checkbox and calc fields using them.
const calcDictionary = `field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation
record_id,f,,text,Record ID,,,,,,,,,,,,,
a,f,,text,A,,,number,,,,,,,,,,
b,f,,text,B,,,number,,,,,,,,,,
z,f,,text,Zero,,,number,,,,,,,,,,
d1,f,,text,D1,,,date_ymd,,,,,,,,,,
d2,f,,text,D2,,,date_ymd,,,,,,,,,,
t1,f,,text,T1,,,datetime_ymd,,,,,,,,,,
cb,f,,checkbox,Box,"1, One | 2, Two | A_B, Letters",,,,,,,,,,,,
total,f,,calc,Total,[a] + [b] * 2,,,,,,,,,,,,
bad_pow,f,,calc,Bad exponent,"round([a]/(([b])^2),1)",,,,,,,,,,,,
`

// calcFixture is a fake with one record: a=7, b=2, z=0, d1=2024-01-01, d2=2024-03-01,
// t1=2024-01-01 12:30, cb(1) and cb(A_B) checked; blank is never stored.
func calcFixture(t *testing.T) (*Server, *record) {
	t.Helper()
	p, err := dictionary.Read("calc.csv", []byte(calcDictionary))
	if err != nil {
		t.Fatalf("read dictionary: %v", err)
	}
	s := NewServer(p)
	t.Cleanup(s.Close)
	rec := newRecord("1")
	row := rec.row(rowKey{}, true)
	for col, v := range map[string]string{"record_id": "1", "a": "7", "b": "2", "z": "0", "d1": "2024-01-01", "d2": "2024-03-01", "t1": "2024-01-01 12:30", "cb___1": "1", "cb___a_b": "1"} {
		row.set(col, v)
	}
	return s, rec
}

func TestCalcRecomputedOnImport(t *testing.T) {
	tests := []struct {
		name, data string
		want       map[string]string // record -> total
	}{
		{"input saved", `[{"record_id":"1","a":"3","b":"4"}]`, map[string]string{"1": "11"}},
		{"one input, other blank", `[{"record_id":"1","a":"3"}]`, map[string]string{"1": ""}},
		{"value into calc dropped", `[{"record_id":"1","total":"99"}]`, map[string]string{"1": ""}},
		{"no input saved", `[{"record_id":"1","d1":"2024-01-01"}]`, map[string]string{"1": ""}},
		{"several records", `[{"record_id":"1","a":"1","b":"1"},{"record_id":"2","a":"2","b":"2"}]`, map[string]string{"1": "3", "2": "6"}},
		{"calc column in the first row", `[{"record_id":"1","total":"5"},{"record_id":"2","a":"2","b":"2"}]`, map[string]string{"1": "", "2": "6"}},
		{"inputs on a later row only", `[{"record_id":"1","d1":"2024-01-01"},{"record_id":"2","a":"2","b":"2"}]`, map[string]string{"1": "", "2": ""}},
		{"first row's blank input counts", `[{"record_id":"1","a":""},{"record_id":"2","a":"2","b":"2"}]`, map[string]string{"1": "", "2": "6"}},
		{"first row decides for every row", `[{"record_id":"1","a":"1","b":"1"},{"record_id":"2","d1":"2024-01-01","a":"5","b":"5"}]`, map[string]string{"1": "3", "2": "15"}},
		{"calc column beside its inputs", `[{"record_id":"1","total":"5","a":"1","b":"1"}]`, map[string]string{"1": "3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := calcFixture(t)
			if code, _, body := post(t, s, map[string]string{"content": "record", "action": "import", "format": "json", "data": tc.data}); code != 200 {
				t.Fatalf("import: %d %s", code, body)
			}
			got := map[string]string{}
			for _, r := range s.Records() {
				got[r["record_id"]] = r["total"]
				if r["bad_pow"] != "" {
					t.Errorf("record %s: bad_pow = %q, want blank", r["record_id"], r["bad_pow"])
				}
			}
			for id, want := range tc.want {
				if got[id] != want {
					t.Errorf("record %s: total = %q, want %q", id, got[id], want)
				}
			}
		})
	}
}

func TestCalcUpdatedAndErased(t *testing.T) {
	s, _ := calcFixture(t)
	steps := []struct {
		data, overwrite, want string
	}{
		{`[{"record_id":"1","a":"1","b":"2"}]`, "normal", "5"},
		{`[{"record_id":"1","b":"3"}]`, "normal", "7"},
		{`[{"record_id":"1","b":""}]`, "normal", "7"},
		{`[{"record_id":"1","b":""}]`, "overwrite", ""},
	}
	for i, st := range steps {
		if code, _, body := post(t, s, map[string]string{"content": "record", "action": "import", "format": "json", "overwriteBehavior": st.overwrite, "data": st.data}); code != 200 {
			t.Fatalf("step %d: %d %s", i, code, body)
		}
		_, _, body := post(t, s, map[string]string{"content": "record", "format": "json", "fields[0]": "record_id", "fields[1]": "total"})
		var rows []map[string]string
		if err := json.Unmarshal([]byte(body), &rows); err != nil || len(rows) != 1 {
			t.Fatalf("step %d: export %s (%v)", i, body, err)
		}
		if rows[0]["total"] != st.want {
			t.Errorf("step %d: total = %q, want %q", i, rows[0]["total"], st.want)
		}
	}
}
