package dictionary

import (
	"fmt"
	"strings"
)

// maxFieldNameLen is REDCap's limit on field name length.
const maxFieldNameLen = 100

// reservedFieldName reports whether REDCap refuses name because it names one of its own columns.
func reservedFieldName(name string) bool {
	switch name {
	case "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance",
		"redcap_data_access_group", "redcap_survey_identifier", "redcap_csrf_token":
		return true
	}
	return false
}

// StoredName is the name REDCap stores for a field or form name written in a dictionary:
// lower-cased, spaces turned into underscores (metadata: metadata_import_defect_uppercase_field_name,
// _field_name_with_space, _form_name_uppercase, _form_name_with_space). Exports and imports use
// the stored name, so generated code must too.
func StoredName(name string) string {
	return strings.ReplaceAll(strings.ToLower(name), " ", "_")
}

// renaming describes why REDCap stores name differently ("" when it does not).
func renaming(name string) string {
	upper, space := strings.ToLower(name) != name, strings.Contains(name, " ")
	switch {
	case upper && space:
		return "has upper-case letters and spaces"
	case upper:
		return "has upper-case letters"
	case space:
		return "contains a space"
	}
	return ""
}

// checkFieldName reports a field name REDCap would refuse and returns the name REDCap stores.
// Upper-case letters and spaces only warn: real dictionaries (shared libraries) carry such names,
// and REDCap lower-cases them and turns spaces into underscores on import.
func checkFieldName(c *collector, w where, name string) string {
	stored := StoredName(name)
	switch {
	case name == "":
		c.errorf(w, "", "field name is empty")
		return stored
	case name[0] >= '0' && name[0] <= '9':
		c.errorf(w, name, "field name starts with a digit (REDCap field names start with a letter)")
		return stored
	case len(name) > maxFieldNameLen:
		c.errorf(w, name, "field name is %d characters long (REDCap allows at most %d)", len(name), maxFieldNameLen)
		return stored
	case reservedFieldName(stored):
		c.errorf(w, name, "field name is reserved by REDCap for its own column")
		return stored
	}
	if bad := firstInvalidNameChar(stored); bad != "" {
		c.errorf(w, name, "field name contains %s (REDCap field names hold only lower-case letters, digits and _, starting with a letter)", bad)
		return stored
	}
	if name[0] == '_' {
		c.errorf(w, name, "field name starts with _ (REDCap field names start with a letter)")
		return stored
	}
	if why := renaming(name); why != "" {
		c.warnf(w, name, "field name %s; REDCap stores it as %q", why, stored)
	}
	return stored
}

// checkFormName reports a form name REDCap would refuse and returns the name REDCap stores. A
// problem of the name is reported on the form's first row only.
func checkFormName(c *collector, w where, field, form string) string {
	if form == "" {
		c.errorf(w, field, "form name is empty")
		return form
	}
	stored := StoredName(form)
	if !c.first("form name " + form) {
		return stored
	}
	if bad := firstInvalidNameChar(stored); bad != "" {
		c.errorf(w, field, "form name %q contains %s (REDCap form names hold only lower-case letters, digits and _)", form, bad)
		return stored
	}
	if why := renaming(form); why != "" {
		c.warnf(w, field, "form name %q %s; REDCap stores it as %q", form, why, stored)
	}
	return stored
}

// firstInvalidNameChar describes the first character of name outside [A-Za-z0-9_], or "".
func firstInvalidNameChar(name string) string {
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			continue
		case r == ' ':
			return "a space"
		default:
			return "the character " + quoteRune(r)
		}
	}
	return ""
}

// quoteRune renders r for a message, escaping invisible characters ('\ufeff').
func quoteRune(r rune) string {
	return fmt.Sprintf("%q", r)
}
