package dictionary

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestMetadataImportDefects reads the dictionaries of metadata.jsonl's metadata_import_* cases,
// each the fieldtypes dictionary with one defect, and compares the outcome with what REDCap
// did. Where redcapgen is stricter or more lenient than REDCap's import, the table says why.
func TestMetadataImportDefects(t *testing.T) {
	const (
		ok      = "ok"
		warning = "warning"
		failure = "error"
	)
	want := map[string]string{
		"metadata_import_fieldtypes_all":       ok,
		"metadata_import_fieldtypes_all_again": ok,
		"metadata_import_csv_small":            ok,
		// REDCap accepts both, but their bmi ends its power inside round( , 1), which REDCap's
		// rewriting of ^ cannot place: the calc stays blank, and generation says so.
		"metadata_import_classic":                                warning,
		"metadata_import_longitudinal":                           warning,
		"metadata_import_repeating":                              ok,
		"metadata_import_defect_unknown_validation_type":         warning, // REDCap refuses; a project may hold a site-defined type
		"metadata_import_defect_checkbox_code_with_dot":          ok,
		"metadata_import_defect_checkbox_code_with_space":        failure,
		"metadata_import_defect_radio_code_with_dot":             ok,
		"metadata_import_defect_duplicate_choice_codes":          failure,
		"metadata_import_defect_duplicate_field_name":            failure,
		"metadata_import_defect_unknown_field_type":              failure,
		"metadata_import_defect_uppercase_field_name":            warning, // REDCap lower-cases it
		"metadata_import_defect_field_name_leading_digit":        failure,
		"metadata_import_defect_field_name_too_long":             failure,
		"metadata_import_defect_reserved_field_name":             failure,
		"metadata_import_defect_form_name_uppercase":             warning, // REDCap lower-cases it
		"metadata_import_defect_calc_empty":                      warning, // REDCap refuses; live projects hold such fields
		"metadata_import_defect_calc_unknown_field":              warning, // REDCap refuses; logic never stops generation
		"metadata_import_defect_branching_unknown_field":         warning, // likewise
		"metadata_import_defect_validation_min_wrong_type":       warning, // REDCap refuses; min/max are soft limits
		"metadata_import_defect_validation_min_greater_than_max": ok,
		"metadata_import_defect_date_min_wrong_format":           warning, // REDCap converts M/D/Y
		"metadata_import_defect_validation_on_notes_field":       warning, // REDCap refuses; ignored
		"metadata_import_defect_bad_identifier_flag":             warning, // REDCap drops the flag
		"metadata_import_defect_bad_required_flag":               warning, // likewise
		"metadata_import_defect_bad_custom_alignment":            warning, // REDCap drops it
		"metadata_import_defect_matrix_mismatched_choices":       warning, // REDCap refuses; each field keeps its choices
		"metadata_import_defect_slider_bad_display_value":        warning, // REDCap drops it
		"metadata_import_defect_section_header_on_first_field":   ok,
		"metadata_import_defect_form_complete_field_name":        failure,
		"metadata_import_defect_missing_key_field_type":          failure,
		"metadata_import_defect_extra_unknown_key":               warning,
		"metadata_import_defect_malformed_json":                  failure,
		"metadata_import_defect_record_id_not_first":             ok,
		// REDCap accepts these and stores "bad_name" and "my_form"; so does the reader.
		"metadata_import_defect_field_name_with_space": warning,
		"metadata_import_defect_form_name_with_space":  warning,
		// REDCap maps import objects by position; exports always have REDCap's key order, so
		// reading by key is right for every file REDCap produces.
		"metadata_import_defect_keys_reordered_one_object": ok,
		"metadata_import_defect_keys_sorted_all_objects":   ok,
		// REDCap refuses it, but real production metadata has such fields (flight-tracker.json).
		"metadata_import_defect_dropdown_without_choices": warning,
		// REDCap accepts "[]" and is left without fields; there is nothing to generate.
		"metadata_import_defect_empty_array": failure,
	}
	sc := bufio.NewScanner(bytes.NewReader(readShared(t, filepath.Join("conformance", "metadata.jsonl"))))
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	seen := 0
	for sc.Scan() {
		var c struct {
			Name    string            `json:"name"`
			Request map[string]string `json:"request"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		data, isImport := c.Request["data"]
		if !strings.HasPrefix(c.Name, "metadata_import") || !isImport {
			continue
		}
		seen++
		t.Run(c.Name, func(t *testing.T) {
			expected, listed := want[c.Name]
			if !listed {
				t.Fatalf("case not in the table")
			}
			p, err := Read(c.Name, []byte(data))
			got, detail := ok, ""
			switch {
			case err != nil:
				got, detail = failure, err.Error()
			case len(p.Warnings) > 0:
				got, detail = warning, Problems(p.Warnings).Error()
			}
			if got != expected {
				t.Errorf("got %s, want %s: %s", got, expected, detail)
			}
		})
	}
	if seen != len(want) {
		t.Errorf("%d import cases, table has %d", seen, len(want))
	}
}
