package snapshot

import (
	"fmt"

	"github.com/redcapgen/redcapgen/dictionary"
)

// Diff lists the changes from old to new in REDCap terms: the record ID, then fields (in new
// dictionary order, removed fields last in old order), forms, arms, events, the form-event
// mapping, repeating forms and events, missing-data codes, and last changes of order. Every
// difference of the snapshots shows up as at least one change. Both projects are compared in
// their canonical form, so a CSV and a project XML of the same design differ only in what one
// of them does not carry.
func Diff(old, new *dictionary.Project) []Change {
	if old == nil {
		old = &dictionary.Project{}
	}
	if new == nil {
		new = &dictionary.Project{}
	}
	var changes []Change
	changes = append(changes, diffRecordID(old, new)...)
	changes = append(changes, diffLongitudinal(old, new)...)
	changes = append(changes, diffFields(old, new)...)
	changes = append(changes, diffForms(old, new)...)
	changes = append(changes, diffArms(old, new)...)
	changes = append(changes, diffEvents(old, new)...)
	changes = append(changes, diffMappings(old, new)...)
	changes = append(changes, diffRepeats(old, new)...)
	changes = append(changes, diffMissingCodes(old, new)...)
	changes = append(changes, diffOrder(old, new)...)
	return changes
}

// diffRecordID reports a new record ID field (the first field of the dictionary).
func diffRecordID(old, new *dictionary.Project) []Change {
	o, n := old.RecordIDField(), new.RecordIDField()
	if o == nil || n == nil || o.Name == n.Name {
		return nil
	}
	return []Change{{
		Kind: KindRecordIDChanged, Field: n.Name, Form: n.Form, Breaking: true,
		Detail: fmt.Sprintf("the record ID field changed from %q to %q", o.Name, n.Name),
	}}
}

// diffLongitudinal reports a classic project that gained events, or a longitudinal one that
// lost them all: every exported row changes shape (redcap_event_name appears or goes).
func diffLongitudinal(old, new *dictionary.Project) []Change {
	if old.IsLongitudinal() == new.IsLongitudinal() {
		return nil
	}
	detail := "the project became longitudinal (records now have events)"
	if !new.IsLongitudinal() {
		detail = "the project is no longer longitudinal (records lose their events)"
	}
	return []Change{{Kind: KindLongitudinalChanged, Detail: detail, Breaking: true}}
}

// fieldsByName indexes a project's fields with the form that holds them.
func fieldsByName(p *dictionary.Project) map[string]formField {
	m := map[string]formField{}
	for _, form := range p.Forms {
		for _, f := range form.Fields {
			m[f.Name] = formField{form: form.Name, f: f}
		}
	}
	return m
}

// formField is a field and the form holding it.
type formField struct {
	form string
	f    *dictionary.Field
}

// diffFields compares the fields of both projects.
func diffFields(old, new *dictionary.Project) []Change {
	oldFields, newFields := fieldsByName(old), fieldsByName(new)
	var changes []Change
	for _, form := range new.Forms {
		for _, f := range form.Fields {
			o, ok := oldFields[f.Name]
			if !ok {
				changes = append(changes, fieldAdded(form.Name, f))
				continue
			}
			changes = append(changes, diffField(o.form, o.f, form.Name, f)...)
		}
	}
	for _, form := range old.Forms {
		for _, f := range form.Fields {
			if _, ok := newFields[f.Name]; !ok {
				changes = append(changes, Change{
					Kind: KindFieldRemoved, Field: f.Name, Form: form.Name,
					Detail:   fmt.Sprintf("%s field removed", f.Type),
					Breaking: f.Type != dictionary.TypeDescriptive,
				})
			}
		}
	}
	return changes
}

// fieldAdded describes a new field: compatible unless it is required.
func fieldAdded(form string, f *dictionary.Field) Change {
	detail := fmt.Sprintf("%s field added", f.Type)
	if f.Required {
		detail = fmt.Sprintf("required %s field added (existing records have no value)", f.Type)
	}
	return Change{Kind: KindFieldAdded, Field: f.Name, Form: form, Detail: detail, Breaking: f.Required}
}
