package dictionary

// rawField is one dictionary row as a reader found it: the 18 columns as text, before any
// interpretation, plus where it was read. Every reader produces rawFields and hands them to
// buildProject, so the checks are the same for every format.
type rawField struct {
	Line    int // CSV line where the record starts; 0 for JSON/XML
	Element int // 1-based JSON/XML element index; 0 for CSV

	FieldName      string
	FormName       string
	SectionHeader  string
	FieldType      string
	FieldLabel     string
	Choices        string
	FieldNote      string
	Validation     string
	Min            string
	Max            string
	Identifier     string
	Branching      string
	Required       string
	Alignment      string
	QuestionNumber string
	MatrixGroup    string
	MatrixRanking  string
	Annotation     string
}

// column returns a pointer to the column of r named by an API key, or nil for an unknown key.
func (r *rawField) column(key string) *string {
	switch key {
	case "field_name":
		return &r.FieldName
	case "form_name":
		return &r.FormName
	case "section_header":
		return &r.SectionHeader
	case "field_type":
		return &r.FieldType
	case "field_label":
		return &r.FieldLabel
	case "select_choices_or_calculations":
		return &r.Choices
	case "field_note":
		return &r.FieldNote
	case "text_validation_type_or_show_slider_number":
		return &r.Validation
	case "text_validation_min":
		return &r.Min
	case "text_validation_max":
		return &r.Max
	case "identifier":
		return &r.Identifier
	case "branching_logic":
		return &r.Branching
	case "required_field":
		return &r.Required
	case "custom_alignment":
		return &r.Alignment
	case "question_number":
		return &r.QuestionNumber
	case "matrix_group_name":
		return &r.MatrixGroup
	case "matrix_ranking":
		return &r.MatrixRanking
	case "field_annotation":
		return &r.Annotation
	}
	return nil
}
