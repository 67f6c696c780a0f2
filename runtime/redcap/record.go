package redcap

import (
	"sync"

	"github.com/redcapgen/redcapgen/runtime/logic"
)

// Record is implemented by a pointer to a generated record type. The generic export and import
// functions (Stream, ExportAll, Import) work through it, so they never use reflection.
type Record interface {
	// Schema describes the generated project: columns, fields and their rules, design.
	Schema() *Schema
	// RecordID returns the record's ID (the value of the dictionary's first field).
	RecordID() string
	// DecodeRows fills the record from every flat row of one record, in export order. Every row
	// must carry the same record ID. A row that fits nowhere in the design is an error naming
	// record, event and instance.
	DecodeRows(rows []Row) error
	// Recycle empties the record and keeps its storage (events, remembered columns) for the next
	// DecodeRows, which refills it instead of allocating. What was reached through the record
	// before (an event pointer, a copy of the record) changes with that decode.
	Recycle()
	// EncodeRows appends the record's rows for import. Rows carry the columns the record was
	// decoded from, or every column of the record's shape for a record built in code. Rows left
	// in dst's spare capacity by an earlier call (dst[len(dst):cap(dst)]) are reused as storage.
	EncodeRows(dst []Row) ([]Row, error)
	// Validate checks every value against REDCap's rules and reports into v.
	Validate(v *Validator)
}

// Schema describes a generated project. Generated packages hold one, built at init.
type Schema struct {
	// Title is the project title, when known.
	Title string
	// RecordIDField is the REDCap name of the record ID field (the dictionary's first field).
	RecordIDField string
	// Layout is every column of a full flat export.
	Layout *Layout
	// Fields are the rules of every data field in dictionary order (descriptive fields excluded;
	// form status fields included as type "form_status").
	Fields []FieldRule
	// MissingCodes are the project's missing-data codes.
	MissingCodes *MissingCodes
	// Longitudinal is true when rows carry redcap_event_name.
	Longitudinal bool
	// Repeating is true when rows carry redcap_repeat_instrument and redcap_repeat_instance.
	Repeating bool
	// Fingerprint is the dictionary fingerprint ("sha256:..."), for drift checks.
	Fingerprint string
	// Compiled is the project's logic compiled to Go, by expression text; logic without an entry
	// is interpreted, with the same answers.
	Compiled map[string]func(*logic.Frame) logic.Value
	// Descriptive are the descriptive fields with branching logic (type "descriptive"): no data,
	// but their logic says when REDCap shows their text.
	Descriptive []FieldRule
	// Design is where forms are: for a longitudinal project one entry per event in REDCap's
	// order; for a classic project one entry with an empty event name. Logic uses it to find the
	// row a field is on and the previous, next, first or last event of an arm.
	Design []EventDesign

	logicOnce sync.Once
	logic     *logicView
}

// Field returns the rule of a REDCap field by name.
func (s *Schema) Field(name string) (*FieldRule, bool) {
	for i := range s.Fields {
		if s.Fields[i].Name == name {
			return &s.Fields[i], true
		}
	}
	return nil, false
}

// EventDesign is one event of a project: its arm, the forms mapped to it, the forms that repeat
// in it, and whether the whole event repeats. A classic project has one, named "".
type EventDesign struct {
	Event          string   // unique event name; "" in a classic project
	Arm            int      // arm number (1 in a classic project)
	Forms          []string // the forms mapped to the event, in form order
	RepeatingForms []string // the forms that repeat as instruments in the event
	Repeats        bool     // the whole event repeats
}
