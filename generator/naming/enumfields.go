package naming

import "github.com/redcapgen/redcapgen/dictionary"

// IsEnumField reports whether the field gets an enum type: dropdown, radio, yesno, truefalse
// and checkbox fields (a checkbox's enum is its set's element type).
func IsEnumField(f *dictionary.Field) bool {
	switch f.Type {
	case dictionary.TypeDropdown, dictionary.TypeRadio, dictionary.TypeYesNo,
		dictionary.TypeTrueFalse, dictionary.TypeCheckbox:
		return true
	}
	return false
}

// EnumChoices returns the choices an enum field's constants are made from: its parsed choices,
// or REDCap's fixed ones for a yesno ("1, Yes | 0, No") or truefalse ("1, True | 0, False")
// field whose source did not list them.
func EnumChoices(f *dictionary.Field) []dictionary.Choice {
	if len(f.Choices) > 0 {
		return f.Choices
	}
	switch f.Type {
	case dictionary.TypeYesNo:
		return []dictionary.Choice{{Code: "1", Label: "Yes"}, {Code: "0", Label: "No"}}
	case dictionary.TypeTrueFalse:
		return []dictionary.Choice{{Code: "1", Label: "True"}, {Code: "0", Label: "False"}}
	}
	return nil
}
