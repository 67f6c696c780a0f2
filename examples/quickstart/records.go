package main

import (
	"time"

	"github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// participant is the data of one sample record, in plain Go types.
type participant struct {
	id, firstName      string
	dob                redcap.Date
	sex                study.Sex
	race               []study.Race
	heightCM, weightKG string
	smoker             study.Smoker
	cigsPerDay         int64
}

// participants returns the sample records the example imports.
func participants() []participant {
	return []participant{
		{"1", "Ada", date(1985, time.March, 14), study.SexFemale, []study.Race{study.RaceWhite}, "165.5", "58.0", study.SmokerNo, 0},
		{"2", "Ben", date(1990, time.November, 2), study.SexMale, []study.Race{study.RaceBlackOrAfricanAmerican}, "180", "81.3", study.SmokerYes, 12},
		{"3", "Chen", date(1978, time.June, 30), study.SexFemale, []study.Race{study.RaceAsian, study.RaceWhite}, "158", "52.4", study.SmokerNo, 0},
		{"4", "Dev", date(2001, time.January, 9), study.SexUnknown, []study.Race{study.RaceDeclined}, "172.25", "70.0", study.SmokerYes, 5},
		{"5", "Eve", date(1969, time.August, 21), study.SexMale, []study.Race{study.RaceOther}, "176", "90.5", study.SmokerNo, 0},
	}
}

// date returns a calendar date.
func date(y int, m time.Month, d int) redcap.Date { return redcap.Date{Year: y, Month: m, Day: d} }

// sampleRecords builds typed records: redcap.Of for typed values, enum constants for choice
// fields, Set on checkbox sets.
func sampleRecords() []study.Record {
	var out []study.Record
	for _, p := range participants() {
		var r study.Record
		r.ID = p.id
		r.Demographics.FirstName = redcap.Of(redcap.Text(p.firstName))
		r.Demographics.DOB = redcap.Of(p.dob)
		r.Demographics.Sex = redcap.Of(p.sex)
		for _, race := range p.race {
			r.Demographics.Race.Set(race)
		}
		r.Demographics.HeightCm = redcap.Of(redcap.Number(p.heightCM))
		r.Demographics.WeightKg = redcap.Of(redcap.Number(p.weightKG))
		r.Demographics.Complete = redcap.Of(redcap.Complete)
		r.Visit.VisitDate = redcap.Of(date(2024, time.May, 2))
		r.Visit.Smoker = redcap.Of(p.smoker)
		if p.smoker == study.SmokerYes {
			r.Visit.CigsPerDay = redcap.Of(redcap.IntegerOf(p.cigsPerDay))
		}
		r.Visit.Complete = redcap.Of(redcap.Incomplete)
		out = append(out, r)
	}
	return out
}

// badRecord is a record REDCap would refuse: an impossible date, a choice code that is not one of
// the field's choices, a weight with two decimals where the field takes one, and a malformed e-mail.
func badRecord() study.Record {
	var r study.Record
	r.ID = "6"
	r.Demographics.FirstName = redcap.Of(redcap.Text("Fay"))
	r.Demographics.DOB = redcap.Of(date(2023, time.February, 29))
	r.Demographics.Sex = redcap.Of(study.Sex("2"))
	r.Demographics.WeightKg = redcap.Of(redcap.Number("61.25"))
	r.Demographics.Email = redcap.Of(redcap.Text("fay@example"))
	return r
}
