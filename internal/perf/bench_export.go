package main

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/internal/perf/perfdata"
	"github.com/redcapgen/redcapgen/internal/perf/regression"
	"github.com/redcapgen/redcapgen/internal/perf/wide50"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// smallProjectRecords is the size of a small project, where one raw export request is what a
// typed export is compared with.
const smallProjectRecords = 250

// exportFixture is a redcaptest server in this process, loaded with a project's records, and a
// client of it.
type exportFixture struct {
	name    string
	records int
	columns int // of a full export
	srv     *redcaptest.Server
	client  *redcap.Client
	typed   func(context.Context, *redcap.Client) (int, error)
}

// newExportFixture serves n generated records of p (rows from g) over loopback HTTP; columns is
// the width of a full export.
func newExportFixture(name string, p *dictionary.Project, g *perfdata.Generator, n, columns int, typed func(context.Context, *redcap.Client) (int, error)) (*exportFixture, error) {
	var rows []map[string]string
	if err := json.Unmarshal(g.JSON(1, n), &rows); err != nil {
		return nil, fmt.Errorf("export fixture %s: %w", name, err)
	}
	srv := redcaptest.NewServer(p)
	if err := srv.Load(rows); err != nil {
		srv.Close()
		return nil, fmt.Errorf("export fixture %s: load: %w", name, err)
	}
	tok := srv.Token()
	client, err := redcap.NewClient(srv.URL(), redcap.TokenFromGetenv("PERF_TOKEN", func(string) string { return tok }))
	if err != nil {
		srv.Close()
		return nil, fmt.Errorf("export fixture %s: %w", name, err)
	}
	return &exportFixture{name: name, records: n, columns: columns, srv: srv, client: client, typed: typed}, nil
}

// wide50ExportFixture is n records of the 50-field classic project.
func wide50ExportFixture(n int) (*exportFixture, error) {
	p, err := dictionary.ReadCSV("wide50.csv", wide50Dictionary)
	if err != nil {
		return nil, err
	}
	g, err := wide50Generator()
	if err != nil {
		return nil, err
	}
	return newExportFixture("wide50", p, g, n, new(wide50.Record).Schema().Layout.Len(), exportAllCount[wide50.Record])
}

// regressionExportFixture is n records of the regression-test project (781 fields, 2 events;
// the rows fill 8 forms of one event, every column of the project is exported).
func regressionExportFixture(n int) (*exportFixture, error) {
	path, err := sharedDictionary("redcap-regression-test.xml")
	if err != nil {
		return nil, err
	}
	p, err := dictionary.ReadFile(path)
	if err != nil {
		return nil, err
	}
	g, err := perfdata.New(perfdata.Spec{Schema: new(regression.Record).Schema(), Event: regressionEvent, Forms: regressionForms, Seed: 8})
	if err != nil {
		return nil, err
	}
	return newExportFixture("redcap-regression-test", p, g, n, new(regression.Record).Schema().Layout.Len(), exportAllCount[regression.Record])
}

// exportAllCount is what a user of a small project runs: redcap.ExportAll with default options.
func exportAllCount[R any, P interface {
	*R
	redcap.Record
}](ctx context.Context, c *redcap.Client) (int, error) {
	recs, err := redcap.ExportAll[R, P](ctx, c, redcap.ExportOptions{})
	return len(recs), err
}

// close stops the server.
func (fx *exportFixture) close() { fx.srv.Close() }

// benchTyped exports every record as typed values, the whole path: the record ID pass, the
// batches, decoding.
func (fx *exportFixture) benchTyped(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		n, err := fx.typed(b.Context(), fx.client)
		if err != nil || n != fx.records {
			b.Fatalf("exported %d records: %v", n, err)
		}
	}
}

// benchRaw is the baseline: one raw export request of every record, not decoded.
func (fx *exportFixture) benchRaw(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		body, err := fx.client.ExportRecordsRaw(b.Context(), redcap.ExportRequest{})
		if err != nil || len(body) < fx.records {
			b.Fatalf("raw export of %d bytes: %v", len(body), err)
		}
	}
}
