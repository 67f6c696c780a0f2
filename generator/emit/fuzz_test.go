package emit

import (
	"encoding/json"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator/naming"
)

// FuzzEmitText feeds arbitrary REDCap text (labels, a choice code and label, a title, a
// validation minimum) through the real reader and names: whatever the dictionary accepts must
// emit without error into gofmt-clean files.
func FuzzEmitText(f *testing.F) {
	f.Add("Date of <b>birth</b>", "-9", "Prefer */ not", "Study \"x\"", "1900-01-01")
	f.Add("a\nb\r\nc", "A_B", "``quoted''", "", "[other]")
	f.Add("\x00\xff\u202e", "01", "\u2028", "/* title", "today")
	f.Fuzz(func(t *testing.T, fieldLabel, code, choiceLabel, title, min string) {
		rows := []map[string]string{
			dictObject("record_id", "demographics", "text", fieldLabel, "", "", ""),
			dictObject("sex", "demographics", "radio", fieldLabel, "1, One | "+code+", "+choiceLabel, "", ""),
			dictObject("race", "demographics", "checkbox", choiceLabel, code+", "+choiceLabel+" | 2, Two", "", ""),
			dictObject("dob", "demographics", "text", fieldLabel, "", "date_ymd", min),
		}
		data, err := json.Marshal(rows)
		if err != nil {
			t.Fatal(err)
		}
		p, err := dictionary.ReadJSON("fuzz.json", data)
		if err != nil {
			return // the reader refused it: nothing to emit
		}
		p.Title = title
		n, err := naming.Resolve(p, nil)
		if err != nil {
			return
		}
		cfg := Config{Package: "fuzz", GeneratorVersion: "v0", Fingerprint: "sha256:fuzz", Snapshot: []byte(fieldLabel)}
		files, err := Emit(p, n, cfg)
		if err != nil {
			t.Fatalf("Emit refused a dictionary the reader and namer accepted: %v", err)
		}
		checkFiles(t, files, cfg)
	})
}

// dictObject is one API JSON dictionary row.
func dictObject(name, form, typ, label, choices, validation, min string) map[string]string {
	return map[string]string{
		"field_name": name, "form_name": form, "section_header": "", "field_type": typ,
		"field_label": label, "select_choices_or_calculations": choices, "field_note": "",
		"text_validation_type_or_show_slider_number": validation, "text_validation_min": min,
		"text_validation_max": "", "identifier": "", "branching_logic": "", "required_field": "",
		"custom_alignment": "", "question_number": "", "matrix_group_name": "", "matrix_ranking": "",
		"field_annotation": "",
	}
}
