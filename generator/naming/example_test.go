package naming_test

import (
	"fmt"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator/naming"
)

func ExampleResolve() {
	demo := &dictionary.Form{Name: "demographics", Fields: []*dictionary.Field{
		{Name: "record_id", Type: dictionary.TypeText},
		{Name: "dob_1", Type: dictionary.TypeText},
		{Name: "dob1", Type: dictionary.TypeText},
		{Name: "validate", Type: dictionary.TypeText},
		{Name: "sex", Type: dictionary.TypeRadio, Choices: []dictionary.Choice{
			{Code: "0", Label: "Female"}, {Code: "1", Label: "Male"}, {Code: "-9", Label: "<i>Unknown</i>"}}},
		{Name: "race", Type: dictionary.TypeCheckbox, Choices: []dictionary.Choice{
			{Code: "1", Label: "White"}, {Code: "-1", Label: ""}}},
	}}
	p := &dictionary.Project{Forms: []*dictionary.Form{demo, {Name: "record", Fields: []*dictionary.Field{{Name: "x", Type: dictionary.TypeText}}}}}
	names, err := naming.Resolve(p, naming.Pins{"field:dob1": "DOBOther"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(names.Form("demographics"), names.Form("record"))
	fmt.Println(names.Field("record_id"), names.Field("dob_1"), names.Field("dob1"), names.Field("validate"))
	fmt.Println(names.Enum("sex"), names.EnumConst("sex", "0"), names.EnumConst("sex", "-9"))
	fmt.Println(names.Set("race"), names.EnumConst("race", "1"), names.EnumConst("race", "-1"))
	// Output:
	// Demographics RecordForm
	// RecordID DOB1 DOBOther ValidateField
	// Sex SexFemale SexUnknown
	// RaceSet Race1 RaceMinus1
}
