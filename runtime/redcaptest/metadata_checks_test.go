package redcaptest

import (
	"strings"
	"testing"
)

// dictRows builds positional rows from CSV-like lines (field name, form, section, type, label,
// choices, note, validation, min, max, identifier, branching, required, alignment, question
// number, matrix group).
func dictRows(lines ...string) []dictRow {
	rows := make([]dictRow, len(lines))
	for i, l := range lines {
		rows[i] = dictRow{cells: strings.Split(l, ";"), line: i + 2}
	}
	return rows
}

// TestDictionaryOrderAndMatrixChecks: a form name that comes back after another named form's
// rows is refused (after rows without a form it is not), and so is a matrix field that is not a
// radio or checkbox field.
func TestDictionaryOrderAndMatrixChecks(t *testing.T) {
	const order = "Form names must be sequential and cannot repeat again after being used for another form. Rename the following form names  beginning with the values listed below: "
	const matrix = "Fields that are part of a matrix group can ONLY be a radio or checkbox field. The fields below need to be changed  so that the field is either of those field types."
	tests := []struct {
		name string
		rows []dictRow
		want string // a message REDCap gives, "" when the rows pass these checks
	}{
		{"forms in order", dictRows("id;a;;text", "x;a;;text", "y;b;;text"), ""},
		{"form comes back", dictRows("id;a;;text", "x;b;;text", "y;a;;text", "z;b;;text"), order + "(B4) (B5)"},
		{"back after a row without a form", dictRows("id;a;;text", "x;;;text", "y;a;;text"), ""},
		{"blank form comes back", dictRows("id;;;text", "x;b;;text", "y;;;text"), order + "(B4)"},
		{"matrix of radios", dictRows("id;a;;text", "x;a;;radio;;1, A;;;;;;;;;;m", "y;a;;checkbox;;1, A;;;;;;;;;;m"), ""},
		{"matrix with other types", dictRows("id;a;;text", "x;a;;slider;;;;;;;;;;;;m", "y;a;;text;;;;;;;;;;;;m"), matrix + "slider (D3)text (D4)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msgs := checkDictionary(tc.rows)
			got := ""
			for _, m := range msgs {
				if strings.HasPrefix(m, order) || strings.HasPrefix(m, matrix) {
					got = m
				}
			}
			if got != tc.want {
				t.Errorf("got %q\nwant %q\n(all: %q)", got, tc.want, msgs)
			}
		})
	}
}

// TestDictionaryFirstFieldIsText: REDCap makes the first field a text field before checking, so
// its type is never refused and its validation is checked as a text field's.
func TestDictionaryFirstFieldIsText(t *testing.T) {
	s := newDemo(t)
	data := `[{"field_name":"record_id","form_name":"f","section_header":"","field_type":"Record ID","field_label":"","select_choices_or_calculations":"","field_note":"","text_validation_type_or_show_slider_number":"bogus"}]`
	status, _, body := post(t, s, map[string]string{"content": "metadata", "action": "import", "format": "json", "data": data})
	if status != 400 || strings.Contains(body, "invalid field types") || !strings.Contains(body, `invalid validation types in your data dictionary:bogus (H2)`) {
		t.Errorf("%d %s", status, body)
	}
}
