package dictionary

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// ruleTestDictionary is a small API-JSON dictionary covering every kind of rule.
const ruleTestDictionary = `[
{"field_name":"record_id","form_name":"demo","section_header":"","field_type":"text","field_label":"ID","select_choices_or_calculations":"","field_note":"","text_validation_type_or_show_slider_number":"","text_validation_min":"","text_validation_max":"","identifier":"","branching_logic":"","required_field":"","custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":""},
{"field_name":"dob","form_name":"demo","section_header":"","field_type":"text","field_label":"DOB","select_choices_or_calculations":"","field_note":"","text_validation_type_or_show_slider_number":"date_ymd","text_validation_min":"1900-01-01","text_validation_max":"today","identifier":"y","branching_logic":"","required_field":"y","custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":""},
{"field_name":"intro","form_name":"demo","section_header":"","field_type":"descriptive","field_label":"Hello","select_choices_or_calculations":"","field_note":"","text_validation_type_or_show_slider_number":"","text_validation_min":"","text_validation_max":"","identifier":"","branching_logic":"","required_field":"","custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":""},
{"field_name":"race","form_name":"demo","section_header":"","field_type":"checkbox","field_label":"Race","select_choices_or_calculations":"1, White | -9, Unknown | A_B, Other","field_note":"","text_validation_type_or_show_slider_number":"","text_validation_min":"","text_validation_max":"","identifier":"","branching_logic":"[dob] <> ''","required_field":"","custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":""},
{"field_name":"smoker","form_name":"visit","section_header":"","field_type":"yesno","field_label":"Smoker","select_choices_or_calculations":"","field_note":"","text_validation_type_or_show_slider_number":"","text_validation_min":"","text_validation_max":"","identifier":"","branching_logic":"","required_field":"","custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":"@NOMISSING"},
{"field_name":"pain","form_name":"visit","section_header":"","field_type":"slider","field_label":"Pain","select_choices_or_calculations":"None | | Worst","field_note":"","text_validation_type_or_show_slider_number":"number","text_validation_min":"","text_validation_max":"10","identifier":"","branching_logic":"","required_field":"","custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":""},
{"field_name":"bmi","form_name":"visit","section_header":"","field_type":"calc","field_label":"BMI","select_choices_or_calculations":"[pain] * 2","field_note":"","text_validation_type_or_show_slider_number":"","text_validation_min":"","text_validation_max":"","identifier":"","branching_logic":"","required_field":"","custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":""},
{"field_name":"label","form_name":"visit","section_header":"","field_type":"text","field_label":"Label","select_choices_or_calculations":"","field_note":"","text_validation_type_or_show_slider_number":"","text_validation_min":"","text_validation_max":"","identifier":"","branching_logic":"","required_field":"","custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":"@CALCTEXT(concat('a','b'))"}
]`

// TestRules checks the rules of every kind of field, the form status rules and their order.
func TestRules(t *testing.T) {
	p, err := ReadJSON("rules.json", []byte(ruleTestDictionary))
	if err != nil {
		t.Fatalf("ReadJSON: %v", err)
	}
	p.MissingCodes = []MissingCode{{Code: "UNK", Label: "Unknown"}}
	status := []redcap.RuleChoice{{Code: "0", Label: "Incomplete"}, {Code: "1", Label: "Unverified"}, {Code: "2", Label: "Complete"}}
	want := []redcap.FieldRule{
		{Name: "record_id", Form: "demo", Type: "text"},
		{Name: "dob", Form: "demo", Type: "text", Validation: "date_ymd", Min: "1900-01-01", Max: "today", Required: true, Identifier: true},
		{Name: "race", Form: "demo", Type: "checkbox", Branching: "[dob] <> ''",
			Choices:         []redcap.RuleChoice{{Code: "1", Label: "White"}, {Code: "-9", Label: "Unknown"}, {Code: "A_B", Label: "Other"}},
			CheckboxColumns: []string{"race___1", "race____9", "race___a_b", "race___unk"}},
		{Name: "demo_complete", Form: "demo", Type: "form_status", Choices: status},
		{Name: "smoker", Form: "visit", Type: "yesno", NoMissing: true,
			Choices: []redcap.RuleChoice{{Code: "1", Label: "Yes"}, {Code: "0", Label: "No"}}},
		{Name: "pain", Form: "visit", Type: "slider", Validation: "number", Min: "0", Max: "10"},
		{Name: "bmi", Form: "visit", Type: "calc", ReadOnly: true, Computed: "calc", Expression: "[pain] * 2"},
		{Name: "label", Form: "visit", Type: "text", ReadOnly: true, Computed: "calctext", Expression: "concat('a','b')"},
		{Name: "visit_complete", Form: "visit", Type: "form_status", Choices: status},
	}
	if diff := cmp.Diff(want, Rules(p)); diff != "" {
		t.Errorf("Rules mismatch (-want +got):\n%s", diff)
	}
}

