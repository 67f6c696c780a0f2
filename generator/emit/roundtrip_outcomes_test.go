package emit

// syntheticOutcomes are what the round-trip program's hand-made cases must report.
var syntheticOutcomes = map[string]string{
	"built_classic":                     "ok",
	"built_without_id":                  "the record has no ID",
	"built_longitudinal":                "events: baseline_arm_1# , week_2_arm_2#2 2024-04-15",
	"built_repeating_instance_zero":     `rows: record_id=1,redcap_repeat_instrument=,redcap_repeat_instance=,enroll_date=,arm_group=,enrollment_complete= | record_id=1,redcap_repeat_instrument=medications,redcap_repeat_instance=new,`,
	"built_repeating_instance_negative": `record "1", repeating instrument "medications", instance "-1": instance numbers start at 1`,
	"built_repeating_event_negative":    `record "9", event "week_2_arm_2", instance "-2": instance numbers start at 1`,
	"instance_on_nonrepeating_form":     `record "1", row 1, repeating instrument "enrollment", instance "1": redcap_repeat_instrument names no repeating instrument of this row's event`,
	"instance_on_nonrepeating_event":    `record "1", row 1, event "baseline_arm_1", instance "2": redcap_repeat_instance is set on a row of non-repeating instruments`,
	"repeat_form_in_wrong_event":        `record "1", row 1, event "baseline_arm_1", repeating instrument "visit", instance "1": redcap_repeat_instrument names no repeating instrument of this row's event`,
	"built_repeating_rows": "rows: record_id=1,redcap_repeat_instrument=,redcap_repeat_instance=,enroll_date=,arm_group=,enrollment_complete= | " +
		"record_id=1,redcap_repeat_instrument=medications,redcap_repeat_instance=3,med_name=,med_dose=,med_start=,med_route=,medications_complete=",
	"stray_value":        `record "1", row 1, repeating instrument "medications", instance "1", column "enroll_date": holds a value`,
	"unknown_instrument": `repeating instrument "nope", instance "1": redcap_repeat_instrument names no repeating instrument`,
	"bad_instance":       `instance "0": redcap_repeat_instance is not a positive integer`,
	"two_records":        `record "1", row 2, column "record_id": the row belongs to another record`,
	"second_main_row":    `record "1", row 2: a second row for the same non-repeating instruments`,
	"unknown_event":      `record "1", row 1, event "nope_arm_1": redcap_event_name is not an event of this project`,
	"other_layout":       `row 1: redcap: column "redcap_survey_identifier" is not in the generated project`,
	"missing_codes":      "ok",
	// classic's demographics is survey-enabled: survey columns decode, and are never encoded.
	"survey_columns_decode": "ok",
	"survey_not_completed":  "ok",
}

// newInstanceCases are the round-trip program's imports of instances numbered 0 ("new"); each
// must report "ok".
var newInstanceCases = []string{"repeating_instrument", "longitudinal", "beside_explicit_number", "new_record"}
