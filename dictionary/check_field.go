package dictionary

import "strings"

// choiceFieldType reports whether t takes its choices from column 6.
func choiceFieldType(t FieldType) bool {
	return t == TypeDropdown || t == TypeRadio || t == TypeCheckbox
}

// checkChoices parses the choices of choice fields and reports missing, malformed and colliding
// ones. It also warns about a calc field without a formula.
func checkChoices(c *collector, w where, f *Field) {
	switch {
	case choiceFieldType(f.Type):
		if strings.TrimSpace(f.ChoicesRaw) == "" {
			// REDCap refuses this on dictionary import, yet real projects export it (Flight
			// Tracker fills such lists at run time), so it cannot stop generation.
			c.warnf(w, f.Name, "%s field has no choices (select_choices_or_calculations is empty): it can hold no value", f.Type)
			return
		}
		choices, warnings, err := ParseChoices(f.ChoicesRaw)
		for _, msg := range warnings {
			c.warnf(w, f.Name, "%s", msg)
		}
		if err != nil {
			c.errorf(w, f.Name, "%v", err)
		}
		f.Choices = choices
		warnDuplicateLabels(c, w, f)
		if f.Type == TypeCheckbox {
			checkCheckboxColumns(c, w, f)
		}
	case f.Type == TypeYesNo || f.Type == TypeTrueFalse:
		f.Choices = FixedChoices(f.Type)
		if strings.TrimSpace(f.ChoicesRaw) != "" {
			c.warnf(w, f.Name, "%s field has choices %q: REDCap ignores them and uses its fixed ones", f.Type, f.ChoicesRaw)
		}
	case f.Type == TypeCalc:
		if strings.TrimSpace(f.ChoicesRaw) == "" {
			// REDCap refuses this on dictionary upload only: live projects hold such fields, and
			// their project XML and API metadata carry them. REDCap leaves the field empty.
			c.warnf(w, f.Name, "calc field has no equation (select_choices_or_calculations is empty): REDCap computes no value for it")
		}
	}
}

// warnDuplicateLabels warns when two choices share a label: REDCap accepts it, but a reader of
// the data cannot tell the codes apart by label.
func warnDuplicateLabels(c *collector, w where, f *Field) {
	seen := make(map[string]string, len(f.Choices))
	for _, ch := range f.Choices {
		if ch.Label == "" {
			continue
		}
		if code, dup := seen[ch.Label]; dup {
			c.warnf(w, f.Name, "choices %q and %q have the same label %q", code, ch.Code, ch.Label)
			continue
		}
		seen[ch.Label] = ch.Code
	}
}

// checkCheckboxColumns reports checkbox codes that become the same export column ("A" and "a",
// "1.5" and "1_5").
func checkCheckboxColumns(c *collector, w where, f *Field) {
	byColumn := make(map[string]string, len(f.Choices))
	for _, ch := range f.Choices {
		col := CheckboxColumn(f.Name, ch.Code)
		if other, dup := byColumn[col]; dup {
			c.errorf(w, f.Name, "checkbox codes %q and %q both become export column %q; rename one code", other, ch.Code, col)
			continue
		}
		byColumn[col] = ch.Code
	}
}
