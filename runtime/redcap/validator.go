package redcap

// Severity says whether REDCap would refuse a value (SeverityError) or store it and flag it in
// its forms and data-quality rules (SeverityWarning).
type Severity uint8

// The two severities REDCap has.
const (
	SeverityError Severity = iota
	SeverityWarning
)

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

// Validator collects violations for one or more records. Generated Validate methods report into
// it field by field; the import pre-flight and redcaptest use the same rules.
type Validator struct {
	// RedactIdentifiers replaces the values of identifier fields in violations with "[redacted]".
	RedactIdentifiers bool

	record, event, repeatInstrument string
	instance                        int
	violations                      []Violation
}

// At sets where the following values come from: record, event, repeating form and instance.
func (v *Validator) At(record, event, repeatInstrument string, instance int) {
	v.record, v.event, v.repeatInstrument, v.instance = record, event, repeatInstrument, instance
}

// Violations returns everything reported so far.
func (v *Validator) Violations() []Violation { return v.violations }
