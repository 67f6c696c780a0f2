package redcaptest

import (
	"github.com/redcapgen/redcapgen/dictionary"
)

// fieldValidationAnswer answers content=fieldValidation with the validation types the server
// knows. The fake does not publish REDCap's PHP regular expressions (its rules are Go code in
// runtime/redcap), so each regex is empty; see UNMODELLED.md.
func fieldValidationAnswer(p params) answer {
	format := p.dataFormat()
	t := table{cols: []string{"validation_type", "regex"}}
	for _, v := range dictionary.KnownValidations() {
		t.add(str(v), str(""))
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "validations", trailerNL: true}, csvStyle{trailerNL: true}))
}
