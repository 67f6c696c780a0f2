package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/examples/longitudinal/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// validationDay pins "today" for the dob range, so the output never changes.
func validationDay() time.Time { return time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC) }

// showValidation validates a record with bad values in several events and instances, prints
// each violation with its event and instance, and shows Import refusing it before sending.
func showValidation(ctx context.Context, client *redcap.Client, out io.Writer) error {
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

// adverseEventRow is one adverse event with where it was recorded.
type adverseEventRow struct {
	record, event string
	instance      int
	ae            study.AdverseEvents
}

// adverseEventsOf lists a record's adverse events from the follow-up instrument instances and
// the phone-call event instances.
func adverseEventsOf(rec *study.Record) []adverseEventRow {
	var rows []adverseEventRow
	if f := rec.FollowUpArm1; f != nil {
		for _, inst := range f.AdverseEvents {
			rows = append(rows, adverseEventRow{rec.ID, "follow_up_arm_1", inst.Number, inst.Data})
		}
	}
	for _, inst := range rec.PhoneCallArm1 {
		rows = append(rows, adverseEventRow{rec.ID, "phone_call_arm_1", inst.Number, inst.Data.AdverseEvents})
	}
	return rows
}

// summarize groups exported records across events and instances.
func summarize(records []study.Record, out io.Writer) {
	fmt.Fprintf(out, "\nExported %d records\n", len(records))
	fmt.Fprintln(out, "Weight change, baseline to follow-up:")
	for i := range records {
		fmt.Fprintf(out, "  %s: %s\n", records[i].ID, weightChange(&records[i]))
	}
	var events []adverseEventRow
	for i := range records {
		events = append(events, adverseEventsOf(&records[i])...)
	}
	fmt.Fprintf(out, "Adverse events (%d):\n", len(events))
	for _, e := range events {
		severity, _ := e.ae.AeSeverity.Get()
		fmt.Fprintf(out, "  record %s, %s #%d: %s, onset %s, %s\n", e.record, e.event, e.instance,
			e.ae.AeTerm.Raw(), e.ae.AeOnset.Raw(), severity.Label())
	}
	fmt.Fprintln(out, "By severity:")
	for _, s := range study.AeSeverityValues() {
		n, serious := 0, 0
		for _, e := range events {
			if got, ok := e.ae.AeSeverity.Get(); ok && got == s {
				n++
				if yes, ok := e.ae.AeSerious.Get(); ok && yes == study.AeSeriousYes {
					serious++
				}
			}
		}
		fmt.Fprintf(out, "  %-9s %d (%d serious)\n", s.Label(), n, serious)
	}
}

// weightChange describes a record's weight change between its baseline and follow-up visits.
func weightChange(rec *study.Record) string {
	if rec.BaselineArm1 == nil || rec.FollowUpArm1 == nil {
		return "no follow-up visit"
	}
	before, ok1 := rec.BaselineArm1.Visit.WeightKg.Get()
	after, ok2 := rec.FollowUpArm1.Visit.WeightKg.Get()
	b, okB := before.Rat()
	a, okA := after.Rat()
	if !ok1 || !ok2 || !okB || !okA {
		return "weight not recorded at both visits"
	}
	return fmt.Sprintf("%s kg -> %s kg (%s kg)", before, after, new(big.Rat).Sub(a, b).FloatString(1))
}
