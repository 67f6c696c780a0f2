package snapshot

import (
	"fmt"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// fieldAttr is one column of the data dictionary as the snapshot writes and reads it. Text
// attributes are written as key=value when not empty; flags as a bare key when true.
type fieldAttr struct {
	key  string
	flag bool
	get  func(f *dictionary.Field) string // canonical text; "" or "n" leaves the attribute out
	set  func(f *dictionary.Field, v string) error
}

// fieldAttrs lists the dictionary columns in snapshot order. The form comes first so that a
// field moving between forms shows up near its name.
var fieldAttrs = []fieldAttr{
	textAttr("form", func(f *dictionary.Field) *string { return &f.Form }),
	{key: "type", get: func(f *dictionary.Field) string { return canon(string(f.Type)) },
		set: func(f *dictionary.Field, v string) error { f.Type = dictionary.FieldType(canon(v)); return nil }},
	textAttr("label", func(f *dictionary.Field) *string { return &f.Label }),
	textAttr("section", func(f *dictionary.Field) *string { return &f.SectionHeader }),
	textAttr("note", func(f *dictionary.Field) *string { return &f.Note }),
	textAttr("validation", func(f *dictionary.Field) *string { return &f.Validation }),
	textAttr("min", func(f *dictionary.Field) *string { return &f.Min }),
	textAttr("max", func(f *dictionary.Field) *string { return &f.Max }),
	{key: "choices", get: choicesText, set: setChoices},
	{key: "calc", get: column6(dictionary.TypeCalc), set: setColumn6},
	{key: "slider_labels", get: column6(dictionary.TypeSlider), set: setColumn6},
	{key: "sql", get: column6(dictionary.TypeSQL), set: setColumn6},
	{key: "column6", get: otherColumn6, set: setColumn6},
	flagAttr("required", func(f *dictionary.Field) *bool { return &f.Required }),
	flagAttr("identifier", func(f *dictionary.Field) *bool { return &f.Identifier }),
	textAttr("branching", func(f *dictionary.Field) *string { return &f.Branching }),
	{key: "alignment", get: alignment,
		set: func(f *dictionary.Field, v string) error { f.Alignment = v; return nil }},
	textAttr("question", func(f *dictionary.Field) *string { return &f.QuestionNumber }),
	textAttr("matrix", func(f *dictionary.Field) *string { return &f.MatrixGroup }),
	flagAttr("matrix_ranking", func(f *dictionary.Field) *bool { return &f.MatrixRanking }),
	{key: "annotation", get: func(f *dictionary.Field) string { return canon(f.Annotation) },
		set: func(f *dictionary.Field, v string) error {
			f.Annotation = v
			f.ActionTags = dictionary.ParseActionTags(v)
			return nil
		}},
}

// textAttr is a text column read and written through ptr.
func textAttr(key string, ptr func(f *dictionary.Field) *string) fieldAttr {
	return fieldAttr{
		key: key,
		get: func(f *dictionary.Field) string { return canon(*ptr(f)) },
		set: func(f *dictionary.Field, v string) error { *ptr(f) = v; return nil },
	}
}

// flagAttr is a y/empty column read and written through ptr.
func flagAttr(key string, ptr func(f *dictionary.Field) *bool) fieldAttr {
	return fieldAttr{
		key:  key,
		flag: true,
		get: func(f *dictionary.Field) string {
			if *ptr(f) {
				return "y"
			}
			return ""
		},
		set: func(f *dictionary.Field, v string) error { *ptr(f) = true; return nil },
	}
}

// canon normalises what sources differ in: line endings and surrounding white space.
func canon(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimSpace(s)
}

// hasChoiceList reports whether the field's column 6 is a list of codes and labels.
func hasChoiceList(f *dictionary.Field) bool {
	switch f.Type {
	case dictionary.TypeDropdown, dictionary.TypeRadio, dictionary.TypeCheckbox:
		return true
	}
	return false
}

// choicesText writes parsed choices as REDCap writes them, "0, Female | 1, Male", so the
// spacing of the source does not matter. yesno and truefalse have fixed choices and none here.
func choicesText(f *dictionary.Field) string {
	if !hasChoiceList(f) {
		return ""
	}
	parts := make([]string, len(f.Choices))
	for i, c := range f.Choices {
		parts[i] = canon(c.Code) + ", " + canon(c.Label)
	}
	return strings.Join(parts, " | ")
}

// setChoices reads a choice list back.
func setChoices(f *dictionary.Field, v string) error {
	choices, _, err := dictionary.ParseChoices(v)
	if err != nil {
		return fmt.Errorf("choices: %w", err)
	}
	f.Choices, f.ChoicesRaw = choices, v
	return nil
}

// column6 returns the getter of column 6 for fields of type t (calc formula, slider labels, SQL).
func column6(t dictionary.FieldType) func(f *dictionary.Field) string {
	return func(f *dictionary.Field) string {
		if f.Type != t {
			return ""
		}
		return canon(f.ChoicesRaw)
	}
}

// otherColumn6 returns column 6 of any other field type (an ontology search on a text field).
func otherColumn6(f *dictionary.Field) string {
	switch f.Type {
	case dictionary.TypeCalc, dictionary.TypeSlider, dictionary.TypeSQL:
		return ""
	}
	if hasChoiceList(f) || f.Type == dictionary.TypeYesNo || f.Type == dictionary.TypeTrueFalse {
		return ""
	}
	return canon(f.ChoicesRaw)
}

// setColumn6 reads column 6 of a non-choice field back.
func setColumn6(f *dictionary.Field, v string) error {
	f.ChoicesRaw = v
	return nil
}

// alignment is the custom alignment with REDCap's default RV left out: project XML omits it
// and the data dictionary shows it only for some fields.
func alignment(f *dictionary.Field) string {
	a := strings.ToUpper(canon(f.Alignment))
	if a == "RV" {
		return ""
	}
	return a
}
