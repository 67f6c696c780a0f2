package snapshot_test

import (
	"fmt"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
)

func ExampleDiff() {
	project := func(dobValidation string, sexChoices ...dictionary.Choice) *dictionary.Project {
		return &dictionary.Project{Forms: []*dictionary.Form{{Name: "demographics", Fields: []*dictionary.Field{
			{Name: "record_id", Form: "demographics", Type: dictionary.TypeText},
			{Name: "dob", Form: "demographics", Type: dictionary.TypeText, Validation: dobValidation},
			{Name: "sex", Form: "demographics", Type: dictionary.TypeRadio, Choices: sexChoices},
		}}}}
	}
	old := project("date_ymd", dictionary.Choice{Code: "0", Label: "Female"}, dictionary.Choice{Code: "1", Label: "Male"})
	new := project("date_mdy", dictionary.Choice{Code: "0", Label: "Woman"}, dictionary.Choice{Code: "2", Label: "Other"})
	for _, c := range snapshot.Diff(old, new) {
		fmt.Println(c)
	}
	fmt.Println(snapshot.Fingerprint(old) == snapshot.Fingerprint(new))
	// Output:
	// field "dob" on form "demographics": validation changed from "date_ymd" to "date_mdy" (breaking)
	// field "sex" on form "demographics": label of choice "0" changed from "Female" to "Woman" (compatible)
	// field "sex" on form "demographics": choice "2" ("Other") added (compatible)
	// field "sex" on form "demographics": choice "1" ("Male") removed (breaking)
	// false
}

func ExampleSnapshot() {
	p := &dictionary.Project{Forms: []*dictionary.Form{{Name: "demographics", Fields: []*dictionary.Field{
		{Name: "dob", Type: dictionary.TypeText, Label: "Date of birth", Validation: "date_ymd",
			Min: "1900-01-01", Max: "today", Required: true, Identifier: true},
	}}}}
	fmt.Print(string(snapshot.Snapshot(p)))
	// Output:
	// # redcapgen dictionary snapshot v1
	// field dob form=demographics type=text label="Date of birth" validation=date_ymd min=1900-01-01 max=today required identifier
	// form demographics
}
