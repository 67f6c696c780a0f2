package redcaptest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// This file holds the dictionary checks REDCap's metadata import applies, with its messages.
// Cells are named like a spreadsheet: column letter, then row number with the header as row 1.

// dictRow is one positional dictionary row after name normalisation.
type dictRow struct {
	cells []string
	line  int // spreadsheet row (2 for the first field)
}

func (r dictRow) col(i int) string {
	if i < len(r.cells) {
		return r.cells[i]
	}
	return ""
}

func (r dictRow) cell(letter string) string { return letter + itoa(r.line) }

const (
	colName, colForm, colType, colChoices, colValidation, colMin, colBranching, colMatrix = 0, 1, 3, 5, 7, 8, 11, 15
)

var (
	validFieldTypes = []string{"text", "notes", "radio", "dropdown", "calc", "file", "checkbox", "yesno", "truefalse", "descriptive", "slider", "sql"}
	reservedNames   = []string{"redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance", "redcap_data_access_group", "redcap_survey_identifier"}
	refPattern      = regexp.MustCompile(`\[([^\[\]]+)\]`)
	numberPattern   = regexp.MustCompile(`^-?[0-9]*\.?[0-9]+$`)
	mdyPattern      = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
)

// checkDictionary returns REDCap's messages for a dictionary it refuses, in REDCap's order.
func checkDictionary(rows []dictRow) []string {
	var msgs []string
	add := func(cond bool, msg string) {
		if cond {
			msgs = append(msgs, msg)
		}
	}
	missing := func(c int, letter string) []string {
		var out []string
		for _, r := range rows {
			if strings.TrimSpace(r.col(c)) == "" {
				out = append(out, r.cell(letter))
			}
		}
		return out
	}
	if m := missing(colName, "A"); len(m) > 0 {
		add(true, "Each row MUST have a variable/field name, but the following cells have a field name missing: "+strings.Join(m, ", ")+".")
	}
	var badTypes, dups, digits, long, reserved, completes []string
	seen := map[string]bool{}
	forms := map[string]bool{}
	for _, r := range rows {
		forms[r.col(colForm)] = true
	}
	for _, r := range rows {
		name, typ := r.col(colName), r.col(colType)
		if !contains(validFieldTypes, typ) {
			badTypes = append(badTypes, typ+" ("+r.cell("D")+")")
		}
		if seen[name] {
			dups = append(dups, name+" ("+r.cell("A")+")")
		}
		seen[name] = true
		switch {
		case name != "" && name[0] >= '0' && name[0] <= '9':
			digits = append(digits, name+" ("+r.cell("A")+")")
		case len(name) > 100:
			long = append(long, name+" ("+r.cell("A")+")")
		case contains(reservedNames, name):
			reserved = append(reserved, r.cell("A"))
		}
		if f, ok := strings.CutSuffix(name, "_complete"); ok && forms[f] {
			completes = append(completes, name+" ("+r.cell("A")+")")
		}
	}
	add(len(dups) > 0, "The following variable/field names were duplicated. Please rename these field names so that they only appear once."+strings.Join(dups, ""))
	if m := missing(colForm, "B"); len(m) > 0 {
		add(true, "Each row MUST have a form name, but the following cells have a form name missing: "+strings.Join(m, ", ")+".")
	}
	add(len(formRepeats(rows)) > 0, "Form names must be sequential and cannot repeat again after being used for another form. Rename the following form names  beginning with the values listed below: "+strings.Join(formRepeats(rows), " "))
	if m := missing(colType, "D"); len(m) > 0 {
		add(true, "Each row MUST have a field type, but the following cells have a field type missing: "+strings.Join(m, ", ")+".")
	}
	add(len(badTypes) > 0, "The only valid field types are text, notes, radio, dropdown, calc, file, checkbox, yesno, truefalse, descriptive, slider and must all be lower-case. The following are invalid field types listed in your data dictionary:"+strings.Join(badTypes, ""))
	add(len(digits) > 0, "Variables/field names cannot begin with a number. Remove the numeral from the beginning of the following field names:"+strings.Join(digits, ", "))
	add(len(long) > 0, "Variables/field names cannot be more than 100 characters in length. Shorten the following variable names:"+strings.Join(long, ", "))
	add(len(reserved) > 0, "This is an illegal variable name and cannot be used. Please change the variable name in the following cells: "+strings.Join(reserved, ", "))
	add(len(completes) > 0, "Variables/field names cannot be named [form_name]+'_complete', in which [form_name] corresponds to an existing Form Name  in column B. Please change the following variable names:"+strings.Join(completes, ", "))
	return append(msgs, checkDictionaryColumns(rows, seen)...)
}

