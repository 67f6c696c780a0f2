package dictionary

// TextValidation returns the validation type that decides what a text field accepts, or "" for
// other field types: "autocomplete" on a dropdown or sql field, "number" on a slider and
// "signature" on a file field share column 8 but are not value validations.
func (f *Field) TextValidation() string {
	if f.Type != TypeText {
		return ""
	}
	return f.Validation
}

// IsAutocomplete reports whether a dropdown or sql field is shown as an autocomplete box; it
// changes only REDCap's form, not the values.
func (f *Field) IsAutocomplete() bool {
	return (f.Type == TypeDropdown || f.Type == TypeSQL) && f.Validation == "autocomplete"
}

// IsSignature reports whether a file field is a signature field.
func (f *Field) IsSignature() bool {
	return f.Type == TypeFile && f.Validation == "signature"
}

// SiteDefinedValidation reports whether a text field's validation is not one of REDCap's own
// (a site-defined type such as "ncanda_id"); such a field is typed as plain text.
func (f *Field) SiteDefinedValidation() bool {
	return f.Type == TypeText && f.Validation != "" && !IsKnownValidation(f.Validation)
}
