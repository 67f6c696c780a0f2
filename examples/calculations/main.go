// Command calculations shows REDCap's logic as code, without a REDCap server: it reads a saved
// export of a study's records into the generated types, recomputes every calculated field as
// REDCap would store it and lists the stale values, evaluates branching logic, and runs the data
// quality rules of the project's logic (hidden values, required fields where shown, stale
// calculations). Then it imports the records into the in-process fake REDCap (started from the
// generated package's embedded snapshot), which computes the same values, exports them with a
// filterLogic, and shows a mistyped filter refused before anything is sent.
//
// Run it from the repository root:
//
//	go run ./examples/calculations
//
// 'today' is pinned to 2 December 2026, so ages and the output stay the same every day.
package main

//go:generate go run ../../cmd/redcapgen -dict study.csv -package study -out study

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/examples/calculations/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

//go:embed data.json
var savedExport string

// today is the pinned clock of the example.
var today = time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)

const tokenVar = "REDCAP_API_TOKEN"

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "calculations: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out io.Writer) error {
	var records []*study.Record
	err := redcap.ReadRecords[study.Record](strings.NewReader(savedExport), func(r *study.Record) error {
		records = append(records, r)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read the saved export: %w", err)
	}

	fmt.Fprintln(out, "Data quality (warnings; REDCap imports these values):")
	// The records come from an export, so values of calc fields are expected: RuleReadOnly is left out.
	v := redcap.NewValidator(study.Schema(), redcap.ValidatorOptions{Now: today, Logic: true, Skip: []string{redcap.RuleReadOnly}})
	for _, r := range records {
		r.Validate(v)
	}
	for _, x := range v.Violations() {
		fmt.Fprintf(out, "  record %s field %s [%s]: %s\n", x.Record, x.Field, x.Rule, x.Message)
	}

	fmt.Fprintln(out, "Recalculated as REDCap would store them (Apply writes them into the records):")
	for _, r := range records {
		stale, err := redcap.Recalculate(r, redcap.LogicOptions{Now: today, Apply: true})
		if err != nil {
			return err
		}
		for _, s := range stale {
			fmt.Fprintf(out, "  %s\n", s)
		}
	}

	fmt.Fprintln(out, "Branching: does \"cigs_per_day\" apply?")
	for _, r := range records {
		shown, err := redcap.Applies(r, "cigs_per_day", "", 0, redcap.LogicOptions{Now: today})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "  record %s (smoker %q): %v\n", r.ID, r.Baseline.Smoker.Raw(), shown)
	}

	return roundTrip(ctx, out, records)
}

// roundTrip imports the recalculated records into the fake REDCap, exports the overweight ones
// with a filterLogic, and tries a mistyped filter.
func roundTrip(ctx context.Context, out io.Writer, records []*study.Record) error {
	server, err := redcaptest.NewServerFromSnapshot(study.Snapshot, redcaptest.WithClock(func() time.Time { return today }))
	if err != nil {
		return fmt.Errorf("start the fake REDCap: %w", err)
	}
	defer server.Close()
	if err := os.Setenv(tokenVar, server.Token()); err != nil {
		return err
	}
	client, err := redcap.NewClient(server.URL(), redcap.TokenFromEnv(tokenVar))
	if err != nil {
		return err
	}
	plain := make([]study.Record, len(records))
	for i, r := range records {
		plain[i] = *r
	}
	// RecomputeCalcs leaves the calculated columns out, so that REDCap computes them.
	if _, err := redcap.Import(ctx, client, plain, redcap.ImportOptions{RecomputeCalcs: true}); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	heavy, err := redcap.ExportAll[study.Record](ctx, client, redcap.ExportOptions{FilterLogic: "[bmi] >= 25"})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintln(out, "Fake REDCap, filterLogic [bmi] >= 25:")
	for _, r := range heavy {
		fmt.Fprintf(out, "  record %s: bmi %s (%s)\n", r.ID, r.Baseline.BMI.Raw(), r.Baseline.BMIClass.Raw())
	}
	_, err = redcap.ExportAll[study.Record](ctx, client, redcap.ExportOptions{FilterLogic: "[bmi] >= 25 and [smokr] = '1'"})
	fmt.Fprintf(out, "A mistyped filter is refused before sending:\n  %v\n", err)
	return nil
}