// checkDictionaryColumns checks validations, choices, calculations, branching, minimums and
// matrix groups.
func checkDictionaryColumns(rows []dictRow, names map[string]bool) []string {
	var msgs []string
	var badVal, valOnOther, noChoices, spaced, dupCodes, noCalc, calcRefs, branchRefs, badMin []string
	for _, r := range rows {
		typ, val := r.col(colType), r.col(colValidation)
		switch {
		case val == "" || typ == "slider" || (typ == "dropdown" && val == "autocomplete") || (typ == "file" && val == "signature"):
		case typ != "text":
			valOnOther = append(valOnOther, r.cell("H"))
		case !dictionary.IsKnownValidation(val):
			badVal = append(badVal, val+" ("+r.cell("H")+")")
		}
		if typ == "radio" || typ == "dropdown" || typ == "checkbox" {
			raw := r.col(colChoices)
			if strings.TrimSpace(raw) == "" {
				noChoices = append(noChoices, r.cell("F"))
			}
			codes := map[string]bool{}
			dup := false
			for _, entry := range strings.Split(raw, "|") {
				code, _, _ := strings.Cut(entry, ",")
				code = strings.TrimSpace(code)
				if strings.Contains(code, " ") {
					spaced = append(spaced, fmt.Sprintf("%q (%s) - Suggestion: replace with %q", code, r.cell("F"), strings.ReplaceAll(code, " ", "_")))
				}
				dup = dup || (code != "" && codes[code])
				codes[code] = true
			}
			if dup {
				dupCodes = append(dupCodes, r.col(colName)+" ("+r.cell("F")+")")
			}
		}
		if typ == "calc" {
			if strings.TrimSpace(r.col(colChoices)) == "" {
				noCalc = append(noCalc, r.cell("F"))
			}
			calcRefs = append(calcRefs, unknownRefs(r.col(colChoices), names, r.cell("F"))...)
		}
		branchRefs = append(branchRefs, unknownRefs(r.col(colBranching), names, r.cell("L"))...)
		if typ == "text" && r.col(colMin) != "" && !validBound(val, r.col(colMin)) {
			badMin = append(badMin, fmt.Sprintf("%q (%s)", r.col(colMin), r.cell("I")))
		}
	}
	add := func(list []string, msg string) {
		if len(list) > 0 {
			msgs = append(msgs, msg)
		}
	}
	add(badVal, "The only valid validation types are date_dmy, date_mdy, date_ymd, datetime_dmy, datetime_mdy, datetime_ymd, datetime_seconds_dmy, datetime_seconds_mdy, datetime_seconds_ymd, email, integer, number, phone, time_hh_mm_ss, time, zipcode and must all be lower-case. The following are invalid validation types in your data dictionary:"+strings.Join(badVal, ", "))
	add(valOnOther, "Only 'text' field types may have validation. The following validation types should be removed from your data dictionary  or else their field type should be changed to 'text': "+strings.Join(valOnOther, ", "))
	add(noChoices, "Each multiple choice field (radio, drop-down, checkbox, etc.) must have choices listed in column F, but the following  cells have choices missing: "+strings.Join(noChoices, ", "))
	add(spaced, "Multiple choice fields can only have coded values (in the choices in column F) that are numeric or  alpha-numeric (lower case or upper case, with or without underscores), thus they cannot have codings that contain spaces or other characters.  Please make the following corrections:  "+strings.Join(spaced, ", "))
	add(dupCodes, "Multiple choice fields have been found where a coded value is duplicated in the choices column (F). All multiple choice fields  must have a unique coded value for every option. Please remove any duplications for the coded values in the following cells: "+strings.Join(dupCodes, ", "))
	add(noCalc, "Each 'calc' field must have an equation in column F, but the following cells have an equation missing: "+strings.Join(noCalc, ", "))
	add(calcRefs, "There are variables used in calculated field equation(s) that are not listed as real variables in column A. All variables used  in calculations must exist in column A. Below are the variables not found in column A."+strings.Join(calcRefs, ", "))
	add(branchRefs, "There are variables used in the branching logic that are not listed as real variables in column A. All variables used in branching  logic must exist in column A. Below are the variables not found in column A."+strings.Join(branchRefs, ", "))
	add(badMin, "Format for the minimum validation value is incorrect because it does not follow the expected format:"+strings.Join(badMin, ", "))
	return append(msgs, checkMatrices(rows)...)
}

