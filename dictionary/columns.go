package dictionary

import "slices"

// ExportColumns returns the columns of a flat record export in REDCap's order: the record ID,
// then redcap_event_name (longitudinal), redcap_repeat_instrument and redcap_repeat_instance
// (projects with repeats), then per form its data fields (a checkbox gives one column per choice
// and, unless tagged @NOMISSING, one per missing-data code) followed by <form>_complete.
// Descriptive fields have no column. DAG and survey columns are left out: see
// ExportColumnsWith.
func (p *Project) ExportColumns() []string {
	return p.ExportColumnsWith(false, false)
}

// ExportColumnsWith is ExportColumns plus, when dag is set and the project has DAGs,
// redcap_data_access_group after the repeat columns, and, when survey is set,
// redcap_survey_identifier after the record ID and <form>_timestamp before the fields of every
// survey-enabled form.
func (p *Project) ExportColumnsWith(dag, survey bool) []string {
	id := p.RecordIDField()
	if id == nil {
		return nil
	}
	cols := []string{id.Name}
	if p.IsLongitudinal() {
		cols = append(cols, "redcap_event_name")
	}
	if p.HasRepeating() {
		cols = append(cols, "redcap_repeat_instrument", "redcap_repeat_instance")
	}
	if dag && len(p.DAGs) > 0 {
		cols = append(cols, "redcap_data_access_group")
	}
	if survey {
		cols = append(cols, "redcap_survey_identifier")
	}
	for _, form := range p.Forms {
		if survey && p.isSurveyForm(form.Name) {
			cols = append(cols, form.Name+"_timestamp")
		}
		for _, f := range form.Fields {
			if f == id {
				continue
			}
			cols = append(cols, p.FieldColumns(f)...)
		}
		cols = append(cols, form.Name+"_complete")
	}
	return cols
}

// FieldColumns returns the export columns of one field: none for a descriptive field, one per
// choice (plus one per missing-data code unless @NOMISSING) for a checkbox, else the field name.
func (p *Project) FieldColumns(f *Field) []string {
	switch f.Type {
	case TypeDescriptive:
		return nil
	case TypeCheckbox:
		cols := make([]string, 0, len(f.Choices)+len(p.MissingCodes))
		for _, ch := range f.Choices {
			cols = append(cols, CheckboxColumn(f.Name, ch.Code))
		}
		if !f.HasTag("NOMISSING") {
			for _, mc := range p.MissingCodes {
				// A missing code that is also a choice code keeps the choice's one column.
				if col := CheckboxColumn(f.Name, mc.Code); !slices.Contains(cols, col) {
					cols = append(cols, col)
				}
			}
		}
		return cols
	}
	return []string{f.Name}
}

// isSurveyForm reports whether form is survey-enabled.
func (p *Project) isSurveyForm(form string) bool {
	for _, name := range p.SurveyForms {
		if name == form {
			return true
		}
	}
	return false
}
