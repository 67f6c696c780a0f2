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
