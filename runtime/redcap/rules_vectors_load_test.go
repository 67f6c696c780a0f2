package redcap

import (
	"bufio"
	"encoding/json"
	"errors"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// confCase is one captured request/response pair of ../shared/conformance.
type confCase struct {
	Name    string                     `json:"name"`
	Project string                     `json:"project"`
	Request map[string]json.RawMessage `json:"request"`
	Status  int                        `json:"status"`
	Body    string                     `json:"body"`
}

// param returns a string request parameter ("" when absent or not a string).
func (c *confCase) param(key string) string {
	var s string
	if raw, ok := c.Request[key]; ok {
		_ = json.Unmarshal(raw, &s)
	}
	return s
}

// rulesSharedDir returns ../shared beside the checkout (see sharedtest.Dir).
func rulesSharedDir(t testing.TB) string { return sharedtest.Dir(t) }

// rulesLoadCases reads every case of one conformance file, keyed by name and in file order.
func rulesLoadCases(t testing.TB, file string) ([]*confCase, map[string]*confCase) {
	t.Helper()
	path := filepath.Join(rulesSharedDir(t), "conformance", file)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) && os.Getenv("CI") == "" {
		t.Skipf("SKIPPING: %s not found", path)
	}
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var list []*confCase
	byName := map[string]*confCase{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		c := new(confCase)
		if err := json.Unmarshal([]byte(line), c); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		list = append(list, c)
		byName[c.Name] = c
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return list, byName
}

// rulesMustCase returns a named case or fails.
func rulesMustCase(t testing.TB, byName map[string]*confCase, name string) *confCase {
	t.Helper()
	c, ok := byName[name]
	if !ok {
		t.Fatalf("conformance case %q not found", name)
	}
	return c
}

// rulesFromMetadata builds the FieldRules of an API metadata export (JSON array of 18-key objects)
// directly, without the dictionary readers: every data field in order, then a form_status rule
// after each form's fields.
func rulesFromMetadata(t testing.TB, metadataJSON string, codes []string) []FieldRule {
	t.Helper()
	var fields []map[string]string
	if err := json.Unmarshal([]byte(metadataJSON), &fields); err != nil {
		t.Fatalf("metadata: %v", err)
	}
	var rules []FieldRule
	for i, f := range fields {
		if f["field_type"] != typeDescriptive {
			rules = append(rules, ruleFromMetadata(f, codes))
		}
		if i == len(fields)-1 || fields[i+1]["form_name"] != f["form_name"] {
			rules = append(rules, FieldRule{
				Name: f["form_name"] + "_complete", Form: f["form_name"], Type: typeFormStatus,
				Choices: []RuleChoice{{"0", "Incomplete"}, {"1", "Unverified"}, {"2", "Complete"}},
			})
		}
	}
	return rules
}

// ruleFromMetadata builds one field's rule from its metadata object.
func ruleFromMetadata(f map[string]string, codes []string) FieldRule {
	r := FieldRule{
		Name: f["field_name"], Form: f["form_name"], Type: f["field_type"],
		Validation: f["text_validation_type_or_show_slider_number"],
		Min:        f["text_validation_min"], Max: f["text_validation_max"],
		Required: f["required_field"] == "y", Identifier: f["identifier"] == "y",
		NoMissing: strings.Contains(f["field_annotation"], "@NOMISSING"),
		ReadOnly:  f["field_type"] == typeCalc || f["field_type"] == typeFile,
		Branching: f["branching_logic"],
	}
	switch r.Type {
	case "yesno":
		r.Choices = []RuleChoice{{"1", "Yes"}, {"0", "No"}}
	case "truefalse":
		r.Choices = []RuleChoice{{"1", "True"}, {"0", "False"}}
	case "dropdown", "radio", typeCheckbox:
		for _, entry := range strings.Split(f["select_choices_or_calculations"], "|") {
			code, label, _ := strings.Cut(entry, ",")
			r.Choices = append(r.Choices, RuleChoice{strings.TrimSpace(code), strings.TrimSpace(label)})
		}
	}
	if r.Type == typeCheckbox {
		for _, ch := range r.Choices {
			r.CheckboxColumns = append(r.CheckboxColumns, testCheckboxColumn(r.Name, ch.Code))
		}
		if !r.NoMissing {
			for _, code := range codes {
				r.CheckboxColumns = append(r.CheckboxColumns, testCheckboxColumn(r.Name, code))
			}
		}
	}
	return r
}

// testCheckboxColumn is REDCap's checkbox export column name: lower-cased code, every byte
// outside [a-z0-9_] replaced by "_".
func testCheckboxColumn(field, code string) string {
	b := []byte(strings.ToLower(code))
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			b[i] = '_'
		}
	}
	return field + "___" + string(b)
}

// missingCodesOf parses project info's missing_data_codes ("NA, Not applicable | UNK, Unknown").
func missingCodesOf(t testing.TB, projectInfoJSON string) []string {
	t.Helper()
	var info struct {
		Codes string `json:"missing_data_codes"`
	}
	if err := json.Unmarshal([]byte(projectInfoJSON), &info); err != nil {
		t.Fatalf("project info: %v", err)
	}
	var codes []string
	for _, entry := range strings.Split(info.Codes, "|") {
		if code, _, _ := strings.Cut(entry, ","); strings.TrimSpace(code) != "" {
			codes = append(codes, strings.TrimSpace(code))
		}
	}
	return codes
}

// fieldtypesRules returns the rules of the fieldtypes fixture project.
func fieldtypesRules(t testing.TB) []FieldRule {
	t.Helper()
	_, meta := rulesLoadCases(t, "metadata.jsonl")
	return rulesFromMetadata(t, rulesMustCase(t, meta, "metadata_import_fieldtypes_all").param("data"), nil)
}
