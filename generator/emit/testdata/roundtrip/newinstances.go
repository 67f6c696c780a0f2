package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/redcapgen/redcapgen/runtime/redcap"

	"redcapgen.test/corpus/longitudinal"
	"redcapgen.test/corpus/repeating"
)

// newInstanceCase imports records built in code whose instances are numbered 0 ("new") into a
// fixture project loaded with its captured export.
type newInstanceCase struct {
	name, project, exportCase string
	run                       func(ctx context.Context, c *redcap.Client) error
}

func newInstanceCases() []newInstanceCase {
	return []newInstanceCase{
		{"repeating_instrument", "repeating", "repeating_flat_raw_json", newMedications},
		{"longitudinal", "longitudinal", "longitudinal_flat_raw_json", newVisits},
		{"beside_explicit_number", "repeating", "repeating_flat_raw_json", newBesideExplicit},
		{"new_record", "repeating", "repeating_flat_raw_json", newRecordInstances},
	}
}

// medication returns a medications instance with a name.
func medication(number int, name string) redcap.Instance[repeating.Medications] {
	var m repeating.Medications
	m.MedName = redcap.Of(redcap.Text(name))
	return redcap.Instance[repeating.Medications]{Number: number, Data: m}
}

// newBesideExplicit sends an explicitly numbered instance before two new ones: the explicit one
// keeps its number and is not reported; the new ones follow it.
func newBesideExplicit(ctx context.Context, c *redcap.Client) error {
	before, err := exportOne[repeating.Record](ctx, c, "1")
	if err != nil {
		return err
	}
	top := highest(before.Medications)
	rec := repeating.Record{ID: "1", Medications: []redcap.Instance[repeating.Medications]{
		medication(top+5, "Explicit"), medication(redcap.NewInstanceNumber, "A"), medication(redcap.NewInstanceNumber, "B")}}
	res, err := redcap.Import(ctx, c, []repeating.Record{rec}, redcap.ImportOptions{})
	if err != nil {
		return err
	}
	want := []redcap.NewInstance{{Record: "1", Instrument: "medications", Number: top + 6}, {Record: "1", Instrument: "medications", Number: top + 7}}
	if !slices.Equal(res.NewInstances, want) {
		return fmt.Errorf("NewInstances %+v, want %+v", res.NewInstances, want)
	}
	return nil
}

// newRecordInstances creates a record whose instances are all new: they are numbered from 1.
func newRecordInstances(ctx context.Context, c *redcap.Client) error {
	rec := repeating.Record{ID: "n1", Medications: []redcap.Instance[repeating.Medications]{
		medication(redcap.NewInstanceNumber, "A"), medication(redcap.NewInstanceNumber, "B")}}
	res, err := redcap.Import(ctx, c, []repeating.Record{rec}, redcap.ImportOptions{})
	if err != nil {
		return err
	}
	want := []redcap.NewInstance{{Record: "n1", Instrument: "medications", Number: 1}, {Record: "n1", Instrument: "medications", Number: 2}}
	if !slices.Equal(res.NewInstances, want) {
		return fmt.Errorf("NewInstances %+v, want %+v", res.NewInstances, want)
	}
	return nil
}

// newMedications adds two medications to record 1: they must get the two numbers after the
// highest stored one, in the order sent.
func newMedications(ctx context.Context, c *redcap.Client) error {
	before, err := exportOne[repeating.Record](ctx, c, "1")
	if err != nil {
		return err
	}
	top := highest(before.Medications)
	rec := repeating.Record{ID: "1", Medications: []redcap.Instance[repeating.Medications]{
		medication(redcap.NewInstanceNumber, "Paracetamol"), medication(redcap.NewInstanceNumber, "Naproxen")}}
	res, err := redcap.Import(ctx, c, []repeating.Record{rec}, redcap.ImportOptions{})
	if err != nil {
		return err
	}
	want := []redcap.NewInstance{{Record: "1", Instrument: "medications", Number: top + 1}, {Record: "1", Instrument: "medications", Number: top + 2}}
	if !slices.Equal(res.NewInstances, want) {
		return fmt.Errorf("NewInstances %+v, want %+v", res.NewInstances, want)
	}
	after, err := exportOne[repeating.Record](ctx, c, "1")
	if err != nil {
		return err
	}
	for i, name := range []string{"Paracetamol", "Naproxen"} {
		if got := textOf(after.Medications, top+1+i, func(m repeating.Medications) redcap.Value[redcap.Text] { return m.MedName }); got != name {
			return fmt.Errorf("instance %d holds %q, want %q", top+1+i, got, name)
		}
	}
	return nil
}

