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

// checkFieldName reports a field name REDCap would refuse. Upper-case letters only warn: real
// dictionaries (shared libraries) carry mixed-case names, and REDCap lower-cases them on import.
func checkFieldName(c *collector, w where, name string) {
	switch {
	case name == "":
		c.errorf(w, "", "field name is empty")
		return
	case name[0] >= '0' && name[0] <= '9':
		c.errorf(w, name, "field name starts with a digit (REDCap field names start with a letter)")
		return
	case len(name) > maxFieldNameLen:
		c.errorf(w, name, "field name is %d characters long (REDCap allows at most %d)", len(name), maxFieldNameLen)
		return
	case reservedFieldName(strings.ToLower(name)):
		c.errorf(w, name, "field name is reserved by REDCap for its own column")
		return
	}
	if bad := firstInvalidNameChar(name); bad != "" {
		c.errorf(w, name, "field name contains %s (REDCap field names hold only lower-case letters, digits and _, starting with a letter)", bad)
		return
	}
	if name[0] == '_' {
		c.errorf(w, name, "field name starts with _ (REDCap field names start with a letter)")
		return
	}
	if strings.ToLower(name) != name {
		c.warnf(w, name, "field name has upper-case letters; REDCap stores it as %q", strings.ToLower(name))
	}
}

// checkFormName reports a form name REDCap would refuse or change.
func checkFormName(c *collector, w where, field, form string) {
	if form == "" {
		c.errorf(w, field, "form name is empty")
		return
	}
	if bad := firstInvalidNameChar(form); bad != "" {
		c.errorf(w, field, "form name %q contains %s (REDCap form names hold only lower-case letters, digits and _)", form, bad)
		return
	}
	if strings.ToLower(form) != form {
		c.warnf(w, field, "form name %q has upper-case letters; REDCap stores it as %q", form, strings.ToLower(form))
	}
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
