package redcap_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// studyCSV is a small classic project: a text field, an integer, a checkbox with a negative code.
const studyCSV = `"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"
record_id,baseline,,text,"Record ID",,,,,,,,,,,,,
name,baseline,,text,"Name",,,,,,,,,,,,,
age,baseline,,text,"Age",,,integer,0,120,,,,,,,,
race,baseline,,checkbox,"Race","1, White | -1, Declined",,,,,,,,,,,,
`

// person is a hand-written stand-in for a generated record of studyCSV.
type person struct {
	ID, Name, Age     string
	Race1, RaceMinus1 string
	BaselineComplete  string
}

var studySchema = sync.OnceValue(func() *redcap.Schema {
	return &redcap.Schema{
		RecordIDField: "record_id",
		Layout:        redcap.NewLayout("record_id", "name", "age", "race___1", "race____1", "baseline_complete"),
		Fields: []redcap.FieldRule{
			{Name: "record_id", GoName: "ID", Form: "baseline", Type: "text"},
			{Name: "name", GoName: "Name", Form: "baseline", Type: "text"},
			{Name: "age", GoName: "Age", Form: "baseline", Type: "text", Validation: "integer"},
			{Name: "race", GoName: "Race", Form: "baseline", Type: "checkbox", CheckboxColumns: []string{"race___1", "race____1"}},
			{Name: "baseline_complete", GoName: "BaselineComplete", Form: "baseline", Type: "form_status"},
		},
	}
})

func (s *person) Schema() *redcap.Schema { return studySchema() }
func (s *person) RecordID() string       { return s.ID }

// Validate checks age and race with the shared rules, as generated code does.
func (s *person) Validate(v *redcap.Validator) {
	schema := s.Schema()
	age, _ := schema.Field("age")
	race, _ := schema.Field("race")
	v.At(s.ID, "", "", 0)
	v.Value(age, s.Age)
	v.Checkbox(race, []string{s.Race1, s.RaceMinus1})
}

// Recycle empties the record (the test record keeps no storage worth reusing).
func (s *person) Recycle() { *s = person{} }

func (s *person) DecodeRows(rows []redcap.Row) error {
	for _, r := range rows {
		s.ID, s.Name, s.Age, s.Race1, s.RaceMinus1, s.BaselineComplete = r.Get(0), r.Get(1), r.Get(2), r.Get(3), r.Get(4), r.Get(5)
	}
	return nil
}

func (s *person) EncodeRows(dst []redcap.Row) ([]redcap.Row, error) {
	r := redcap.NewRow(s.Schema().Layout)
	for i, v := range []string{s.ID, s.Name, s.Age, s.Race1, s.RaceMinus1, s.BaselineComplete} {
		r.Set(i, v)
	}
	return append(dst, r), nil
}

