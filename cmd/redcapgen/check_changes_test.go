package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary/snapshot"
)

// classicChangeSource is the shared classic dictionary the field and choice edits apply to: small,
// with a dropdown, a letter-coded checkbox, dates and plain text fields on several forms.
const classicChangeSource = "redcapapi-offline.csv"

// dictionaryEdit is one kind of change a data manager makes in REDCap, applied to a copy of a
// shared dictionary, with the change -check must report.
type dictionaryEdit struct {
	name     string
	edit     func(t *testing.T, rows [][]string) [][]string
	kind     string // snapshot.Kind...
	subject  string // the field (or form) the report must name
	breaking bool
}

// setCell returns an edit that sets one column of field's row.
func setCell(field string, col int, value string) func(*testing.T, [][]string) [][]string {
	return func(t *testing.T, rows [][]string) [][]string {
		rows[rowOf(t, rows, field)][col] = value
		return rows
	}
}

// replaceInCell returns an edit that replaces old by new in one column of field's row.
func replaceInCell(field string, col int, old, new string) func(*testing.T, [][]string) [][]string {
	return func(t *testing.T, rows [][]string) [][]string {
		r := rows[rowOf(t, rows, field)]
		if !strings.Contains(r[col], old) {
			t.Fatalf("field %q: column %d %q does not contain %q", field, col, r[col], old)
		}
		r[col] = strings.Replace(r[col], old, new, 1)
		return rows
	}
}

var classicEdits = []dictionaryEdit{
	{
		name: "field added",
		edit: func(t *testing.T, rows [][]string) [][]string {
			i := rowOf(t, rows, "text_test")
			added := slices.Clone(rows[i])
			added[colFieldName], added[colFieldLabel] = "text_added", "A new text field"
			return slices.Insert(rows, i+1, added)
		},
		kind: snapshot.KindFieldAdded, subject: "text_added", breaking: false,
	},
	{
		name: "field removed",
		edit: func(t *testing.T, rows [][]string) [][]string {
			i := rowOf(t, rows, "phone_test")
			return slices.Delete(rows, i, i+1)
		},
		kind: snapshot.KindFieldRemoved, subject: "phone_test", breaking: true,
	},
	{
		name: "type changed", edit: setCell("text_test", colFieldType, "yesno"),
		kind: snapshot.KindTypeChanged, subject: "text_test", breaking: true,
	},
	{
		// Both hold free text (redcap.Text): existing data and code still fit.
		name: "type changed text to notes", edit: setCell("text_test", colFieldType, "notes"),
		kind: snapshot.KindTypeChanged, subject: "text_test", breaking: false,
	},
	{
		name: "validation changed", edit: setCell("date_ymd_test", colValidation, "date_mdy"),
		kind: snapshot.KindValidationChanged, subject: "date_ymd_test", breaking: true,
	},
	{
		name: "choice added", edit: replaceInCell("dropdown_test", colChoices, "3, Lavender", "3, Lavender | 4, Teal"),
		kind: snapshot.KindChoiceAdded, subject: "dropdown_test", breaking: false,
	},
	{
		name: "choice removed", edit: replaceInCell("dropdown_test", colChoices, " | 3, Lavender", ""),
		kind: snapshot.KindChoiceRemoved, subject: "dropdown_test", breaking: true,
	},
	{
		name: "choice relabelled", edit: replaceInCell("checkbox_test", colChoices, "y, Ukulele", "y, Banjolele"),
		kind: snapshot.KindChoiceRelabelled, subject: "checkbox_test", breaking: false,
	},
	{
		// zipcode_test is the last field of text_fields; dates_and_times follows it.
		name: "field moved to another form", edit: setCell("zipcode_test", colFormName, "dates_and_times"),
		kind: snapshot.KindFieldMoved, subject: "zipcode_test", breaking: true,
	},
}

// TestCheckReportsEachDictionaryChange generates a package from a copy of a shared dictionary,
// changes the copy one way at a time, and requires -check to exit 1 and name the field, the kind
// of change and its class, in the text report and in the -json report.
func TestCheckReportsEachDictionaryChange(t *testing.T) {
	original := csvRows(t, sharedDictionary(t, classicChangeSource))
	dir := t.TempDir()
	out := filepath.Join(dir, "study")
	dict := writeFile(t, dir, "dict/"+classicChangeSource, csvBytes(t, original))
	mustGenerate(t, nil, "-dict", dict, "-package", "study", "-out", out)
	if code, stdout, stderr := runCLI(t, nil, "-check", "-dict", dict, "-package", "study", "-out", out); code != exitOK {
		t.Fatalf("unchanged dictionary: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, tt := range classicEdits {
		t.Run(tt.name, func(t *testing.T) {
			rows := make([][]string, len(original))
			for i := range original {
				rows[i] = slices.Clone(original[i])
			}
			changed := writeFile(t, t.TempDir(), classicChangeSource, csvBytes(t, tt.edit(t, rows)))
			assertCheckReports(t, tt, "-dict", changed, "-package", "study", "-out", out)
		})
	}
}

// assertCheckReports runs -check (text, then JSON) and requires exit 1 and the expected change.
func assertCheckReports(t *testing.T, tt dictionaryEdit, args ...string) {
	t.Helper()
	class := "compatible"
	if tt.breaking {
		class = "BREAKING"
	}
	code, stdout, stderr := runCLI(t, nil, append([]string{"-check"}, args...)...)
	if code != exitFail {
		t.Fatalf("-check: exit %d, want %d\n%s%s", code, exitFail, stdout, stderr)
	}
	wantLine := false
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), class) && strings.Contains(line, fmt.Sprintf("%q", tt.subject)) {
			wantLine = true
		}
	}
	if !wantLine {
		t.Errorf("-check report has no %s line naming %q:\n%s", class, tt.subject, stdout)
	}
	code, report := runCheckJSON(t, nil, args...)
	if code != exitFail || report.Current {
		t.Errorf("-check -json: exit %d, current %v; want exit %d, not current", code, report.Current, exitFail)
	}
	c, ok := findChange(report.Changes, tt.kind, tt.subject)
	if !ok {
		t.Fatalf("-check -json reports no %s change of %q; changes: %+v", tt.kind, tt.subject, report.Changes)
	}
	if c.Breaking != tt.breaking {
		t.Errorf("%s of %q: breaking = %v, want %v (%s)", tt.kind, tt.subject, c.Breaking, tt.breaking, c)
	}
	if tt.breaking && !report.Breaking {
		t.Errorf("-check -json: breaking = false, but %s is breaking", c)
	}
	if !slices.Contains(report.Changed, "redcap_snapshot_gen.txt") {
		t.Errorf("-check -json: changed files %v do not include the snapshot", report.Changed)
	}
}
