package redcap

import (
	"fmt"
	"slices"
)

// NewFileRef returns the address of the file in a file upload or signature field of a decoded
// or built record: field is the field's REDCap name; event the unique name of the event the
// field's form is in ("" in a classic project); instance the Instance.Number of a repeating form
// or event (0 elsewhere). It checks them against the record's generated schema, so a misspelt
// field or event fails here instead of at REDCap.
func NewFileRef(rec Record, field, event string, instance int) (FileRef, error) {
	sch := rec.Schema()
	rule, ok := sch.Field(field)
	if !ok || rule.Type != typeFile {
		return FileRef{}, fmt.Errorf("redcap: file of record %q: %q is not a file field of the project", rec.RecordID(), field)
	}
	if instance < 0 {
		return FileRef{}, fmt.Errorf("redcap: file of record %q field %q: instance %d is negative", rec.RecordID(), field, instance)
	}
	if !sch.Longitudinal {
		if event != "" {
			return FileRef{}, fmt.Errorf("redcap: file of record %q field %q: event %q given in a classic project", rec.RecordID(), field, event)
		}
		return FileRef{Record: rec.RecordID(), Field: field, Instance: instance}, nil
	}
	for _, e := range sch.Design {
		if e.Event != event {
			continue
		}
		if !slices.Contains(e.Forms, rule.Form) {
			return FileRef{}, fmt.Errorf("redcap: file of record %q field %q: form %q is not designated for event %q", rec.RecordID(), field, rule.Form, event)
		}
		return FileRef{Record: rec.RecordID(), Field: field, Event: event, Instance: instance}, nil
	}
	return FileRef{}, fmt.Errorf("redcap: file of record %q field %q: %q is not an event of the project", rec.RecordID(), field, event)
}
