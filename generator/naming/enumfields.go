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
