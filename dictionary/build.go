package dictionary

import "strings"

// buildProject turns the rows a reader found into a Project, checking each row and the whole
// dictionary. Every problem is collected; the error is a Problems when any is an error.
func buildProject(source string, format Format, rows []rawField) (*Project, error) {
	c := &collector{file: source}
	p := &Project{Source: source, Format: format, Lacks: PartsOfDictionary}
	if len(rows) == 0 {
		return nil, fileProblem(source, "the dictionary has no fields")
	}
	at := make(map[*Field]where, len(rows))
	for i := range rows {
		f := buildField(c, &rows[i])
		at[f] = rows[i].at()
		addToForm(c, p, f, rows[i].at())
	}
	checkProject(c, p, at)
	if err := c.err(); err != nil {
		return nil, err
	}
	p.Warnings = c.sortedWarnings()
	return p, nil
}

// addToForm appends f to its form, creating the form when it starts. A form whose fields are
// not contiguous is an error: REDCap keeps each instrument's fields together.
func addToForm(c *collector, p *Project, f *Field, w where) {
	if f.Form == "" {
		return
	}
	if n := len(p.Forms); n > 0 && p.Forms[n-1].Name == f.Form {
		p.Forms[n-1].Fields = append(p.Forms[n-1].Fields, f)
		return
	}
	if form, ok := p.Form(f.Form); ok {
		c.errorf(w, f.Name, "form %q appears again after form %q (the fields of a form must be contiguous)",
			f.Form, p.Forms[len(p.Forms)-1].Name)
		form.Fields = append(form.Fields, f)
		return
	}
	p.Forms = append(p.Forms, &Form{Name: f.Form, Label: DefaultFormLabel(f.Form), Fields: []*Field{f}})
}

// DefaultFormLabel is the label REDCap gives an instrument that a data dictionary creates: its
// stored name with each "_" turned into a space and each word capitalised, like PHP's
// ucwords(str_replace("_", " ", name)) ("form_1" -> "Form 1", "MyForm" -> "Myform";
// metadata: metadata_import_defect_form_name_uppercase__instruments_after). A dictionary has no
// form labels, so readers of one give each form this label, as the live project made from it has.
func DefaultFormLabel(form string) string {
	words := strings.Split(StoredName(form), "_")
	for i, w := range words {
		if w != "" && w[0] >= 'a' && w[0] <= 'z' {
			words[i] = string(w[0]-'a'+'A') + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// buildField interprets one row and reports what is wrong with it.
func buildField(c *collector, r *rawField) *Field {
	w := r.at()
	f := &Field{
		Name:           strings.TrimSpace(r.FieldName),
		Form:           strings.TrimSpace(r.FormName),
		SectionHeader:  r.SectionHeader,
		Type:           FieldType(strings.TrimSpace(r.FieldType)),
		Label:          r.FieldLabel,
		ChoicesRaw:     r.Choices,
		Note:           r.FieldNote,
		Validation:     strings.ToLower(strings.TrimSpace(r.Validation)),
		Min:            strings.TrimSpace(r.Min),
		Max:            strings.TrimSpace(r.Max),
		Branching:      r.Branching,
		Alignment:      strings.TrimSpace(r.Alignment),
		QuestionNumber: r.QuestionNumber,
		MatrixGroup:    strings.TrimSpace(r.MatrixGroup),
		Annotation:     r.Annotation,
		Location:       (Problem{File: c.file, Line: w.Line, Element: w.Element}).Location(),
	}
	f.Identifier = yesFlag(c, w, f.Name, "identifier", r.Identifier)
	f.Required = yesFlag(c, w, f.Name, "required_field", r.Required)
	if f.Required && f.Type == TypeDescriptive {
		// REDCap stores no required flag on a descriptive field (fidelity:
		// csv_newlines_metadata_export), so the live project has none.
		c.warnf(w, f.Name, "required_field is set on a descriptive field, which holds no value: REDCap drops it")
		f.Required = false
	}
	f.MatrixRanking = yesFlag(c, w, f.Name, "matrix_ranking", r.MatrixRanking)
	f.ActionTags = ParseActionTags(f.Annotation)
	written := f.Name
	f.Name = checkFieldName(c, w, written)
	f.Form = checkFormName(c, w, written, f.Form)
	checkFieldType(c, w, f)
	checkChoices(c, w, f)
	checkValidation(c, w, f)
	checkAlignment(c, w, f)
	return f
}

// yesFlag reads a y/empty flag column. Like REDCap (metadata: ..._bad_identifier_flag), only
// "y" (any case) sets the flag; any other value is dropped, with a warning.
func yesFlag(c *collector, w where, field, column, raw string) bool {
	switch strings.TrimSpace(raw) {
	case "y", "Y":
		return true
	case "":
		return false
	}
	c.warnf(w, field, "%s %q is not \"y\" or empty: treated as not set", column, raw)
	return false
}

// checkAlignment warns about a custom alignment REDCap does not know.
func checkAlignment(c *collector, w where, f *Field) {
	switch f.Alignment {
	case "", "RV", "RH", "LV", "LH":
		return
	}
	c.warnf(w, f.Name, "custom_alignment %q is not one of RV, RH, LV, LH: REDCap ignores it", f.Alignment)
}

// fieldTypeList renders the known field types for messages.
func fieldTypeList() string {
	return "text, notes, dropdown, radio, checkbox, yesno, truefalse, calc, file, slider, descriptive, sql"
}

// knownFieldType reports whether t is one of REDCap's field types.
func knownFieldType(t FieldType) bool {
	switch t {
	case TypeText, TypeNotes, TypeDropdown, TypeRadio, TypeCheckbox, TypeYesNo, TypeTrueFalse,
		TypeCalc, TypeFile, TypeSlider, TypeDescriptive, TypeSQL:
		return true
	}
	return false
}

// checkFieldType reports an empty or unknown field type.
func checkFieldType(c *collector, w where, f *Field) {
	switch {
	case f.Type == "":
		c.errorf(w, f.Name, "field type is empty (want %s)", fieldTypeList())
	case !knownFieldType(f.Type):
		lower := FieldType(strings.ToLower(string(f.Type)))
		if knownFieldType(lower) {
			c.errorf(w, f.Name, "field type %q must be lower-case (%q)", f.Type, lower)
			return
		}
		c.errorf(w, f.Name, "field type %q is unknown (want %s)", f.Type, fieldTypeList())
	}
}
