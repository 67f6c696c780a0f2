package dictionary

// FixedChoices returns the choices REDCap gives every yesno field ("1, Yes | 0, No") and every
// truefalse field ("1, True | 0, False"), whatever column 6 of the dictionary says, and nil for
// any other field type. Each call returns a new slice.
func FixedChoices(t FieldType) []Choice {
	switch t {
	case TypeYesNo:
		return []Choice{{Code: "1", Label: "Yes"}, {Code: "0", Label: "No"}}
	case TypeTrueFalse:
		return []Choice{{Code: "1", Label: "True"}, {Code: "0", Label: "False"}}
	}
	return nil
}

// EffectiveChoices returns the codes and labels the field's values are made of, in order: the
// parsed choices of a dropdown, radio or checkbox field, REDCap's fixed ones for a yesno or
// truefalse field (also when a hand-built Field carries none), and nil for other types.
func (f *Field) EffectiveChoices() []Choice {
	if len(f.Choices) > 0 {
		return f.Choices
	}
	return FixedChoices(f.Type)
}
