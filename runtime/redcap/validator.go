package redcap

import (
	"fmt"
	"strings"
	"time"
)

// Severity says whether REDCap would refuse a value (SeverityError) or store it and flag it in
// its forms and data-quality rules (SeverityWarning).
type Severity uint8

// The two severities REDCap has.
const (
	SeverityError Severity = iota
	SeverityWarning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// Violation is one value that breaks one rule.
type Violation struct {
	Record           string   // record ID
	Event            string   // unique event name ("" in classic projects)
	RepeatInstrument string   // repeating form ("" when not repeating)
	Instance         int      // repeat instance (0 when not repeating)
	Field            string   // REDCap field name (a checkbox column for checkbox values)
	GoField          string   // generated Go field name
	Value            string   // the value (redacted for identifier fields when asked)
	Rule             string   // the rule broken: "validation:date_ymd", "choice", "range", "required", ...
	Severity         Severity // error (REDCap refuses it) or warning (REDCap stores it)
	Message          string   // what a data manager reads; for errors, REDCap's own message
}

// String renders the violation on one line, e.g.
//
//	record "3" event "baseline_arm_1" field "dob" (DOB): value "2023-02-29": Invalid date format. ... [validation:date_ymd]
//
// Warnings say "warning:" before the message.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "record %q", v.Record)
	if v.Event != "" {
		fmt.Fprintf(&b, " event %q", v.Event)
	}
	if v.RepeatInstrument != "" {
		fmt.Fprintf(&b, " instrument %q", v.RepeatInstrument)
	}
	if v.Instance > 0 {
		fmt.Fprintf(&b, " instance %d", v.Instance)
	}
	fmt.Fprintf(&b, " field %q", v.Field)
	if v.GoField != "" {
		fmt.Fprintf(&b, " (%s)", v.GoField)
	}
	fmt.Fprintf(&b, ": value %q: ", v.Value)
	if v.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(v.Message)
	fmt.Fprintf(&b, " [%s]", v.Rule)
	return b.String()
}

// ValidatorOptions configure a Validator.
type ValidatorOptions struct {
	// Now is the moment "today" and "now" in min/max mean. Zero means the time NewValidator runs.
	Now time.Time
	// RedactIdentifiers replaces the values of identifier fields in violations with "[redacted]".
	RedactIdentifiers bool
	// Lookup returns the current record's value of another field, for min/max written as a field
	// reference ("[visit_date]"). Nil skips such bounds. SetLookup changes it per record.
	Lookup func(field string) string
	// MissingCodes are the project's missing-data codes (valid values of every non-checkbox field).
	MissingCodes *MissingCodes
}

// redacted stands in for the value of an identifier field when RedactIdentifiers is set.
const redacted = "[redacted]"

// Validator collects violations for one or more records. Generated Validate methods report into
// it field by field; the import pre-flight and redcaptest use the same rules. The zero Validator
// works (no missing codes, today resolved at first use); NewValidator sets options.
type Validator struct {
	// RedactIdentifiers replaces the values of identifier fields in violations with "[redacted]".
	RedactIdentifiers bool

	codes                           *MissingCodes
	lookup                          func(field string) string
	now                             time.Time
	record, event, repeatInstrument string
	instance                        int
	violations                      []Violation
	errors                          int
}

// NewValidator returns a Validator with the given options.
func NewValidator(opts ValidatorOptions) *Validator {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	return &Validator{RedactIdentifiers: opts.RedactIdentifiers, codes: opts.MissingCodes, lookup: opts.Lookup, now: now}
}

// SetLookup sets the function that resolves field references in min/max for the following
// values (typically one per record); nil skips such bounds.
func (v *Validator) SetLookup(lookup func(field string) string) { v.lookup = lookup }

// At sets where the following values come from: record, event, repeating form and instance.
func (v *Validator) At(record, event, repeatInstrument string, instance int) {
	v.record, v.event, v.repeatInstrument, v.instance = record, event, repeatInstrument, instance
}

// Violations returns everything reported so far.
func (v *Validator) Violations() []Violation { return v.violations }

// Reset forgets every violation, keeping the options and the storage.
func (v *Validator) Reset() {
	clear(v.violations)
	v.violations = v.violations[:0]
	v.errors = 0
}

// clock returns the moment "today" and "now" mean.
func (v *Validator) clock() time.Time {
	if v.now.IsZero() {
		v.now = time.Now()
	}
	return v.now
}

// Value checks one value of a non-checkbox field: REDCap's import rule (an error when REDCap
// would refuse it), then the warnings REDCap shows for values it stores: a changed stored form,
// min/max, @NOMISSING, a required field left blank. Calc, file and signature values go to
// ReadOnly.
func (v *Validator) Value(rule *FieldRule, raw string) {
	if raw == "" {
		if rule.Required {
			v.add(rule, rule.Name, raw, RuleRequired, SeverityWarning, requiredMessage(rule))
		}
		return
	}
	if rule.Type == typeCalc || rule.Type == typeFile {
		v.ReadOnly(rule, raw)
		return
	}
	stored, msg, ok := rule.CheckImport(raw, v.codes, DateYMD)
	if !ok {
		v.add(rule, rule.Name, raw, rule.ImportRule(), SeverityError, msg)
		return
	}
	if stored != raw {
		v.add(rule, rule.Name, raw, RuleNormalized, SeverityWarning, "REDCap stores this value as "+v.quote(rule, stored))
	}
	if name, msg, ok := rule.Soft(stored, v.codes, v.lookup, v.clock()); !ok {
		v.add(rule, rule.Name, raw, name, SeverityWarning, msg)
	}
}

