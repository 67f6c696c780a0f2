package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// validationDay pins "today" for the dob range (1900-01-01..today), so the output never changes.
func validationDay() time.Time { return time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC) }

// showPreflight validates a bad record, prints every violation, and shows that Import refuses
// the batch before sending anything.
func showPreflight(ctx context.Context, client *redcap.Client, out io.Writer) error {
	bad := badRecord()
	v := redcap.NewValidator(study.Schema(), redcap.ValidatorOptions{Now: validationDay()})
	bad.Validate(v)
	fmt.Fprintf(out, "\nPre-flight validation of record %q:\n", bad.ID)
	for _, line := range strings.Split(v.Summary(), "\n") {
		fmt.Fprintf(out, "  %s\n", strings.ReplaceAll(line, "\t", "  "))
	}
	_, err := redcap.Import(ctx, client, []study.Record{bad}, redcap.ImportOptions{})
	var verr *redcap.ValidationError
	if !errors.As(err, &verr) {
		return fmt.Errorf("import of an invalid record: want a validation error, got %v", err)
	}
	fmt.Fprintf(out, "Import refused it before sending: %d values REDCap would reject\n", len(verr.Errors()))
	return nil
}

// summarize streams every record back and prints counts and means.
func summarize(ctx context.Context, client *redcap.Client, out io.Writer) error {
	bySex := map[study.Sex]int{}
	byRace := map[study.Race]int{}
	var heights []redcap.Number
	smokers, records := 0, 0
	for rec, err := range redcap.Stream[study.Record](ctx, client, redcap.ExportOptions{BatchSize: 2}) {
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		records++
		if sex, ok := rec.Demographics.Sex.Get(); ok {
			bySex[sex]++
		}
		for _, race := range rec.Demographics.Race.Checked() {
			byRace[race]++
		}
		if h, ok := rec.Demographics.HeightCm.Get(); ok {
			heights = append(heights, h)
		}
		if smoker, ok := rec.Visit.Smoker.Get(); ok && smoker == study.SmokerYes {
			smokers++
		}
	}
	fmt.Fprintf(out, "\nExported %d records\n", records)
	fmt.Fprintln(out, "By sex:")
	for _, sex := range study.SexValues() {
		fmt.Fprintf(out, "  %-8s %d\n", sex.Label(), bySex[sex])
	}
	fmt.Fprintln(out, "By race (checkbox, a record may tick several):")
	for _, race := range study.RaceValues() {
		fmt.Fprintf(out, "  %-26s %d\n", race.Label(), byRace[race])
	}
	mean, err := meanOf(heights)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Mean height: %s cm (%d values)\n", mean, len(heights))
	fmt.Fprintf(out, "Smokers: %d of %d\n", smokers, records)
	return nil
}

// meanOf averages exact decimal numbers and rounds to two decimals.
func meanOf(values []redcap.Number) (string, error) {
	if len(values) == 0 {
		return "n/a", nil
	}
	sum := new(big.Rat)
	for _, n := range values {
		r, ok := n.Rat()
		if !ok {
			return "", fmt.Errorf("height %q is not a number", n)
		}
		sum.Add(sum, r)
	}
	return sum.Quo(sum, big.NewRat(int64(len(values)), 1)).FloatString(2), nil
}
