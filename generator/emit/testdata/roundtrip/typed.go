package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"

	"redcapgen.test/corpus/classic"
	"redcapgen.test/corpus/fieldtypes"
	"redcapgen.test/corpus/longitudinal"
	"redcapgen.test/corpus/missingcodes"
	"redcapgen.test/corpus/repeating"
)

// typedProject is one fixture project served by redcaptest: the captured flat raw export that
// loads it, and its typed round trip.
type typedProject struct {
	name, exportCase string
	roundTrip        func(ctx context.Context, c *redcap.Client, overwrite bool) error
}

var typedProjects = []typedProject{
	{"classic", "classic_flat_raw_json", typedRoundTrip[classic.Record]},
	{"fieldtypes", "fieldtypes_flat_raw_json", typedRoundTrip[fieldtypes.Record]},
	{"longitudinal", "longitudinal_flat_raw_json", typedRoundTrip[longitudinal.Record]},
	{"repeating", "repeating_flat_raw_json", typedRoundTrip[repeating.Record]},
	{"missingcodes", "missingcodes_export_all", typedRoundTrip[missingcodes.Record]},
}

// runTyped serves every fixture project with its captured export, runs the typed round trip
// twice (normal, then overwrite) and the new-instance cases, and prints one line per outcome:
// "typed:<project>", "typed-overwrite:<project>", "newinstances:<case>".
func runTyped(designsPath string, exportFiles []string) error {
	var designs map[string]*dictionary.Project
	data, err := os.ReadFile(designsPath)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &designs); err != nil {
		return fmt.Errorf("%s: %w", designsPath, err)
	}
	bodies, err := caseBodies(exportFiles)
	if err != nil {
		return err
	}
	ctx := context.Background()
	for _, tp := range typedProjects {
		p, ok := designs[tp.name]
		if !ok {
			return fmt.Errorf("no design for %s", tp.name)
		}
		for _, overwrite := range []bool{false, true} {
			label := "typed:"
			if overwrite {
				label = "typed-overwrite:"
			}
			fmt.Printf("%s%s\t%s\n", label, tp.name, outcome(withFake(p, bodies[tp.exportCase], func(c *redcap.Client) error {
				return tp.roundTrip(ctx, c, overwrite)
			})))
		}
	}
	for _, nc := range newInstanceCases() {
		p := designs[nc.project]
		fmt.Printf("newinstances:%s\t%s\n", nc.name, outcome(withFake(p, bodies[nc.exportCase], func(c *redcap.Client) error {
			return nc.run(ctx, c)
		})))
	}
	return nil
}

// withFake starts redcaptest for p loaded with a flat JSON export and runs fn with a client.
func withFake(p *dictionary.Project, export string, fn func(*redcap.Client) error) error {
	if export == "" {
		return errors.New("the captured export is missing")
	}
	srv := redcaptest.NewServer(p)
	defer srv.Close()
	if err := srv.LoadJSON([]byte(export)); err != nil {
		return err
	}
	c, err := redcap.NewClient(srv.URL(), redcap.TokenFromGetenv("TOKEN", func(string) string { return srv.Token() }))
	if err != nil {
		return err
	}
	return fn(c)
}

// typedRoundTrip exports every record typed, imports them unchanged (pre-flight on) and requires
// the raw export after to equal the raw export before, as JSON values.
func typedRoundTrip[R any, P interface {
	*R
	redcap.Record
}](ctx context.Context, c *redcap.Client, overwrite bool) error {
	before, err := c.ExportRecordsRaw(ctx, redcap.ExportRequest{})
	if err != nil {
		return err
	}
	recs, err := redcap.ExportAll[R, P](ctx, c, redcap.ExportOptions{BatchSize: 2})
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return errors.New("no records exported")
	}
	res, err := redcap.Import[R, P](ctx, c, recs, redcap.ImportOptions{BatchSize: 2, Overwrite: overwrite})
	if err != nil {
		return err
	}
	if len(res.Landed()) != len(recs) || len(res.NewInstances) != 0 {
		return fmt.Errorf("%d of %d records landed, %d new instances", len(res.Landed()), len(recs), len(res.NewInstances))
	}
	after, err := c.ExportRecordsRaw(ctx, redcap.ExportRequest{})
	if err != nil {
		return err
	}
	if msg := sameJSON(before, after); msg != "" {
		return errors.New(msg)
	}
	return nil
}

// sameJSON compares two export bodies as JSON values and names the first differing row.
func sameJSON(before, after []byte) string {
	var a, b []map[string]any
	if err := json.Unmarshal(before, &a); err != nil {
		return "export before: " + err.Error()
	}
	if err := json.Unmarshal(after, &b); err != nil {
		return "export after: " + err.Error()
	}
	if len(a) != len(b) {
		return fmt.Sprintf("%d rows before, %d after", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			for k, v := range a[i] {
				if !reflect.DeepEqual(v, b[i][k]) {
					return fmt.Sprintf("row %d (record %v) column %s: %v before, %v after", i+1, a[i]["record_id"], k, v, b[i][k])
				}
			}
			return fmt.Sprintf("row %d (record %v): other columns after", i+1, a[i]["record_id"])
		}
	}
	return ""
}

// caseBodies reads the body of every case of the conformance files, by case name.
func caseBodies(files []string) (map[string]string, error) {
	out := map[string]string{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var c struct {
				Name string `json:"name"`
				Body string `json:"body"`
			}
			if json.Unmarshal(sc.Bytes(), &c) == nil {
				out[c.Name] = c.Body
			}
		}
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
