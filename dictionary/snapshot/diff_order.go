package snapshot

import (
	"fmt"

	"github.com/redcapgen/redcapgen/dictionary"
)

// diffOrder reports changes of order the snapshot shows and no other change explains: fields
// within a form, forms, events and missing-data codes. They are compatible: data keeps its
// meaning, only export columns, rows and generated declarations come in another order.
func diffOrder(old, new *dictionary.Project) []Change {
	var changes []Change
	oldFields := fieldsByName(old)
	for _, form := range new.Forms {
		var before, after []string
		for _, f := range form.Fields {
			if o, ok := oldFields[f.Name]; ok && o.form == form.Name {
				after = append(after, f.Name)
			}
		}
		if o, ok := old.Form(form.Name); ok {
			for _, f := range o.Fields {
				before = append(before, f.Name)
			}
		}
		if detail, moved := orderChange("field", before, after); moved {
			changes = append(changes, Change{Kind: KindOrderChanged, Form: form.Name, Detail: detail})
		}
	}
	project := []struct {
		what     string
		old, new []string
	}{
		{"form", formOrder(old), formOrder(new)},
		{"event", eventOrder(old), eventOrder(new)},
		{"missing-data code", missingOrder(old), missingOrder(new)},
	}
	for _, o := range project {
		if detail, moved := orderChange(o.what, o.old, o.new); moved {
			changes = append(changes, Change{Kind: KindOrderChanged, Detail: detail})
		}
	}
	return changes
}

// orderChange compares the order of the items both lists hold and describes the first
// difference.
func orderChange(what string, old, new []string) (string, bool) {
	inNew := set(new)
	inOld := set(old)
	var a, b []string
	for _, x := range old {
		if inNew[x] {
			a = append(a, x)
		}
	}
	for _, x := range new {
		if inOld[x] {
			b = append(b, x)
		}
	}
	for i := range a {
		if i < len(b) && a[i] != b[i] {
			return fmt.Sprintf("%s order changed: %q now comes where %q was", what, b[i], a[i]), true
		}
	}
	return "", false
}

// formOrder lists the form names in order.
func formOrder(p *dictionary.Project) []string {
	names := make([]string, len(p.Forms))
	for i, f := range p.Forms {
		names[i] = f.Name
	}
	return names
}

// eventOrder lists the unique event names in order.
func eventOrder(p *dictionary.Project) []string {
	names := make([]string, len(p.Events))
	for i, e := range p.Events {
		names[i] = e.UniqueName
	}
	return names
}

// missingOrder lists the missing-data codes in order.
func missingOrder(p *dictionary.Project) []string {
	codes := make([]string, len(p.MissingCodes))
	for i, m := range p.MissingCodes {
		codes[i] = canon(m.Code)
	}
	return codes
}
