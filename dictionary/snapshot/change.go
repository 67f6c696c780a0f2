package snapshot

import (
	"fmt"
	"strconv"
	"strings"
)

// Change is one difference between two versions of a project, in REDCap terms.
type Change struct {
	// Kind names the change: one of the Kind... constants.
	Kind string `json:"kind"`
	// Form, Field and Event name what changed; each is "" when not concerned.
	Form  string `json:"form,omitempty"`
	Field string `json:"field,omitempty"`
	Event string `json:"event,omitempty"`
	// Detail says what changed, e.g. `validation changed from "date_ymd" to "date_mdy"`.
	Detail string `json:"detail"`
	// Breaking is true when existing data or generated code no longer fits: a removed field,
	// form, event or choice code, a changed type or validation, a narrowed range, a field that
	// became required, a changed identifier flag. Compatible changes (a new optional field, a
	// new choice, a relabel) leave existing data and code valid.
	Breaking bool `json:"breaking"`
}

// Kinds of Change.
const (
	KindRecordIDChanged       = "record-id-changed"
	KindLongitudinalChanged   = "longitudinal-changed"
	KindFieldAdded            = "field-added"
	KindFieldRemoved          = "field-removed"
	KindFieldMoved            = "field-moved"
	KindTypeChanged           = "type-changed"
	KindValidationChanged     = "validation-changed"
	KindRangeChanged          = "range-changed"
	KindChoiceAdded           = "choice-added"
	KindChoiceRemoved         = "choice-removed"
	KindChoiceRelabelled      = "choice-relabelled"
	KindChoicesReordered      = "choices-reordered"
	KindRequiredChanged       = "required-changed"
	KindIdentifierChanged     = "identifier-changed"
	KindFieldRelabelled       = "field-relabelled"
	KindFieldChanged          = "field-changed"
	KindFormAdded             = "form-added"
	KindFormRemoved           = "form-removed"
	KindFormChanged           = "form-changed"
	KindArmAdded              = "arm-added"
	KindArmRemoved            = "arm-removed"
	KindArmRenamed            = "arm-renamed"
	KindEventAdded            = "event-added"
	KindEventRemoved          = "event-removed"
	KindEventChanged          = "event-changed"
	KindFormMapped            = "form-mapped"
	KindFormUnmapped          = "form-unmapped"
	KindFormMovedEvents       = "form-moved-between-events"
	KindRepeatingChanged      = "repeating-changed"
	KindMissingCodeAdded      = "missing-code-added"
	KindMissingCodeRemoved    = "missing-code-removed"
	KindMissingCodeRelabelled = "missing-code-relabelled"
	KindOrderChanged          = "order-changed"
)

// String renders the change in one line, e.g.
// `field "dob" on form "demographics": validation changed from "date_ymd" to "date_mdy" (breaking)`.
func (c Change) String() string {
	class := "compatible"
	if c.Breaking {
		class = "breaking"
	}
	return fmt.Sprintf("%s (%s)", c.Summary(), class)
}

// Summary says what changed without its class: `field "dob" on form "demographics": label
// changed from "Date of birth" to "Birth date"`.
func (c Change) Summary() string {
	return fmt.Sprintf("%s: %s", c.subject(), c.Detail)
}

// subject names what the change is about.
func (c Change) subject() string {
	switch {
	case c.Field != "" && c.Form != "":
		return fmt.Sprintf("field %q on form %q", c.Field, c.Form)
	case c.Field != "":
		return fmt.Sprintf("field %q", c.Field)
	case c.Form != "" && c.Event != "":
		return fmt.Sprintf("form %q on event %q", c.Form, c.Event)
	case c.Form != "":
		return fmt.Sprintf("form %q", c.Form)
	case c.Event != "":
		return fmt.Sprintf("event %q", c.Event)
	}
	return "project"
}

// maxShown caps how much of a long value (HTML label, calc formula) a Detail quotes.
const maxShown = 80

// show quotes a value for a Detail, shortening long ones and marking empty ones.
func show(v string) string {
	if v == "" {
		return "(empty)"
	}
	if r := []rune(v); len(r) > maxShown {
		v = string(r[:maxShown]) + "…"
	}
	return strconv.Quote(v)
}

// fromTo describes a value change.
func fromTo(what, old, new string) string {
	return fmt.Sprintf("%s changed from %s to %s", what, show(old), show(new))
}

// list joins names for a Detail: "a", "b".
func list(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = strconv.Quote(n)
	}
	return strings.Join(quoted, ", ")
}
