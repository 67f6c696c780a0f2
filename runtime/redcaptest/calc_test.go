package redcaptest

import (
	"encoding/json"
	"testing"

	"github.com/redcapgen/redcapgen/generator/dictionary"
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
bad_pow,f,,calc,Bad exponent,([a])^2,,,,,,,,,,,,
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

func TestCalcExpressions(t *testing.T) {
	s, rec := calcFixture(t)
	tests := []struct {
		expr, want string
	}{
		// arithmetic and precedence
		{"[a] + [b] * 2", "11"},
		{"([a] + [b]) * 2", "18"},
		{"[a] - [b] - 1", "4"},
		{"[a] / [b]", "3.5"},
		{"-[a] + 1", "-6"},
		{"0.1 + 0.2", "0.3"},
		{"10 / 4 * 2", "5"},
		{"1 / 3", "0.33333333333333"},
		{"100000000 * 100000000", "10000000000000000"},
		{"([a])^(2)", "49"},
		{"(2)^(0.5) * (2)^(0.5)", "2"},
		// REDCap's exponent needs both sides in parentheses
		{"([a])^2", ""},
		{"[a]^(2)", ""},
		// blanks and division by zero
		{"[blank] + 1", ""},
		{"[a] * [nope]", ""},
		{"[a] / [z]", ""},
		{"[a] / 0", ""},
		{"sqrt(-1)", ""},
		// functions
		{"round([a] / [b])", "4"},
		{"round(2.345, 2)", "2.35"},
		{"round(-2.5)", "-3"},
		{"round(1.005, 2)", "1.01"},
		{"roundup(14.381, 1)", "14.4"},
		{"rounddown(14.389, 1)", "14.3"},
		{"sqrt([a] * 7)", "7"},
		{"abs([b] - [a])", "5"},
		{"min([a], [b], [blank])", "2"},
		{"max([a], [b], 10)", "10"},
		{"mean([a], [b], [blank])", "4.5"},
		{"median(3, 1, [a], 2)", "2.5"},
		{"sum([a], [b], [blank])", "9"},
		{"sum([blank])", ""},
		{"round(sqrt(sum([a], 2)) * mean(4, 6), 1)", "15"},
		{"if([a] > 5, [a] * 10, 0)", "70"},
		{"if([blank] = '', 1, 2)", "1"},
		{"if(isblankormissingcode([blank]), 0, [a])", "0"},
		{"if(isnumber([a]) and isinteger([b]), 1, 0)", "1"},
		{"if([a] > 5 and ([b] = 2 or [b] = 3), round([a] / 3, 2), 'x')", "2.33"},
		{"if([a] > 50, 1, 'text')", ""},
		// checkboxes
		{"[cb(1)] + [cb(2)] + [cb(A_B)]", "2"},
		// datediff
		{`datediff([d1], [d2], "d")`, "60"},
		{`datediff([d2], [d1], "d")`, "60"},
		{`datediff([d2], [d1], "d", "ymd", true)`, "-60"},
		{`datediff([d1], [d2], "d", true)`, "60"},
		{`datediff([d1], [t1], "h")`, "12.5"},
		{`datediff([d1], [t1], "m")`, "750"},
		{`datediff([d1], [t1], "s")`, "45000"},
		{`rounddown(datediff('2000-02-29', '2024-02-28', "y"), 0)`, "23"},
		{`round(datediff([d1], [d2], "M"), 2)`, "1.97"},
		{`datediff('03/01/2024', [d1], "d", "mdy")`, "60"},
		{`datediff('01-03-2024', [d1], "d", "dmy")`, "60"},
		{`datediff([d1], [blank], "d")`, ""},
		{`datediff([d1], 'soon', "d")`, ""},
		// syntax errors
		{"[a] +", ""},
		{"round([a]", ""},
	}
	for _, tc := range tests {
		n, err := parseLogic(tc.expr)
		got := ""
		if err == nil {
			got = s.st.calcValue(n, rec, rowKey{})
		}
		if got != tc.want {
			t.Errorf("%s = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for f, want := range map[float64]string{0: "0", 25: "25", -0.5: "-0.5", 1e-7: "0.0000001", 1e20: "100000000000000000000", 22.700000000000003: "22.7"} {
		if got := formatNumber(f); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", f, got, want)
		}
	}
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
		{"calc column in the import", `[{"record_id":"1","total":"5"},{"record_id":"2","a":"2","b":"2"}]`, map[string]string{"1": "", "2": ""}},
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
