package naming

import (
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// choices builds a choice list from "code, label" pairs.
func choices(pairs ...string) []dictionary.Choice {
	var cs []dictionary.Choice
	for _, p := range pairs {
		code, label, _ := strings.Cut(p, ",")
		cs = append(cs, dictionary.Choice{Code: strings.TrimSpace(code), Label: strings.TrimSpace(label)})
	}
	return cs
}

// project builds a project from forms given as name followed by fields.
func project(forms ...*dictionary.Form) *dictionary.Project {
	for _, f := range forms {
		for _, fld := range f.Fields {
			fld.Form = f.Name
		}
	}
	return &dictionary.Project{Forms: forms}
}

func form(name string, fields ...*dictionary.Field) *dictionary.Form {
	return &dictionary.Form{Name: name, Fields: fields}
}

func text(name string) *dictionary.Field {
	return &dictionary.Field{Name: name, Type: dictionary.TypeText}
}

func enum(name string, typ dictionary.FieldType, cs ...string) *dictionary.Field {
	return &dictionary.Field{Name: name, Type: typ, Choices: choices(cs...)}
}

// nastyProject holds the names the task and the corpus showed to be hard.
func nastyProject() *dictionary.Project {
	p := project(
		form("demographics",
			text("record_id"), text("type"), text("func"), text("string"), text("len"),
			text("2nd_visit"), text("a1"), text("a_1"), text("youthreport1_ageeq1"),
			text("youthreport1_ageeq_1"), text("validate"), text("complete"), text("dob"),
			text("reshist_addr1_ADI_edu_l"), text("café"),
			enum("sex", dictionary.TypeRadio, "0, Female", "1, Male", "-9, <b>Unknown</b>"),
			enum("race", dictionary.TypeCheckbox, "1, White", "2, Black", "98, Other", "-1, Declined"),
			enum("codes", dictionary.TypeDropdown, "-1, 😀", "5.5, 😢", "9..9, 🙂"),
			enum("lang", dictionary.TypeDropdown, "en-US, English", "es-419, Spanish"),
			enum("lang_dup", dictionary.TypeDropdown, "en-US, English", "es-419, English"),
			enum("agree", dictionary.TypeRadio,
				"1, Strongly agree with the statement that follows",
				"2, Strongly agree with the statement that precedes"),
			enum("cdc_race", dictionary.TypeCheckbox, "2029_7, Asian Indian", "20297, ", "1004_1, Other"),
			&dictionary.Field{Name: "consent", Type: dictionary.TypeYesNo},
			enum("treated", dictionary.TypeYesNo, "1, Yes", "0, No"),
			enum("treated_yes", dictionary.TypeCheckbox, "surgery, Surgery", "drugs, Drugs"),
			enum("item_m2", dictionary.TypeRadio, "1, ", "4, "),
			enum("item_m24", dictionary.TypeRadio, "1, One", "2, Two"),
		),
		form("record", enum("admin_update", dictionary.TypeYesNo, "1, Yes", "0, No")),
		form("admin_update", text("notes")),
		form("validate", text("v")),
		form("2019_followup", text("w")),
		form("new_record", text("nr")),
		form("decode_rows", text("dr")),
		form("recycle", text("rc")),
		form("parse_sex", enum("sex_values", dictionary.TypeRadio, "1, Yes"), enum("fields", dictionary.TypeRadio, "1, Yes")),
	)
	p.Arms = []dictionary.Arm{{Num: 1, Name: "Drug A"}, {Num: 2, Name: "Arm 2"}}
	p.Events = []dictionary.Event{
		{UniqueName: "baseline_arm_1", Arm: 1}, {UniqueName: "1_month_arm_1", Arm: 1},
		{UniqueName: "demographics_arm_2", Arm: 2},
	}
	return p
}

func TestResolveNastyNames(t *testing.T) {
	n, err := Resolve(nastyProject(), nil)
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	tests := []struct {
		kind, id, got, want string
	}{
		{"field", "record_id", n.Field("record_id"), "RecordID"},
		{"field", "type", n.Field("type"), "Type"},
		{"field", "func", n.Field("func"), "Func"},
		{"field", "string", n.Field("string"), "StringField"},
		{"field", "len", n.Field("len"), "Len"},
		{"field", "2nd_visit", n.Field("2nd_visit"), "Field2NdVisit"}, // strcase raises a letter after digits,
		{"field", "a1", n.Field("a1"), "A1"},
		{"field", "a_1", n.Field("a_1"), "A_1"},
		{"field", "youthreport1_ageeq1", n.Field("youthreport1_ageeq1"), "Youthreport1_Ageeq1"},
		{"field", "youthreport1_ageeq_1", n.Field("youthreport1_ageeq_1"), "Youthreport1_Ageeq_1"},
		{"field", "validate", n.Field("validate"), "ValidateField"},
		{"field", "complete", n.Field("complete"), "CompleteField"},
		{"field", "dob", n.Field("dob"), "DOB"},
		{"field", "reshist_addr1_ADI_edu_l", n.Field("reshist_addr1_ADI_edu_l"), "ReshistAddr1ADIEduL"},
		{"field", "café", n.Field("café"), "Cafe"},
		{"field", "admin_update", n.Field("admin_update"), "AdminUpdate"},
		{"form", "demographics", n.Form("demographics"), "Demographics"},
		{"form", "record", n.Form("record"), "RecordForm"},
		{"form", "validate", n.Form("validate"), "ValidateForm"},
		{"form", "admin_update", n.Form("admin_update"), "AdminUpdateForm"},
		{"form", "2019_followup", n.Form("2019_followup"), "Form2019Followup"},
		{"form", "new_record", n.Form("new_record"), "NewRecordForm"},    // a generated package name
		{"form", "decode_rows", n.Form("decode_rows"), "DecodeRowsForm"}, // a Record method
		{"form", "recycle", n.Form("recycle"), "RecycleForm"},            // a Record method
		{"form", "parse_sex", n.Form("parse_sex"), "Parse_Sex"},          // meets func ParseSex
		{"enum", "sex_values", n.Enum("sex_values"), "Sex_Values"},       // meets func SexValues
		{"enum", "fields", n.Enum("fields"), "FieldsEnum"},
		{"enum", "sex", n.Enum("sex"), "Sex"},
		{"enum", "admin_update", n.Enum("admin_update"), "AdminUpdate"},
		{"set", "race", n.Set("race"), "RaceSet"},
		{"enum", "race", n.Enum("race"), "Race"},
		{"const", "sex:0", n.EnumConst("sex", "0"), "SexFemale"},
		{"const", "sex:-9", n.EnumConst("sex", "-9"), "SexUnknown"},
		{"const", "race:-1", n.EnumConst("race", "-1"), "RaceDeclined"},
		{"const", "codes:-1", n.EnumConst("codes", "-1"), "CodesMinus1"},
		{"const", "codes:5.5", n.EnumConst("codes", "5.5"), "Codes5Dot5"},
		{"const", "codes:9..9", n.EnumConst("codes", "9..9"), "Codes9DotDot9"},
		{"const", "lang:en-US", n.EnumConst("lang", "en-US"), "LangEnglish"},
		{"const", "lang_dup:en-US", n.EnumConst("lang_dup", "en-US"), "LangDupEnMinusUS"},
		{"const", "lang_dup:es-419", n.EnumConst("lang_dup", "es-419"), "LangDupEsMinus419"},
		{"const", "agree:1", n.EnumConst("agree", "1"), "Agree1"},
		{"const", "cdc_race:2029_7", n.EnumConst("cdc_race", "2029_7"), "CdcRace2029_7"},
		{"const", "cdc_race:20297", n.EnumConst("cdc_race", "20297"), "CdcRace20297"},
		{"const", "cdc_race:1004_1", n.EnumConst("cdc_race", "1004_1"), "CdcRace10041"},
		{"const", "consent:1", n.EnumConst("consent", "1"), "ConsentYes"},
		{"const", "admin_update:0", n.EnumConst("admin_update", "0"), "AdminUpdateNo"},
		{"const", "treated:1", n.EnumConst("treated", "1"), "Treated_Yes"}, // meets enum TreatedYes
		{"const", "treated:0", n.EnumConst("treated", "0"), "TreatedNo"},
		{"enum", "treated_yes", n.Enum("treated_yes"), "TreatedYes"},
		{"const", "item_m2:4", n.EnumConst("item_m2", "4"), "ItemM2_4"}, // never ItemM24
		{"enum", "item_m24", n.Enum("item_m24"), "ItemM24"},
		{"event", "baseline_arm_1", n.Event("baseline_arm_1"), "BaselineArm1"},
		{"event", "1_month_arm_1", n.Event("1_month_arm_1"), "Event1MonthArm1"},
		{"event", "demographics_arm_2", n.Event("demographics_arm_2"), "DemographicsArm2"},
		{"arm", "1", n.Arm(1), "Arm1DrugA"},
		{"arm", "2", n.Arm(2), "Arm2"},
		{"func", "sex", EnumParserName(n.Enum("sex")), "ParseSex"},
		{"func", "sex", EnumValuesName(n.Enum("sex")), "SexValues"},
		{"enum", "text field", n.Enum("dob"), ""},
		{"field", "unknown", n.Field("nope"), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s %q = %q, want %q", tt.kind, tt.id, tt.got, tt.want)
		}
	}
}