// newVisits adds a visit instance to record 1's repeating instrument in follow_up_arm_1 and an
// instance of the repeating event week_2_arm_2 to record 2, in one import.
func newVisits(ctx context.Context, c *redcap.Client) error {
	one, err := exportOne[longitudinal.Record](ctx, c, "1")
	if err != nil {
		return err
	}
	two, err := exportOne[longitudinal.Record](ctx, c, "2")
	if err != nil {
		return err
	}
	if one.FollowUpArm1 == nil {
		return fmt.Errorf("record 1 has no follow_up_arm_1 row in the captured export")
	}
	topVisit, topWeek := highest(one.FollowUpArm1.Visit), highest(two.Week2Arm2)
	visit := redcap.Instance[longitudinal.Visit]{}
	visit.Data.VisitDate = redcap.Of(redcap.Date{Year: 2024, Month: 3, Day: 15})
	week := redcap.Instance[longitudinal.Week2Arm2]{}
	week.Data.Visit.VisitDate = redcap.Of(redcap.Date{Year: 2024, Month: 6, Day: 1})
	recs := []longitudinal.Record{
		{ID: "1", FollowUpArm1: &longitudinal.FollowUpArm1{Visit: []redcap.Instance[longitudinal.Visit]{visit}}},
		{ID: "2", Week2Arm2: []redcap.Instance[longitudinal.Week2Arm2]{week}},
	}
	res, err := redcap.Import(ctx, c, recs, redcap.ImportOptions{})
	if err != nil {
		return err
	}
	want := []redcap.NewInstance{
		{Record: "1", Event: "follow_up_arm_1", Instrument: "visit", Number: topVisit + 1},
		{Record: "2", Event: "week_2_arm_2", Number: topWeek + 1},
	}
	if !slices.Equal(res.NewInstances, want) {
		return fmt.Errorf("NewInstances %+v, want %+v", res.NewInstances, want)
	}
	after, err := exportOne[longitudinal.Record](ctx, c, "1")
	if err != nil {
		return err
	}
	got := textOf(after.FollowUpArm1.Visit, topVisit+1, func(v longitudinal.Visit) redcap.Value[redcap.Date] { return v.VisitDate })
	if got != "2024-03-15" {
		return fmt.Errorf("visit instance %d holds %q, want 2024-03-15", topVisit+1, got)
	}
	return nil
}

// exportOne exports one record typed.
func exportOne[R any, P interface {
	*R
	redcap.Record
}](ctx context.Context, c *redcap.Client, id string) (*R, error) {
	for rec, err := range redcap.Stream[R, P](ctx, c, redcap.ExportOptions{FilterLogic: "[record_id] = '" + id + "'"}) {
		if err != nil {
			return nil, err
		}
		return rec, nil
	}
	return nil, fmt.Errorf("record %q not exported", id)
}

// highest returns the highest instance number of a list (0 when empty).
func highest[T any](list []redcap.Instance[T]) int {
	top := 0
	for _, inst := range list {
		top = max(top, inst.Number)
	}
	return top
}

// textOf returns the raw text of a value of the instance numbered n ("<none>" when absent).
func textOf[T any, V redcap.Scalar](list []redcap.Instance[T], n int, get func(T) redcap.Value[V]) string {
	for _, inst := range list {
		if inst.Number == n {
			return get(inst.Data).Raw()
		}
	}
	return "<none>"
}
