package main

import (
	"github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// participant is the data of one sample record, in plain Go types.
type participant struct {
	id, firstName, dob string
	sex                study.Sex
	race               []study.Race
	heightCM, weightKG string
	smoker             study.Smoker
	cigsPerDay         int64
}

// participants are the sample records the example imports.
var participants = []participant{
	{"1", "Ada", "1985-03-14", study.SexFemale, []study.Race{study.RaceWhite}, "165.5", "58.0", study.SmokerNo, 0},
	{"2", "Ben", "1990-11-02", study.SexMale, []study.Race{study.RaceBlackOrAfricanAmerican}, "180", "81.3", study.SmokerYes, 12},
	{"3", "Chen", "1978-06-30", study.SexFemale, []study.Race{study.RaceAsian, study.RaceWhite}, "158", "52.4", study.SmokerNo, 0},
	{"4", "Dev", "2001-01-09", study.SexUnknown, []study.Race{study.RaceDeclined}, "172.25", "70.0", study.SmokerYes, 5},
	{"5", "Eve", "1969-08-21", study.SexMale, []study.Race{study.RaceOther}, "176", "90.5", study.SmokerNo, 0},
}

// sampleRecords builds typed records: redcap.Of for typed values, enum constants for choice
// fields, Set on checkbox sets.
func sampleRecords() []study.Record {
	out := make([]study.Record, 0, len(participants))
	for _, p := range participants {
		dob, _ := redcap.ParseDate(p.dob)
		var r study.Record
		r.ID = p.id
		r.Demographics.FirstName = redcap.Of(redcap.Text(p.firstName))
		r.Demographics.DOB = redcap.Of(dob)
		r.Demographics.Sex = redcap.Of(p.sex)
		for _, race := range p.race {
			r.Demographics.Race.Set(race)
		}
		r.Demographics.HeightCm = redcap.Of(redcap.Number(p.heightCM))
		r.Demographics.WeightKg = redcap.Of(redcap.Number(p.weightKG))
		r.Demographics.Complete = redcap.Of(redcap.Complete)
		r.Visit.VisitDate = redcap.Of(redcap.Date{Year: 2024, Month: 5, Day: 2})
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
	r.Demographics.DOB = redcap.Of(redcap.Date{Year: 2023, Month: 2, Day: 29})
	r.Demographics.Sex = redcap.Of(study.Sex("2"))
	r.Demographics.WeightKg = redcap.Of(redcap.Number("61.25"))
	r.Demographics.Email = redcap.Of(redcap.Text("fay@example"))
	return r
}
