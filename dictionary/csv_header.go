package dictionary

import (
	"strings"
)

// csvColumn is one dictionary column as the CSV header names it.
type csvColumn struct {
	key      string // API key, e.g. "field_name"
	title    string // the Data Dictionary download's header, for messages
	prefixes []string
	required bool
}

// csvColumns returns the dictionary columns in REDCap's order with the header prefixes that
// identify them. Headers are compared after normalizeHeader, so both the download's titles
// ("Variable / Field Name") and the API's keys ("field_name") match. The first 16 columns are
// in every REDCap version; Matrix Ranking and Field Annotation came later.
func csvColumns() []csvColumn {
	return []csvColumn{
		{"field_name", "Variable / Field Name", []string{"variable / field name", "variable/field name", "field name", "variable"}, true},
		{"form_name", "Form Name", []string{"form name"}, true},
		{"section_header", "Section Header", []string{"section header"}, true},
		{"field_type", "Field Type", []string{"field type"}, true},
		{"field_label", "Field Label", []string{"field label"}, true},
		{"select_choices_or_calculations", "Choices, Calculations, OR Slider Labels", []string{"choices", "select choices"}, true},
		{"field_note", "Field Note", []string{"field note"}, true},
		{"text_validation_type_or_show_slider_number", "Text Validation Type OR Show Slider Number", []string{"text validation type"}, true},
		{"text_validation_min", "Text Validation Min", []string{"text validation min"}, true},
		{"text_validation_max", "Text Validation Max", []string{"text validation max"}, true},
		{"identifier", "Identifier?", []string{"identifier"}, true},
		{"branching_logic", "Branching Logic (Show field only if...)", []string{"branching logic"}, true},
		{"required_field", "Required Field?", []string{"required field"}, true},
		{"custom_alignment", "Custom Alignment", []string{"custom alignment"}, true},
		{"question_number", "Question Number (surveys only)", []string{"question number"}, true},
		{"matrix_group_name", "Matrix Group Name", []string{"matrix group name", "matrix group"}, true},
		{"matrix_ranking", "Matrix Ranking?", []string{"matrix ranking"}, false},
		{"field_annotation", "Field Annotation", []string{"field annotation"}, false},
	}
}

// normalizeHeader lower-cases a header cell, turns "_" into spaces, trims it and collapses
// runs of white space.
func normalizeHeader(cell string) string {
	cell = strings.ReplaceAll(strings.ToLower(cell), "_", " ")
	return strings.Join(strings.Fields(cell), " ")
}

// csvHeader maps cell positions to API keys.
type csvHeader struct {
	keys []string // key per cell position; "" for an ignored column
}

// parseCSVHeader matches header cells to dictionary columns. It returns the missing required
// columns' titles, and the cells it could not place.
func parseCSVHeader(cells []string) (h csvHeader, missing, unknown, duplicate []string) {
	cols := csvColumns()
	found := make(map[string]bool, len(cols))
	h.keys = make([]string, len(cells))
	for i, cell := range cells {
		norm := normalizeHeader(cell)
		if norm == "" {
			continue
		}
		key := matchHeader(cols, norm)
		switch {
		case key == "":
			unknown = append(unknown, cell)
		case found[key]:
			duplicate = append(duplicate, cell)
		default:
			found[key] = true
			h.keys[i] = key
		}
	}
	for _, col := range cols {
		if col.required && !found[col.key] {
			missing = append(missing, col.title)
		}
	}
	return h, missing, unknown, duplicate
}

// matchHeader returns the API key whose prefixes start norm, or "".
func matchHeader(cols []csvColumn, norm string) string {
	for _, col := range cols {
		for _, prefix := range col.prefixes {
			if strings.HasPrefix(norm, prefix) {
				return col.key
			}
		}
	}
	return ""
}
