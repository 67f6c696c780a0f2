package redcap

import (
	"errors"
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
	// RedactValues replaces every value in violations with "[redacted]": a violation then names
	// record, event, instance, field and rule only.
	RedactValues bool
	// Lookup returns the current record's value of another field, for min/max written as a field
	// reference ("[visit_date]"). Nil skips such bounds. SetLookup changes it per record.
	Lookup func(field string) string
	// Skip names warning rules to leave out: RuleRange, RuleNoMissing, RuleRequired,
	// RuleReadOnly, RuleNormalized, RuleHidden, RuleStaleCalc. Values REDCap would refuse are always reported; a name that
	// is not a warning rule makes Err report the mistake.
	Skip []string
	// Logic adds the data quality rules of the project's branching logic and calculations (see
	// Validator.Logic): values hidden by branching logic, required fields left blank where they
	// are shown, calculated values that differ from what REDCap computes. It costs an evaluation
	// of the project's logic per record, so it is off unless asked for.
	Logic bool
	// ProjectID is the project's ID, for logic using [project-id] (0: unknown, such logic fails).
	ProjectID int
}

// redacted stands in for a value kept out of a violation.
const redacted = "[redacted]"

// Validator collects violations for one or more records. Generated Validate methods report into
// it field by field, with the package's field rules; the import pre-flight uses the same rules.
// Make one with NewValidator from the generated package's Schema, which carries the project's
// missing-data codes. A Validator not made by NewValidator checks nothing, and its Err says so.
type Validator struct {
	schema                          *Schema
	codes                           *MissingCodes
	skip                            warningSet
	redactIdentifiers, redactValues bool
	misuse                          error
	lookup                          func(field string) string
	now                             time.Time
	logic                           bool
	projectID                       int
	record, event, repeatInstrument string
	instance                        int
	violations                      []Violation
	errors                          int
}

// errNoSchema is the misuse of a Validator made without a schema.
var errNoSchema = errors.New("redcap: the Validator was not made by NewValidator(schema, ...) from a generated package's Schema(): " +
	"it does not know the project's missing-data codes, so it checked nothing")

// NewValidator returns a Validator for the project a generated package describes, for instance
// redcap.NewValidator(study.Schema(), redcap.ValidatorOptions{}): the schema gives the project's
// missing-data codes, valid in every non-checkbox field; the package's Validate methods give the
// field rules. A nil schema gives a Validator that checks nothing and whose Err says so.
func NewValidator(schema *Schema, opts ValidatorOptions) *Validator {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	v := &Validator{
		schema: schema, redactIdentifiers: opts.RedactIdentifiers, redactValues: opts.RedactValues,
		lookup: opts.Lookup, now: now, logic: opts.Logic, projectID: opts.ProjectID,
	}
	if schema == nil {
		return v
	}
	v.codes = schema.MissingCodes
	skip, err := warningSetOf(opts.Skip)
	v.skip, v.misuse = skip, err
	return v
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

// Value checks one value of a non-checkbox field: REDCap's import rule (an error when REDCap
// would refuse it), then the warnings REDCap shows for values it stores: a changed stored form,
// min/max, @NOMISSING, a required field left blank. Calc, file and signature values go to
// ReadOnly.
func (v *Validator) Value(rule *FieldRule, raw string) {
	if v.schema == nil {
		return
	}
	if raw == "" {
		if rule.Required && !v.leavesToLogic(rule) {
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
	if name, msg, ok := rule.Soft(stored, v.codes, v.lookup, v.now); !ok {
		v.add(rule, rule.Name, raw, name, SeverityWarning, msg)
	}
}

// Checkbox checks the columns of one checkbox field; raws are in rule.CheckboxColumns order.
// Each column must be "1", "0" or ""; a required field with nothing checked is a warning.
func (v *Validator) Checkbox(rule *FieldRule, raws []string) {
	if v.schema == nil {
		return
	}
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
	if rule.Required && !checked && !v.leavesToLogic(rule) {
		v.add(rule, rule.Name, "", RuleRequired, SeverityWarning, requiredMessage(rule))
	}
}

// ReadOnly reports a value in a calc, file or signature field: REDCap accepts it on import and
// drops it, so it is a warning, never an error. A blank value and values of other fields are
// checked as by Value.
func (v *Validator) ReadOnly(rule *FieldRule, raw string) {
	switch {
	case v.schema == nil:
	case raw == "":
		v.Value(rule, raw)
	case rule.Type == typeCalc:
		v.add(rule, rule.Name, raw, RuleReadOnly, SeverityWarning, "calc field: REDCap computes it and drops an imported value")
	case rule.Computed == "calctext" || rule.Computed == "calcdate":
		refused := v.errors
		if v.Value(rule, raw); v.errors > refused {
			return
		}
		tag := map[string]string{"calctext": "@CALCTEXT", "calcdate": "@CALCDATE"}[rule.Computed]
		v.add(rule, rule.Name, raw, RuleReadOnly, SeverityWarning, tag+" field: REDCap computes it, and recomputes it when the fields it uses change")
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

// leavesToLogic reports whether Logic, not Value, checks that the required field is filled:
// with ValidatorOptions.Logic, a field with branching logic is required only where it is shown.
func (v *Validator) leavesToLogic(rule *FieldRule) bool {
	return v.logic && rule.Branching != ""
}

// hides reports whether values of the field stay out of violations.
func (v *Validator) hides(rule *FieldRule) bool {
	return v.redactValues || v.redactIdentifiers && rule.Identifier
}

// quote renders a value for a message, or "[redacted]" when the field's values are hidden.
func (v *Validator) quote(rule *FieldRule, s string) string {
	if v.hides(rule) {
		return redacted
	}
	return fmt.Sprintf("%q", s)
}

// add records one violation at the current position, unless its warning rule is skipped.
func (v *Validator) add(rule *FieldRule, field, value, ruleName string, sev Severity, msg string) {
	if sev == SeverityWarning && v.skip.has(ruleName) {
		return
	}
	if v.hides(rule) && value != "" {
		value = redacted
		if ruleName == RuleNoMissing {
			msg = noMissingRedactedMessage
		}
	}
	if sev == SeverityError {
		v.errors++
	}
	v.violations = append(v.violations, Violation{
		Record: v.record, Event: v.event, RepeatInstrument: v.repeatInstrument, Instance: v.instance,
		Field: field, GoField: rule.GoName, Value: value, Rule: ruleName, Severity: sev, Message: msg,
	})
}

// noMissingRedactedMessage is the @NOMISSING warning without the code it found.
const noMissingRedactedMessage = "The field is tagged @NOMISSING but holds a missing-data code (REDCap accepts it on import)."

// Err returns a *ValidationError holding every violation (errors and warnings) when at least one
// is an error, REDCap would refuse the data, and nil otherwise. A Validator made without a
// schema, or with an unknown rule in ValidatorOptions.Skip, returns that mistake instead.
func (v *Validator) Err() error {
	if err := v.mistake(); err != nil {
		return err
	}
	if v.errors == 0 {
		return nil
	}
	return &ValidationError{Violations: append([]Violation(nil), v.violations...)}
}

// Summary describes what was found in a few lines whatever the number of warnings: a count, every
// value REDCap would refuse (one per line), and the warnings as one count by rule. Violations
// lists them all.
func (v *Validator) Summary() string {
	if err := v.mistake(); err != nil {
		return err.Error()
	}
	return summarize(v.violations, v.errors)
}

// mistake returns how the Validator was built wrong, or nil.
func (v *Validator) mistake() error {
	if v.schema == nil {
		return errNoSchema
	}
	return v.misuse
}
