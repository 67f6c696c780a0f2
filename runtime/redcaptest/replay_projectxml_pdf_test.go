package redcaptest

// whyCalcOnInstances explains the cases that show the repeating instances' calculated field.
const whyCalcOnInstances = "REDCap left the calculated field bmi2 of the two repeating instances blank on their import; the fake computes it (when REDCap recomputes a calc is not modelled exactly)"

// whyStorageOrder explains the cases whose ClinicalData REDCap writes in its storage order.
const whyStorageOrder = "with an unknown name in fields[] or events[] REDCap writes ClinicalData from its unordered storage rows (values in import order, internal group ids); the fake drops the unknown name and writes the ordered export"

// pxmlGaps are the cases of projectxml_pdf.jsonl the fake does not reproduce.
var pxmlGaps = map[string]gap{
	"classic_pxml_fields_unknown": {whyStorageOrder, true},
	"long_pxml_events_unknown":    {whyStorageOrder, true},
	"long_pxml_full":              {whyCalcOnInstances, true},
	"long_pxml_survey_fields":     {whyCalcOnInstances, true},
}

func init() {
	replayArea("projectxml_pdf.jsonl", true, pxmlGaps)
}
