package redcap

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// vectorSet is one group of value-import vectors replayed against the rules.
type vectorSet struct {
	rules  []FieldRule
	codes  *MissingCodes
	stored map[string]map[string]string // record → field → value exported after the imports
	batch  map[string]string            // field + "\x00" + value → record of the same value in a batch import
	// compared counts accepted values whose stored form was checked against an export.
	compared int
}

// expectedLine is one refused value of a REDCap error body.
type expectedLine struct{ value, message string }

// TestImportVectorsAgree replays every value-import vector: the verdict must equal the real
// server's, the message REDCap's for refusals, and the stored value what the export after it shows.
func TestImportVectorsAgree(t *testing.T) {
	records, recordsByName := rulesLoadCases(t, "records.jsonl")
	_, meta := rulesLoadCases(t, "metadata.jsonl")
	missing, missingByName := rulesLoadCases(t, "missingcodes.jsonl")

	fieldtypes := &vectorSet{
		rules:  rulesFromMetadata(t, rulesMustCase(t, meta, "metadata_import_fieldtypes_all").param("data"), nil),
		stored: exportedValues(t, records, "fieldtypes"),
		batch:  batchRecords(t, rulesMustCase(t, recordsByName, "import_normalization_batch")),
	}
	classic := &vectorSet{
		rules:  rulesFromMetadata(t, rulesMustCase(t, meta, "metadata_export_classic_json").Body, nil),
		stored: exportedValues(t, records, "classic"),
	}
	codes := missingCodesOf(t, rulesMustCase(t, missingByName, "missingcodes_project_info").Body)
	missingSet := &vectorSet{
		rules:  rulesFromMetadata(t, rulesMustCase(t, missingByName, "missingcodes_metadata").Body, codes),
		codes:  NewMissingCodes(codes...),
		stored: exportedValues(t, missing, "missingcodes"),
	}

	agree, total := 0, 0
	run := func(set *vectorSet, c *confCase) {
		total++
		if problems := set.replay(t, c); len(problems) > 0 {
			t.Errorf("%s: %s", c.Name, strings.Join(problems, "; "))
			return
		}
		agree++
	}
	for _, c := range records {
		switch {
		case isFieldtypesValueVector(c.Name):
			run(fieldtypes, c)
		case isClassicValueVector(c.Name):
			run(classic, c)
		}
	}
	for _, c := range missing {
		if strings.HasPrefix(c.Name, "missingcodes_import_") {
			run(missingSet, c)
		}
	}
	t.Logf("%d/%d agree", agree, total)
	compared := fieldtypes.compared + classic.compared + missingSet.compared
	t.Logf("stored values compared with REDCap's exports: %d", compared)
	if compared < 150 {
		t.Errorf("only %d stored values compared; the exports were not matched", compared)
	}
	if total < 250 {
		t.Errorf("only %d vectors replayed; the selection lost cases", total)
	}
}

