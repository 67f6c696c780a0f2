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
	"github.com/redcapgen/redcapgen/runtime/redcapimpl"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// medsCSV is a classic project with a repeating instrument "meds".
const medsCSV = `"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"
record_id,enroll,,text,"Record ID",,,,,,,,,,,,,
med_name,meds,,text,"Medication",,,,,,,,,,,,,
`

// medsRecord is a hand-written stand-in for a generated record of medsCSV: the instances of
// "meds", each holding med_name.
type medsRecord struct {
	ID   string
	Meds []redcap.Instance[string]
}

var medsSchema = sync.OnceValue(func() *redcap.Schema {
	return &redcap.Schema{
		RecordIDField: "record_id",
		Layout:        redcap.NewLayout("record_id", "redcap_repeat_instrument", "redcap_repeat_instance", "enroll_complete", "med_name", "meds_complete"),
		Fields: []redcap.FieldRule{
			{Name: "record_id", GoName: "ID", Form: "enroll", Type: "text"},
			{Name: "med_name", GoName: "MedName", Form: "meds", Type: "text"},
		},
	}
})

func (m *medsRecord) Schema() *redcap.Schema     { return medsSchema() }
func (m *medsRecord) RecordID() string           { return m.ID }
func (m *medsRecord) Validate(*redcap.Validator) {}

// Recycle empties the record (the test record keeps no storage worth reusing).
func (m *medsRecord) Recycle() { *m = medsRecord{} }

func (m *medsRecord) DecodeRows(rows []redcap.Row) error {
	for _, r := range rows {
		m.ID = r.Get(0)
		if n, ok := redcapimpl.ParseInstance(r.Get(2)); ok && r.Get(1) == "meds" {
			m.Meds = append(m.Meds, redcap.Instance[string]{Number: n, Data: r.Get(4)})
		}
	}
	return nil
}

func (m *medsRecord) EncodeRows(dst []redcap.Row) ([]redcap.Row, error) {
	for _, inst := range m.Meds {
		r := redcap.NewRow(m.Schema().Layout)
		for i, v := range []string{m.ID, "meds", redcapimpl.FormatInstance(inst.Number), "", inst.Data, ""} {
			r.Set(i, v)
		}
		dst = append(dst, r)
	}
	return dst, nil
}

// startMeds runs redcaptest for medsCSV loaded with rows and returns a client without retries.
func startMeds(t *testing.T, rows []map[string]string, opts ...redcaptest.Option) (*redcaptest.Server, *redcap.Client) {
	t.Helper()
	p, err := dictionary.Read("meds.csv", []byte(medsCSV))
	if err != nil {
		t.Fatal(err)
	}
	p.Repeating = []dictionary.Repeat{{Form: "meds"}}
	srv := redcaptest.NewServer(p, opts...)
	t.Cleanup(srv.Close)
	if err := srv.Load(rows); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte(srv.Token()), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := redcap.NewClient(srv.URL(), redcap.TokenFromFile(path), redcap.WithRetry(0, time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// storedMeds lists the stored meds instances as "record#instance=name".
func storedMeds(srv *redcaptest.Server) []string {
	var out []string
	for _, r := range srv.Records() {
		if r["redcap_repeat_instrument"] == "meds" {
			out = append(out, r["record_id"]+"#"+r["redcap_repeat_instance"]+"="+r["med_name"])
		}
	}
	return out
}

func TestImportNewInstances(t *testing.T) {
	stored := []map[string]string{
		{"record_id": "1", "redcap_repeat_instrument": "meds", "redcap_repeat_instance": "1", "med_name": "A"},
		{"record_id": "1", "redcap_repeat_instrument": "meds", "redcap_repeat_instance": "3", "med_name": "C"},
	}
	newMed := func(name string) redcap.Instance[string] {
		return redcap.Instance[string]{Number: redcap.NewInstanceNumber, Data: name}
	}
	tests := []struct {
		name       string
		records    []medsRecord
		batchSize  int
		want       []redcap.NewInstance
		wantStored []string
	}{
		{
			name:       "after the highest instance, in the order sent",
			records:    []medsRecord{{ID: "1", Meds: []redcap.Instance[string]{newMed("D"), newMed("E")}}},
			want:       []redcap.NewInstance{{Record: "1", Instrument: "meds", Number: 4}, {Record: "1", Instrument: "meds", Number: 5}},
			wantStored: []string{"1#1=A", "1#3=C", "1#4=D", "1#5=E"},
		},
		{
			name: "one per batch, a new record numbered from 1",
			records: []medsRecord{
				{ID: "1", Meds: []redcap.Instance[string]{{Number: 3, Data: "C2"}, newMed("D")}},
				{ID: "2", Meds: []redcap.Instance[string]{newMed("X")}},
			},
			batchSize:  1,
			want:       []redcap.NewInstance{{Record: "1", Instrument: "meds", Number: 4}, {Record: "2", Instrument: "meds", Number: 1}},
			wantStored: []string{"1#1=A", "1#3=C2", "1#4=D", "2#1=X"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := startMeds(t, stored)
			res, err := redcap.Import(context.Background(), c, tt.records, redcap.ImportOptions{BatchSize: tt.batchSize})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, res.NewInstances); diff != "" {
				t.Errorf("NewInstances (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantStored, storedMeds(srv)); diff != "" {
				t.Errorf("stored instances (-want +got):\n%s", diff)
			}
		})
	}
}

// TestImportNewInstancesNothingSentWhenUnreadable: when the records cannot be exported before a
// batch with new instances, the batch is not sent.
func TestImportNewInstancesNothingSentWhenUnreadable(t *testing.T) {
	srv, c := startMeds(t, nil, redcaptest.FailNext(1, http.StatusServiceUnavailable))
	recs := []medsRecord{{ID: "1", Meds: []redcap.Instance[string]{{Number: redcap.NewInstanceNumber, Data: "A"}}}}
	res, err := redcap.Import(context.Background(), c, recs, redcap.ImportOptions{})
	var be *redcap.BatchError
	if !errors.As(err, &be) || be.Status != redcap.BatchFailed || !strings.Contains(err.Error(), "nothing was sent") {
		t.Fatalf("error %v, want a failed batch saying nothing was sent", err)
	}
	if len(res.NewInstances) != 0 || len(storedMeds(srv)) != 0 {
		t.Errorf("new instances %v, stored %v after a batch that was not sent", res.NewInstances, storedMeds(srv))
	}
}
