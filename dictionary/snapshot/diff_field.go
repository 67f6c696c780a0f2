package snapshot

import (
	"fmt"

	"github.com/redcapgen/redcapgen/dictionary"
)

// diffField compares one field present in both projects, column by column.
func diffField(oldForm string, o *dictionary.Field, newForm string, n *dictionary.Field) []Change {
	var changes []Change
	add := func(kind, detail string, breaking bool) {
		changes = append(changes, Change{Kind: kind, Field: n.Name, Form: newForm, Detail: detail, Breaking: breaking})
	}
	if oldForm != newForm {
		add(KindFieldMoved, fmt.Sprintf("moved from form %q to form %q", oldForm, newForm), true)
	}
	if o.Type != n.Type {
		// A descriptive field held no data: giving it a type is like adding a field.
		compatible := sameDataType(o.Type, n.Type) || o.Type == dictionary.TypeDescriptive
		add(KindTypeChanged, fromTo("field type", string(o.Type), string(n.Type)), !compatible)
	}
	if ov, nv := canon(o.Validation), canon(n.Validation); ov != nv {
		add(KindValidationChanged, fromTo("validation", ov, nv), !displayOnlyValidation(n.Type))
	}
	changes = append(changes, diffRange(o, n, newForm)...)
	if hasChoiceList(o) && hasChoiceList(n) {
		changes = append(changes, diffChoices(o, n, newForm)...)
	}
	if o.Required != n.Required {
		if n.Required {
			add(KindRequiredChanged, "became required (existing records may have no value)", true)
		} else {
			add(KindRequiredChanged, "is no longer required", false)
		}
	}
	if o.Identifier != n.Identifier {
		// Breaking both ways: the identifier flag decides what de-identified exports contain,
		// so code handling protected health information must be reviewed.
		if n.Identifier {
			add(KindIdentifierChanged, "is now marked as an identifier", true)
		} else {
			add(KindIdentifierChanged, "is no longer marked as an identifier", true)
		}
	}
	if ol, nl := canon(o.Label), canon(n.Label); ol != nl {
		add(KindFieldRelabelled, fromTo("label", ol, nl), false)
	}
	for _, a := range fieldAttrs {
		if handledElsewhere[a.key] {
			continue
		}
		if ov, nv := a.get(o), a.get(n); ov != nv {
			add(KindFieldChanged, fromTo(attrNames[a.key], ov, nv), false)
		}
	}
	return changes
}

// handledElsewhere are the columns diffField compares with their own kinds.
var handledElsewhere = map[string]bool{
	"form": true, "type": true, "label": true, "validation": true, "min": true, "max": true,
	"choices": true, "required": true, "identifier": true,
}

// attrNames spells each remaining column for a Detail.
var attrNames = map[string]string{
	"section": "section header", "note": "field note", "calc": "calculation",
	"slider_labels": "slider labels", "sql": "SQL query", "column6": "choices/calculations column",
	"branching": "branching logic", "alignment": "custom alignment", "question": "question number",
	"matrix": "matrix group", "matrix_ranking": "matrix ranking", "annotation": "field annotation",
}

// sameDataType reports whether a type change keeps both the stored values and the generated Go
// type: dropdown and radio hold the same codes; text and notes the same text.
func sameDataType(a, b dictionary.FieldType) bool {
	pair := func(x, y dictionary.FieldType) bool { return (a == x && b == y) || (a == y && b == x) }
	return pair(dictionary.TypeDropdown, dictionary.TypeRadio) || pair(dictionary.TypeText, dictionary.TypeNotes)
}

// displayOnlyValidation reports whether column 8 only changes the display for this type:
// autocomplete on a dropdown or sql field, the shown number of a slider.
func displayOnlyValidation(t dictionary.FieldType) bool {
	switch t {
	case dictionary.TypeDropdown, dictionary.TypeSQL, dictionary.TypeSlider:
		return true
	}
	return false
}