// TestRuleForChecksValues shows that a converted rule judges values as REDCap does.
func TestRuleForChecksValues(t *testing.T) {
	p, err := ReadJSON("rules.json", []byte(ruleTestDictionary))
	if err != nil {
		t.Fatalf("ReadJSON: %v", err)
	}
	tests := []struct {
		field, value string
		ok           bool
	}{
		{"dob", "2024-02-29", true},
		{"dob", "2023-02-29", false},
		{"smoker", "1", true},
		{"smoker", "yes", false},
		{"pain", "10", true},
		{"pain", "11", false},
	}
	for _, tt := range tests {
		f, ok := p.Field(tt.field)
		if !ok {
			t.Fatalf("field %q missing", tt.field)
		}
		rule := RuleFor(p, f)
		if _, msg, ok := rule.CheckImport(tt.value, nil, redcap.DateYMD); ok != tt.ok {
			t.Errorf("%s=%q: ok=%v (%s), want %v", tt.field, tt.value, ok, msg, tt.ok)
		}
	}
}

// ruleVector is one captured record import of ../shared/conformance.
type ruleVector struct {
	Name    string         `json:"name"`
	Request map[string]any `json:"request"`
	Status  int            `json:"status"`
	Body    string         `json:"body"`
}

// ruleVectors reads a conformance file by case name, skipping (failing under CI) when
// ../shared is missing.
func ruleVectors(t *testing.T, file string) map[string]ruleVector {
	t.Helper()
	data := readShared(t, filepath.Join("conformance", file))
	out := map[string]ruleVector{}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var v ruleVector
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		out[v.Name] = v
	}
	return out
}

// TestRulesAgreeWithVectors builds the rules of the fieldtypes and missingcodes fixtures through
// ReadJSON and Rules and replays their one-value imports: every verdict and message must be
// REDCap's.
func TestRulesAgreeWithVectors(t *testing.T) {
	meta := ruleVectors(t, "metadata.jsonl")
	records := ruleVectors(t, "records.jsonl")
	missing := ruleVectors(t, "missingcodes.jsonl")

	fieldtypes, err := ReadJSON("fieldtypes.json", []byte(meta["metadata_import_fieldtypes_all"].Request["data"].(string)))
	if err != nil {
		t.Fatalf("fieldtypes: %v", err)
	}
	mc, err := ReadJSON("missingcodes.json", []byte(missing["missingcodes_metadata"].Body))
	if err != nil {
		t.Fatalf("missingcodes: %v", err)
	}
	mc.MissingCodes = []MissingCode{{Code: "NA"}, {Code: "UNK"}, {Code: "-99"}}
	codes := redcap.NewMissingCodes("NA", "UNK", "-99")

	agree, total := 0, 0
	replay := func(rules []redcap.FieldRule, codes *redcap.MissingCodes, v ruleVector) {
		var rows []map[string]string
		if err := json.Unmarshal([]byte(v.Request["data"].(string)), &rows); err != nil || len(rows) != 1 {
			return
		}
		var body struct{ Error string }
		_ = json.Unmarshal([]byte(v.Body), &body)
		for col, raw := range rows[0] {
			if col == "record_id" {
				continue
			}
			total++
			_, msg, ok := redcap.CheckColumn(rules, col, raw, codes, redcap.DateYMD)
			switch {
			case ok != (v.Status == 200):
				t.Errorf("%s: %s=%q ok=%v, REDCap status %d", v.Name, col, raw, ok, v.Status)
			case !ok && !strings.Contains(body.Error, msg):
				t.Errorf("%s: message %q not in REDCap's %q", v.Name, msg, body.Error)
			default:
				agree++
			}
		}
	}
	ftRules, mcRules := Rules(fieldtypes), Rules(mc)
	for name, v := range records {
		if (strings.HasPrefix(name, "import_v_") || strings.HasPrefix(name, "import_f_") || strings.HasPrefix(name, "import_checkbox_")) && !strings.HasSuffix(name, "__after") {
			replay(ftRules, nil, v)
		}
	}
	for name, v := range missing {
		if strings.HasPrefix(name, "missingcodes_import_") {
			replay(mcRules, codes, v)
		}
	}
	t.Logf("%d/%d agree", agree, total)
	if total < 200 {
		t.Errorf("only %d values replayed", total)
	}
}
