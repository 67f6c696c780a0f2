package naming

import "slices"

// Names is the Go name of every REDCap identity of one project. Look-ups of an identity the
// project does not have return "".
type Names struct {
	forms      map[string]string
	fields     map[string]string
	enums      map[string]string
	sets       map[string]string
	consts     map[string]map[string]string // field -> code -> constant
	events     map[string]string
	arms       map[int]string
	unusedPins []string
}

// Form is the package-level struct type of instrument form, e.g. "Demographics"; the same name
// is the instrument's field in the Record and event structs.
func (n *Names) Form(form string) string { return n.forms[form] }

// Field is the struct field of REDCap field field inside its form struct, e.g. "DOB" or
// "Dob_1". It is unique within the form struct and never a generated method name or Complete.
func (n *Names) Field(field string) string { return n.fields[field] }

// Enum is the package-level enum type of a dropdown, radio, yesno, truefalse or checkbox field,
// e.g. "Sex"; for a checkbox it is the element type of the set.
func (n *Names) Enum(field string) string { return n.enums[field] }

// EnumConst is the constant for choice code of an enum field, e.g. "SexFemale" or "SexMinus9".
// Checkbox choices use it too: their constants belong to the element type Enum(field).
func (n *Names) EnumConst(field, code string) string { return n.consts[field][code] }

// Set is the package-level set type of a checkbox field, e.g. "RaceSet".
func (n *Names) Set(field string) string { return n.sets[field] }

// Event is the package-level struct type of an event, e.g. "BaselineArm1".
func (n *Names) Event(uniqueEvent string) string { return n.events[uniqueEvent] }

// Arm is the package-level struct type of an arm, e.g. "Arm1DrugA".
func (n *Names) Arm(num int) string { return n.arms[num] }

// UnusedPins lists, sorted, the pins that named no identity of the project (a removed field, a
// misspelt key), so the caller can warn about them.
func (n *Names) UnusedPins() []string { return slices.Clone(n.unusedPins) }
