package main

import (
	"time"

	"github.com/redcapgen/redcapgen/examples/longitudinal/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// day returns a date value.
func day(y int, m time.Month, d int) redcap.Value[redcap.Date] {
	return redcap.Of(redcap.Date{Year: y, Month: m, Day: d})
}

// visit returns a visit form.
func visit(date redcap.Value[redcap.Date], weight, sbp string, symptoms ...study.Symptoms) study.Visit {
	v := study.Visit{VisitDate: date, WeightKg: redcap.Of(redcap.Number(weight)), Sbp: redcap.Of(redcap.Integer(sbp))}
	for _, s := range symptoms {
		v.Symptoms.Set(s)
	}
	v.Complete = redcap.Of(redcap.Complete)
	return v
}

// adverseEvent returns an adverse event form.
func adverseEvent(term string, onset redcap.Value[redcap.Date], severity study.AeSeverity, serious study.AeSerious) study.AdverseEvents {
	return study.AdverseEvents{
		AeTerm:     redcap.Of(redcap.Text(term)),
		AeOnset:    onset,
		AeSeverity: redcap.Of(severity),
		AeSerious:  redcap.Of(serious),
		Complete:   redcap.Of(redcap.Unverified),
	}
}

// sampleRecords builds three participants: events are pointers (nil when the record has no
// data there), repeating instruments and the repeating event are slices of numbered instances.
func sampleRecords() []study.Record {
	return []study.Record{
		{
			ID: "101",
			BaselineArm1: &study.BaselineArm1{
				Demographics: study.Demographics{DOB: day(1980, time.April, 2), Sex: redcap.Of(study.SexFemale), Complete: redcap.Of(redcap.Complete)},
				Visit:        visit(day(2024, time.January, 8), "72.4", "128", study.SymptomsNone),
			},
			FollowUpArm1: &study.FollowUpArm1{
				Visit: visit(day(2024, time.February, 5), "70.9", "121", study.SymptomsHeadache, study.SymptomsFatigue),
				AdverseEvents: []redcap.Instance[study.AdverseEvents]{
					{Number: 1, Data: adverseEvent("Headache", day(2024, time.January, 20), study.AeSeverityMild, study.AeSeriousNo)},
					{Number: 2, Data: adverseEvent("Fatigue", day(2024, time.January, 28), study.AeSeverityModerate, study.AeSeriousNo)},
				},
			},
		},
		{
			ID: "102",
			BaselineArm1: &study.BaselineArm1{
				Demographics: study.Demographics{DOB: day(1975, time.October, 19), Sex: redcap.Of(study.SexMale), Complete: redcap.Of(redcap.Complete)},
				Visit:        visit(day(2024, time.January, 10), "88.0", "141", study.SymptomsNausea),
			},
			FollowUpArm1: &study.FollowUpArm1{
				Visit: visit(day(2024, time.February, 7), "86.5", "135", study.SymptomsNone),
			},
			PhoneCallArm1: []redcap.Instance[study.PhoneCallArm1]{
				{Number: 1, Data: study.PhoneCallArm1{AdverseEvents: adverseEvent("Nausea", day(2024, time.January, 15), study.AeSeverityMild, study.AeSeriousNo)}},
				{Number: 2, Data: study.PhoneCallArm1{AdverseEvents: adverseEvent("Syncope", day(2024, time.January, 30), study.AeSeveritySevere, study.AeSeriousYes)}},
			},
		},
		{
			ID: "103",
			BaselineArm1: &study.BaselineArm1{
				Demographics: study.Demographics{DOB: day(1992, time.June, 11), Sex: redcap.Of(study.SexFemale), Complete: redcap.Of(redcap.Complete)},
				Visit:        visit(day(2024, time.January, 12), "61.2", "117"),
			},
		},
	}
}

// badRecord has one bad value in each place a longitudinal record can hold one: a baseline
// field, a repeating instrument instance and a repeating event instance.
func badRecord() study.Record {
	return study.Record{
		ID: "104",
		BaselineArm1: &study.BaselineArm1{
			Demographics: study.Demographics{DOB: day(1988, time.February, 30)},
			Visit:        visit(day(2024, time.January, 9), "70.25", "120"),
		},
		FollowUpArm1: &study.FollowUpArm1{
			Visit: visit(day(2024, time.February, 6), "69.8", "1e2"),
			AdverseEvents: []redcap.Instance[study.AdverseEvents]{
				{Number: 1, Data: adverseEvent("Rash", day(2024, time.January, 21), study.AeSeverity("4"), study.AeSeriousNo)},
			},
		},
		PhoneCallArm1: []redcap.Instance[study.PhoneCallArm1]{
			{Number: 3, Data: study.PhoneCallArm1{AdverseEvents: adverseEvent("Dizziness", redcap.Of(redcap.Date{Year: 2024, Month: time.February, Day: 31}), study.AeSeverityMild, study.AeSeriousNo)}},
		},
	}
}
