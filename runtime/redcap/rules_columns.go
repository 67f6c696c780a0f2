package redcap

// RuleForColumn finds the rule that owns an import or export column: the field of that name, or
// the checkbox field one of whose CheckboxColumns it is. For a checkbox field's base name it
// returns the checkbox rule, whose CheckImport refuses the value as REDCap does.
func RuleForColumn(rules []FieldRule, column string) (*FieldRule, bool) {
	for i := range rules {
		if rules[i].Name == column {
			return &rules[i], true
		}
	}
	for i := range rules {
		if rules[i].Type == typeCheckbox && rules[i].hasCheckboxColumn(column) {
			return &rules[i], true
		}
	}
	return nil, false
}

// CheckColumn applies REDCap's import rule to the value of one column of a flat import row:
// CheckCheckboxColumn for a checkbox column, CheckImport for any other field, and REDCap's
// unknown-field refusal for a column no rule owns (a descriptive field, an original-case or
// unknown checkbox column).
func CheckColumn(rules []FieldRule, column, raw string, codes *MissingCodes, df DateFormat) (stored, msg string, ok bool) {
	rule, found := RuleForColumn(rules, column)
	switch {
	case !found:
		return raw, msgUnknownField(column), false
	case rule.Type == typeCheckbox && rule.Name != column:
		return rule.CheckCheckboxColumn(column, raw)
	}
	return rule.CheckImport(raw, codes, df)
}