// startFake runs redcaptest with studyCSV and returns a client for it.
func startFake(t *testing.T, opts ...redcaptest.Option) (*redcaptest.Server, *redcap.Client) {
	t.Helper()
	p, err := dictionary.Read("study.csv", []byte(studyCSV))
	if err != nil {
		t.Fatal(err)
	}
	srv := redcaptest.NewServer(p, opts...)
	t.Cleanup(srv.Close)
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte(srv.Token()), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := redcap.NewClient(srv.URL(), redcap.TokenFromFile(path), redcap.WithRetry(3, time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

func people(n int) []person {
	out := make([]person, n)
	for i := range out {
		id := string(rune('a' + i))
		out[i] = person{ID: id, Name: "Name " + id, Age: "4" + string(rune('0'+i)), Race1: "1", RaceMinus1: "0", BaselineComplete: "2"}
	}
	return out
}

func TestFakeImportThenStream(t *testing.T) {
	_, c := startFake(t)
	ctx := context.Background()
	in := people(5)
	res, err := redcap.Import(ctx, c, in, redcap.ImportOptions{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Batches) != 3 || len(res.Landed()) != 5 {
		t.Fatalf("%+v", res)
	}
	out, err := redcap.ExportAll[person](ctx, c, redcap.ExportOptions{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Fatalf("export differs from import (-in +out):\n%s", diff)
	}
	names, err := redcap.ExportAll[person](ctx, c, redcap.ExportOptions{Fields: []string{"name"}, FilterLogic: "[age] > 42"})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 2 || names[0].ID != "d" || names[0].Age != "" || names[0].Name != "Name d" {
		t.Fatalf("filtered export: %+v", names)
	}
}

func TestFakeDesignReads(t *testing.T) {
	_, c := startFake(t)
	ctx := context.Background()
	if v, err := c.Version(ctx); err != nil || v == "" {
		t.Fatalf("version %q %v", v, err)
	}
	for name, call := range map[string]func() (int, error){
		"arms":      func() (int, error) { a, err := c.Arms(ctx); return len(a), err },
		"events":    func() (int, error) { a, err := c.Events(ctx); return len(a), err },
		"mappings":  func() (int, error) { a, err := c.FormEventMappings(ctx); return len(a), err },
		"repeating": func() (int, error) { a, err := c.RepeatingFormsEvents(ctx); return len(a), err },
	} {
		if n, err := call(); err != nil || n != 0 {
			t.Errorf("%s on a classic project: %d items, err %v", name, n, err)
		}
	}
	cols, err := c.ExportFieldNames(ctx, "race")
	if err != nil || len(cols) != 2 || cols[1].ExportFieldName != "race____1" {
		t.Fatalf("%+v %v", cols, err)
	}
	fields, err := c.MetadataFields(ctx, nil, nil)
	if err != nil || len(fields) != 4 || fields[2].TextValidationTypeOrShowSliderNumber != "integer" {
		t.Fatalf("%+v %v", fields, err)
	}
}

func TestFakeImportFailsAtBatchTwo(t *testing.T) {
	srv, c := startFake(t, redcaptest.FailAtImport(2))
	ctx := context.Background()
	res, err := redcap.Import(ctx, c, people(6), redcap.ImportOptions{BatchSize: 2})
	if err == nil {
		t.Fatal("want an error")
	}
	var got []redcap.BatchStatus
	for _, b := range res.Batches {
		got = append(got, b.Status)
	}
	if diff := cmp.Diff([]redcap.BatchStatus{redcap.BatchLanded, redcap.BatchUncertain, redcap.BatchNotSent}, got); diff != "" {
		t.Fatalf("statuses (-want +got):\n%s", diff)
	}
	imports := 0
	for _, r := range srv.Requests() {
		if r.Content == "record" && r.Action == "import" {
			imports++
		}
	}
	if imports != 2 {
		t.Fatalf("server saw %d imports, want 2 (no retry, batch 3 not sent)", imports)
	}
	stored, err := redcap.ExportAll[person](ctx, c, redcap.ExportOptions{})
	if err != nil || len(stored) != 2 {
		t.Fatalf("stored %d records, err %v", len(stored), err)
	}
}

func TestFakeRefusedValuesNamed(t *testing.T) {
	_, c := startFake(t)
	in := people(2)
	in[1].Age = "forty"
	_, err := redcap.Import(context.Background(), c, in, redcap.ImportOptions{SkipPreflight: true})
	var ae *redcap.APIError
	if !errors.As(err, &ae) || !errors.Is(err, redcap.ErrBadRequest) || len(ae.Values) != 1 {
		t.Fatalf("err %v", err)
	}
	v := ae.Values[0]
	if v.Record != "b" || v.Field != "age" || v.GoField != "Age" || v.Value != "forty" || !strings.Contains(err.Error(), `record "b" field age (Age) value "forty"`) {
		t.Fatalf("%+v", v)
	}
}

func TestFakePreflightStopsBadBatch(t *testing.T) {
	srv, c := startFake(t)
	in := people(4)
	in[2].Age = "forty"
	in[3].Race1 = "yes"
	res, err := redcap.Import(context.Background(), c, in, redcap.ImportOptions{BatchSize: 2})
	var ve *redcap.ValidationError
	if !errors.As(err, &ve) || len(ve.Errors()) != 2 {
		t.Fatalf("want a *ValidationError with 2 errors, got %v", err)
	}
	for _, want := range []string{`record "c" field "age" (Age): value "forty"`, `record "d" field "race___1" (Race): value "yes"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if res.Batches[0].Status != redcap.BatchLanded || res.Batches[1].Status != redcap.BatchRefused {
		t.Fatalf("%+v", res.Batches)
	}
	if n := len(srv.Records()); n != 2 {
		t.Fatalf("server holds %d records, want the 2 of batch 1", n)
	}
}

func TestFakeReadsRetried(t *testing.T) {
	_, c := startFake(t, redcaptest.FailNext(2, http.StatusServiceUnavailable))
	if _, err := c.Instruments(context.Background()); err != nil {
		t.Fatalf("two 503s should be retried: %v", err)
	}
	_, c = startFake(t, redcaptest.FailNext(5, http.StatusServiceUnavailable))
	if _, err := c.Instruments(context.Background()); !errors.Is(err, redcap.ErrServer) {
		t.Fatalf("want ErrServer after retries, got %v", err)
	}
}

func TestFakeWrongToken(t *testing.T) {
	srv, _ := startFake(t)
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := redcap.NewClient(srv.URL(), redcap.TokenFromFile(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ProjectInfo(context.Background()); !errors.Is(err, redcap.ErrPermission) {
		t.Fatalf("want ErrPermission, got %v", err)
	}
}