// isFieldtypesValueVector selects the one-value (and several-errors) import cases of the
// fieldtypes project.
func isFieldtypesValueVector(name string) bool {
	if strings.HasSuffix(name, "__after") {
		return false
	}
	for _, prefix := range []string{"import_v_", "import_f_", "import_checkbox_", "import_field_types_complete_", "import_several_errors_in_one_record", "import_batch_one_bad_record"} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

// isClassicValueVector selects the classic-project imports that are about values: dateFormat,
// ranges, required and branching.
func isClassicValueVector(name string) bool {
	for _, prefix := range []string{"classic_import_dateFormat_", "classic_import_no_dateFormat", "classic_import_dob_", "classic_import_range_", "classic_import_required_missing", "classic_import_branching_hidden_value", "classic_import_bad_value_no_returnFormat"} {
		if strings.HasPrefix(name, prefix) && !strings.HasSuffix(name, "__after") {
			return true
		}
	}
	return false
}

// replay checks every value of one import case and returns what disagrees.
func (set *vectorSet) replay(t *testing.T, c *confCase) []string {
	t.Helper()
	var rows []map[string]any
	if err := json.Unmarshal([]byte(c.param("data")), &rows); err != nil {
		return []string{fmt.Sprintf("data: %v", err)}
	}
	wantErrors, unknown := expectedErrors(t, c)
	df := ParseDateFormat(c.param("dateFormat"))
	recordField := set.rules[0].Name
	var problems []string
	matched := 0
	for _, row := range rows {
		record := fmt.Sprint(row[recordField])
		for _, col := range sortedKeys(row) {
			if col == recordField {
				continue
			}
			raw := fmt.Sprint(row[col])
			stored, msg, ok := CheckColumn(set.rules, col, raw, set.codes, df)
			want, refused := wantErrors[record+"\x00"+col]
			switch {
			case unknown != "":
				if ok || msg != unknown {
					problems = append(problems, fmt.Sprintf("%s=%q: got ok=%v msg %q, REDCap: %q", col, raw, ok, msg, unknown))
				} else {
					matched++
				}
			case refused:
				matched++
				if ok {
					problems = append(problems, fmt.Sprintf("%s=%q accepted, REDCap refused it: %q", col, raw, want.message))
				} else if msg != want.message || stored != want.value {
					problems = append(problems, fmt.Sprintf("%s=%q: got %q %q, REDCap: %q %q", col, raw, stored, msg, want.value, want.message))
				}
			case !ok:
				problems = append(problems, fmt.Sprintf("%s=%q refused (%q), REDCap accepted it", col, raw, msg))
			default:
				exported, found := set.storedValue(record, col, raw)
				if found {
					set.compared++
				}
				if found && exported != stored {
					problems = append(problems, fmt.Sprintf("%s=%q: stored %q, REDCap stored %q", col, raw, stored, exported))
				}
			}
		}
	}
	if c.Status != 200 && matched == 0 {
		problems = append(problems, "REDCap refused the import but no value matched its error")
	}
	if matched < len(wantErrors) {
		problems = append(problems, fmt.Sprintf("REDCap reported %d refused values, %d found", len(wantErrors), matched))
	}
	return problems
}

// storedValue returns what REDCap exported for record's col after the import, looking through
// the batch re-import of the same value when the record itself was not exported.
func (set *vectorSet) storedValue(record, col, raw string) (string, bool) {
	if v, ok := set.stored[record][col]; ok {
		return v, true
	}
	if other, ok := set.batch[col+"\x00"+raw]; ok {
		v, ok := set.stored[other][col]
		return v, ok
	}
	return "", false
}

// expectedErrors parses a refused import's body: the CSV lines keyed by record and field, or the
// whole message when REDCap refused unknown fields.
func expectedErrors(t *testing.T, c *confCase) (map[string]expectedLine, string) {
	t.Helper()
	if c.Status == 200 {
		return nil, ""
	}
	var body struct {
		Error string `json:"error"`
	}
	if err := json.Unmarshal([]byte(c.Body), &body); err != nil {
		t.Fatalf("%s: body: %v", c.Name, err)
	}
	if strings.HasPrefix(body.Error, "The following fields were not found") {
		return nil, body.Error
	}
	lines, err := csv.NewReader(strings.NewReader(body.Error)).ReadAll()
	if err != nil {
		t.Fatalf("%s: error lines: %v", c.Name, err)
	}
	want := map[string]expectedLine{}
	for _, l := range lines {
		if len(l) != 4 {
			t.Fatalf("%s: error line %q", c.Name, l)
		}
		want[l[0]+"\x00"+l[1]] = expectedLine{value: l[2], message: l[3]}
	}
	return want, ""
}

// exportedValues collects record → field → value from every flat JSON export of a project.
func exportedValues(t *testing.T, cases []*confCase, project string) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, c := range cases {
		if c.Project != project || c.param("action") != "export" || c.param("format") != "json" || c.param("type") != "flat" || c.Status != 200 ||
			(c.param("rawOrLabel") != "" && c.param("rawOrLabel") != "raw") {
			continue
		}
		var rows []map[string]any
		if err := json.Unmarshal([]byte(c.Body), &rows); err != nil {
			continue
		}
		for _, row := range rows {
			id, ok := row["record_id"].(string)
			if !ok {
				continue
			}
			if out[id] == nil {
				out[id] = map[string]string{}
			}
			for k, v := range row {
				if s, ok := v.(string); ok {
					out[id][k] = s
				}
			}
		}
	}
	return out
}

// batchRecords maps field and value to the record that carried them in a batch import.
func batchRecords(t *testing.T, c *confCase) map[string]string {
	t.Helper()
	var rows []map[string]string
	if err := json.Unmarshal([]byte(c.param("data")), &rows); err != nil {
		t.Fatalf("%s: %v", c.Name, err)
	}
	out := map[string]string{}
	for _, row := range rows {
		for k, v := range row {
			if k != "record_id" {
				out[k+"\x00"+v] = row["record_id"]
			}
		}
	}
	return out
}

// sortedKeys returns a row's columns in a fixed order.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
