package redcaptest

// fieldValidationAnswer answers content=fieldValidation: REDCap's validation types with their PHP
// regular expressions, as REDCap lists them. The fake checks values with the Go rules of
// runtime/redcap, not with these expressions.
func fieldValidationAnswer(p params) answer {
	format := p.dataFormat()
	t := table{cols: []string{"validation_type", "regex"}}
	for _, v := range validationTable {
		t.add(str(v.name), str(v.regex))
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "validations", trailerNL: true}, csvStyle{trailerNL: true}))
}
