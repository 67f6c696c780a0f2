package redcap_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	quickstart "github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// quickstartDictionary is the dictionary the quickstart package was generated from.
func quickstartDictionary(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "quickstart", "study.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// driftGuardClient starts a fake serving dict (with one record, "1", already stored) and
// returns a client with WithDriftCheck and the fake.
func driftGuardClient(t *testing.T, dict string) (*redcap.Client, *redcaptest.Server) {
	t.Helper()
	p, err := dictionary.ReadCSV("study.csv", []byte(dict))
	if err != nil {
		t.Fatal(err)
	}
	srv := redcaptest.NewServer(p)
	t.Cleanup(srv.Close)
	if err := srv.LoadJSON([]byte(`[{"record_id":"1","first_name":"Ada","sex":"0"}]`)); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DRIFT_GUARD_TOKEN", srv.Token())
	c, err := redcap.NewClient(srv.URL(), redcap.TokenFromEnv("DRIFT_GUARD_TOKEN"), redcap.WithDriftCheck())
	if err != nil {
		t.Fatal(err)
	}
	return c, srv
}

// TestWithDriftCheck drives Stream and Import of a generated package through a client with
// WithDriftCheck: against a fake serving the package's own dictionary both work; against one
// whose dictionary changed since generation both refuse with the *DriftError before reading or
// writing any record.
func TestWithDriftCheck(t *testing.T) {
	same := quickstartDictionary(t)
	tests := []struct {
		name   string
		dict   string
		change string // a substring of the drift error; "" when the dictionaries agree
	}{
		{name: "undrifted", dict: same},
		{name: "choice removed", dict: strings.Replace(same, " | -9, Unknown", "", 1), change: `field "sex": choices changed`},
		{name: "validation changed", dict: strings.Replace(same, ",number,50,250", ",integer,50,250", 1), change: `field "height_cm": validation changed`},
		{name: "field added", dict: same + "notes,visit,,notes,Notes,,,,,,,,,,,,,\n", change: `field "notes": field added`},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/Stream", func(t *testing.T) {
			c, _ := driftGuardClient(t, tt.dict)
			var ids []string
			var err error
			for rec, e := range redcap.Stream[quickstart.Record](context.Background(), c, redcap.ExportOptions{}) {
				if e != nil {
					err = e
					break
				}
				ids = append(ids, rec.ID)
			}
			checkDriftOutcome(t, err, tt.change)
			if tt.change == "" && strings.Join(ids, ",") != "1" {
				t.Errorf("Stream yielded records %q, want the stored record 1", ids)
			}
			if tt.change != "" && len(ids) > 0 {
				t.Errorf("Stream yielded records %q of a drifted project, want none", ids)
			}
		})
		t.Run(tt.name+"/Import", func(t *testing.T) {
			c, srv := driftGuardClient(t, tt.dict)
			var rec quickstart.Record
			rec.ID = "2"
			rec.Demographics.FirstName = redcap.Of(redcap.Text("Ben"))
			res, err := redcap.Import(context.Background(), c, []quickstart.Record{rec}, redcap.ImportOptions{})
			checkDriftOutcome(t, err, tt.change)
			stored := storedIDs(srv)
			switch {
			case tt.change == "" && strings.Join(res.Landed(), ",") != "2":
				t.Errorf("Import landed %q, want record 2", res.Landed())
			case tt.change == "" && strings.Join(stored, ",") != "1,2":
				t.Errorf("the fake holds records %q after the import, want 1,2", stored)
			case tt.change != "" && strings.Join(stored, ",") != "1":
				t.Errorf("the fake holds records %q after a refused import, want only 1", stored)
			}
		})
	}
}

// checkDriftOutcome fails the test unless err is nil when change is empty, or a *DriftError
// naming change otherwise.
func checkDriftOutcome(t *testing.T, err error, change string) {
	t.Helper()
	if change == "" {
		if err != nil {
			t.Fatalf("err = %v, want nil", err)
		}
		return
	}
	var drift *redcap.DriftError
	if !errors.As(err, &drift) {
		t.Fatalf("err = %v, want a *DriftError", err)
	}
	if !strings.Contains(err.Error(), change) {
		t.Errorf("err = %v, want it to name %q", err, change)
	}
}

// storedIDs lists the record IDs the fake holds, in its order.
func storedIDs(srv *redcaptest.Server) []string {
	var ids []string
	for _, row := range srv.Records() {
		ids = append(ids, row["record_id"])
	}
	return ids
}