// Checkbox checks the columns of one checkbox field; raws are in rule.CheckboxColumns order.
// Each column must be "1", "0" or ""; a required field with nothing checked is a warning.
func (v *Validator) Checkbox(rule *FieldRule, raws []string) {
	if len(raws) != len(rule.CheckboxColumns) {
		v.add(rule, rule.Name, "", "checkbox", SeverityError,
			fmt.Sprintf("got %d checkbox values for %d columns (the generated code does not fit the rule)", len(raws), len(rule.CheckboxColumns)))
		return
	}
	checked := false
	for i, raw := range raws {
		col := rule.CheckboxColumns[i]
		if _, msg, ok := rule.CheckCheckboxColumn(col, raw); !ok {
			v.add(rule, col, raw, "checkbox", SeverityError, msg)
		}
		checked = checked || raw == "1"
	}
	if rule.Required && !checked {
		v.add(rule, rule.Name, "", RuleRequired, SeverityWarning, requiredMessage(rule))
	}
}

// ReadOnly reports a value in a calc, file or signature field: REDCap accepts it on import and
// drops it, so it is a warning, never an error. A blank value and values of other fields are
// checked as by Value.
func (v *Validator) ReadOnly(rule *FieldRule, raw string) {
	switch {
	case raw == "":
		v.Value(rule, raw)
	case rule.Type == typeCalc:
		v.add(rule, rule.Name, raw, RuleReadOnly, SeverityWarning, "calc field: REDCap computes it and drops an imported value")
	case rule.Type == typeFile && rule.Validation == "signature":
		v.add(rule, rule.Name, raw, RuleReadOnly, SeverityWarning, "signature field: REDCap drops an imported value (upload the signature with content=file)")
	case rule.Type == typeFile:
		v.add(rule, rule.Name, raw, RuleReadOnly, SeverityWarning, "file field: REDCap drops an imported value (upload the file with content=file)")
	default:
		v.Value(rule, raw)
	}
}

// ImportRule names the rule CheckImport applies to the field, as Violation.Rule shows it:
// "validation:<type>", "choice", "slider", "form_status", "checkbox" or "text".
func (r *FieldRule) ImportRule() string {
	switch r.Type {
	case "dropdown", "radio", "yesno", "truefalse":
		return "choice"
	case typeText:
		if r.Validation != "" {
			return "validation:" + r.Validation
		}
	case typeSlider, typeFormStatus, typeCheckbox:
		return r.Type
	}
	return "text"
}

// requiredMessage says a required field is blank; REDCap does not enforce it on import.
func requiredMessage(rule *FieldRule) string {
	if rule.Branching != "" {
		return "required field is blank (REDCap does not enforce this on import; ignore it if branching logic hides the field)"
	}
	return "required field is blank (REDCap does not enforce this on import)"
}

// quote renders a value for a message, redacted when the field is an identifier.
func (v *Validator) quote(rule *FieldRule, s string) string {
	if v.RedactIdentifiers && rule.Identifier {
		return redacted
	}
	return fmt.Sprintf("%q", s)
}

// add records one violation at the current position.
func (v *Validator) add(rule *FieldRule, field, value, ruleName string, sev Severity, msg string) {
	if v.RedactIdentifiers && rule.Identifier && value != "" {
		value = redacted
	}
	if sev == SeverityError {
		v.errors++
	}
	v.violations = append(v.violations, Violation{
		Record: v.record, Event: v.event, RepeatInstrument: v.repeatInstrument, Instance: v.instance,
		Field: field, GoField: rule.GoName, Value: value, Rule: ruleName, Severity: sev, Message: msg,
	})
}

// Err returns a *ValidationError listing every violation (errors and warnings) when at least one
// is an error, REDCap would refuse the data, and nil otherwise.
func (v *Validator) Err() error {
	if v.errors == 0 {
		return nil
	}
	return &ValidationError{Violations: append([]Violation(nil), v.violations...)}
}

// ValidationError is every violation found when at least one value would be refused by REDCap.
// Find it with errors.As.
type ValidationError struct {
	Violations []Violation
}

// Errors returns the violations REDCap would refuse.
func (e *ValidationError) Errors() []Violation {
	var out []Violation
	for _, v := range e.Violations {
		if v.Severity == SeverityError {
			out = append(out, v)
		}
	}
	return out
}

// Error lists the violations, one per line, after a count.
func (e *ValidationError) Error() string {
	errs := len(e.Errors())
	var b strings.Builder
	fmt.Fprintf(&b, "redcap: %d value(s) REDCap would refuse", errs)
	if warnings := len(e.Violations) - errs; warnings > 0 {
		fmt.Fprintf(&b, ", %d warning(s)", warnings)
	}
	b.WriteString(":")
	for _, v := range e.Violations {
		b.WriteString("\n\t")
		b.WriteString(v.String())
	}
	return b.String()
}
