package long

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// Long choice lists are tables searched by code; these tests check that they answer as the
// switches of short lists do: exact text codes, dictionary order, labels, sets and the codec.

func TestLongEnumLookups(t *testing.T) {
	tests := []struct {
		code  string
		ok    bool
		label string
	}{
		{"1", true, "Drug 1"},
		{"9", true, "Drug 9"},
		{"10", true, "Drug 10"},
		{"260", true, "Drug 260"},
		{"261", false, ""},
		{"01", false, ""}, // codes are text
		{"", false, ""},
		{"1 ", false, ""},
	}
	for _, tt := range tests {
		got, ok := ParseDrug(tt.code)
		if ok != tt.ok || (ok && string(got) != tt.code) || (!ok && got != "") {
			t.Errorf("ParseDrug(%q) = %q, %v; want ok %v", tt.code, got, ok, tt.ok)
		}
		if l := Drug(tt.code).Label(); l != tt.label {
			t.Errorf("Drug(%q).Label() = %q, want %q", tt.code, l, tt.label)
		}
		// An alias answers through the declaring type.
		if a, ok := ParseDrug(tt.code); ok != tt.ok || Drug2(a) != a {
			t.Errorf("Drug2 parse of %q differs", tt.code)
		}
	}
	vals := DrugValues()
	if len(vals) != 260 || vals[0] != DrugDrug1 || vals[9] != DrugDrug10 || vals[259] != DrugDrug260 {
		t.Errorf("DrugValues() = %v, want 1..260 in dictionary order", vals)
	}
	vals[0] = "changed"
	if DrugValues()[0] != DrugDrug1 {
		t.Error("DrugValues returns the table itself, not a copy")
	}
	for i, v := range DrugValues() {
		if want := fmt.Sprintf("Drug %d", i+1); v.Label() != want {
			t.Errorf("label of %q = %q, want %q", v, v.Label(), want)
		}
	}
}

func TestLongCheckboxSet(t *testing.T) {
	var s SitesSet
	for _, c := range []Sites{SitesSite260, SitesSite9, SitesSite10, SitesSite1} {
		if !s.Set(c) {
			t.Fatalf("Set(%q) = false", c)
		}
	}
	if s.Set("9") || s.Set("1") || s.Set("09") {
		t.Error(`Set of a code that is not a choice ("9" is not "009") succeeded`)
	}
	want := []Sites{SitesSite1, SitesSite9, SitesSite10, SitesSite260}
	if got := s.Checked(); !slices.Equal(got, want) {
		t.Errorf("Checked() = %v, want %v", got, want)
	}
	if !s.Has(SitesSite9) || s.Has(SitesSite2) {
		t.Error("Has disagrees with Set")
	}
	if !s.Clear(SitesSite9) || s.Has(SitesSite9) {
		t.Error("Clear did not uncheck")
	}
	raw := s.Raw()
	if len(raw) != 260 || raw[0] != "1" || raw[259] != "1" || raw[8] != "0" || raw[1] != "" {
		t.Errorf("Raw() = %q", raw)
	}
}

func TestLongCodecRoundTrip(t *testing.T) {
	cols := schema.Layout.Columns()
	values := map[string]string{"record_id": "7", "drug": "10", "drug_2": "9", "level": "200", "dose": "2", "meds_complete": "0"}
	for i, c := range cols {
		if strings.HasPrefix(c, "sites___") {
			values[c] = []string{"0", "1", ""}[i%3]
		}
	}
	var body strings.Builder
	body.WriteString("[{")
	for i, c := range cols {
		if i > 0 {
			body.WriteString(",")
		}
		fmt.Fprintf(&body, "%q:%q", c, values[c])
	}
	body.WriteString("}]")
	var recs []*Record
	if err := redcap.ReadRecords[Record](strings.NewReader(body.String()), func(r *Record) error {
		recs = append(recs, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("decoded %d records, want 1", len(recs))
	}
	r := recs[0]
	if d, ok := r.Meds.Drug.Get(); !ok || d != DrugDrug10 || d.Label() != "Drug 10" {
		t.Errorf("Drug = %v", r.Meds.Drug)
	}
	if d, ok := r.Meds.Drug2.Get(); !ok || d != DrugDrug9 {
		t.Errorf("Drug2 = %v", r.Meds.Drug2)
	}
	rows, err := r.EncodeRows(nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cols {
		if got := rows[0].Get(i); got != values[c] {
			t.Errorf("column %s encodes %q, want %q", c, got, values[c])
		}
	}
}

// The lookups of a table (Drug, 260 choices) and of switches (Level, 256 choices, the longest
// list that keeps them) over every code of the list and one that is not a choice, per lookup:
//
//	go test ./golden/long_choice_lists/want -run '^$' -bench . -count 6 | benchstat -col /list -
func BenchmarkParse(b *testing.B) {
	b.Run("list=table", func(b *testing.B) { benchParse(b, DrugValues(), ParseDrug) })
	b.Run("list=switch", func(b *testing.B) { benchParse(b, LevelValues(), ParseLevel) })
}

func BenchmarkLabel(b *testing.B) {
	b.Run("list=table", func(b *testing.B) { benchLabel(b, DrugValues()) })
	b.Run("list=switch", func(b *testing.B) { benchLabel(b, LevelValues()) })
}

// benchParse parses every code of values and one that is not a choice, per iteration.
func benchParse[E ~string](b *testing.B, values []E, parse func(string) (E, bool)) {
	codes := make([]string, 0, len(values)+1)
	for _, v := range values {
		codes = append(codes, string(v))
	}
	codes = append(codes, "not a code")
	found := 0
	for b.Loop() {
		for _, c := range codes {
			if _, ok := parse(c); ok {
				found++
			}
		}
	}
	if found != b.N*len(values) {
		b.Fatalf("found %d codes, want %d", found, b.N*len(values))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(codes)), "ns/lookup")
}

// benchLabel asks every value of values for its label, per iteration.
func benchLabel[E interface {
	~string
	Label() string
}](b *testing.B, values []E) {
	n := 0
	for b.Loop() {
		for _, v := range values {
			n += len(v.Label())
		}
	}
	if n == 0 {
		b.Fatal("no labels")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(values)), "ns/lookup")
}