// unknownRefs lists the [field] references of an expression that name no field.
func unknownRefs(expr string, names map[string]bool, cell string) []string {
	var out []string
	for _, m := range refPattern.FindAllStringSubmatch(expr, -1) {
		ref := m[1]
		if i := strings.IndexByte(ref, '('); i >= 0 {
			ref = ref[:i]
		}
		if ref == "" || names[ref] || strings.ContainsAny(ref, "-:") || strings.Contains(ref, "_arm_") {
			continue
		}
		out = append(out, ref+" ("+cell+")")
	}
	return out
}

// validBound reports whether a minimum fits its validation type.
func validBound(validation, v string) bool {
	if v == "today" || v == "now" || strings.HasPrefix(v, "[") {
		return true
	}
	switch {
	case strings.HasPrefix(validation, "date"), strings.HasPrefix(validation, "time"):
		return true
	case validation == "integer", strings.HasPrefix(validation, "number"):
		return numberPattern.MatchString(strings.ReplaceAll(v, ",", "."))
	}
	return true
}

// normaliseBound turns a date minimum or maximum written M/D/Y into Y-M-D, as REDCap does.
func normaliseBound(validation, v string) string {
	m := mdyPattern.FindStringSubmatch(v)
	if m == nil || !strings.HasPrefix(validation, "date") {
		return v
	}
	month, _ := strconv.Atoi(m[1])
	day, _ := strconv.Atoi(m[2])
	return fmt.Sprintf("%s-%02d-%02d", m[3], month, day)
}

// formRepeats lists the cells where a form name (blank included) comes back after the rows of
// another, named form; coming back after rows without a form name is allowed.
func formRepeats(rows []dictRow) []string {
	var out []string
	seen := map[string]bool{}
	for i, r := range rows {
		form := r.col(colForm)
		if i > 0 && rows[i-1].col(colForm) != "" && form != rows[i-1].col(colForm) && seen[form] {
			out = append(out, "("+r.cell("B")+")")
		}
		seen[form] = true
	}
	return out
}

// checkMatrices requires every field of a matrix group to be a radio or checkbox field with the
// group's first choices.
func checkMatrices(rows []dictRow) []string {
	var msgs, badType []string
	for _, r := range rows {
		if typ := r.col(colType); r.col(colMatrix) != "" && typ != "radio" && typ != "checkbox" {
			badType = append(badType, typ+" ("+r.cell("D")+")")
		}
	}
	if len(badType) > 0 {
		msgs = append(msgs, "Fields that are part of a matrix group can ONLY be a radio or checkbox field. The fields below need to be changed  so that the field is either of those field types."+strings.Join(badType, ""))
	}
	first := map[string]string{}
	var bad []string
	for _, r := range rows {
		g := r.col(colMatrix)
		if g == "" {
			continue
		}
		want, ok := first[g]
		if !ok {
			first[g] = r.col(colChoices)
			continue
		}
		if normaliseChoices(r.col(colChoices)) != normaliseChoices(want) {
			bad = append(bad, r.cell("F")+" - The choices should be: "+want)
		}
	}
	if len(bad) == 0 {
		return msgs
	}
	return append(msgs, "The cells listed below appear to be in a matrix group, but all the fields in this matrix group do not have the  same multiple choice options. Please make sure that all fields in this group have the EXACT same choices in column F."+strings.Join(bad, ", "))
}

func normaliseChoices(s string) string {
	parts := strings.Split(s, "|")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return strings.Join(parts, "|")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
