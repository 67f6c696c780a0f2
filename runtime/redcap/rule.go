package redcap

// FieldRule is everything REDCap's rules know about one field: generated validators, the import
// pre-flight and the redcaptest server all check values through it, so they cannot disagree.
type FieldRule struct {
	// Name is the REDCap field name.
	Name string
	// GoName is the generated Go field name ("" outside generated code).
	GoName string
	// Form is the instrument the field belongs to.
	Form string
	// Type is REDCap's field_type ("text", "radio", "checkbox", "slider", ...), or "form_status"
	// for a <form>_complete column.
	Type string
	// Validation is the text validation type ("date_ymd", "integer", ...; a site-defined type is
	// kept as written and accepted as text). For sliders it is "number" when the number shows.
	Validation string
	// Min and Max are text_validation_min/max as written ("" when absent). For sliders they are
	// the range (default 0..100).
	Min, Max string
	// Choices are the codes and labels of dropdown, radio, yesno, truefalse and checkbox fields,
	// in dictionary order.
	Choices []RuleChoice
	// CheckboxColumns are the export columns of a checkbox field: one per choice, then one per
	// missing-data code unless NoMissing is set.
	CheckboxColumns []string
	// Required is the dictionary's required flag.
	Required bool
	// Identifier is the dictionary's identifier flag (values may be redacted in messages).
	Identifier bool
	// NoMissing is true when the field carries @NOMISSING.
	NoMissing bool
	// ReadOnly is true for calc, file and signature fields and for @CALCTEXT/@CALCDATE fields:
	// REDCap drops values imported into calc, file and signature fields.
	ReadOnly bool
	// Branching is the branching logic as text ("" when none).
	Branching string
	// Computed says how REDCap computes the field: "calc" (a calc field's equation), "calctext"
	// (@CALCTEXT) or "calcdate" (@CALCDATE); "" for fields it does not compute.
	Computed string
	// Expression is what REDCap evaluates for a computed field: the equation, @CALCTEXT's
	// argument, or calcdate(...) with @CALCDATE's arguments.
	Expression string
}

// RuleChoice is one choice of a FieldRule.
type RuleChoice struct {
	Code  string
	Label string
}
