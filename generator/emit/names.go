package emit

// Names is the part of generator/naming's table the emitter reads: the Go identifier of every
// REDCap thing, looked up by its REDCap identity. *naming.Names implements it. The emitter never
// builds an identifier from REDCap text itself.
type Names interface {
	// Form returns the Go type name of an instrument.
	Form(form string) string
	// Field returns the Go struct field name of a REDCap field.
	Field(field string) string
	// Enum returns the Go type name of a choice field's codes (dropdown, radio, yesno,
	// truefalse, checkbox).
	Enum(field string) string
	// EnumConst returns the Go constant name of one choice code of a field.
	EnumConst(field, code string) string
	// Set returns the Go type name of a checkbox field's set.
	Set(field string) string
	// Event returns the Go type name of an event (by unique event name).
	Event(uniqueEvent string) string
	// Arm returns the Go type name of an arm (by arm number).
	Arm(num int) string
}
