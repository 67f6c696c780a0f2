package dictionary

import "strings"

// Field returns the field named name (exact match).
func (p *Project) Field(name string) (*Field, bool) {
	for _, form := range p.Forms {
		for _, f := range form.Fields {
			if f.Name == name {
				return f, true
			}
		}
	}
	return nil, false
}

// Fields returns every field in dictionary order, descriptive fields included.
func (p *Project) Fields() []*Field {
	var fields []*Field
	for _, form := range p.Forms {
		fields = append(fields, form.Fields...)
	}
	return fields
}

// RecordIDField returns the record ID field: the first field of the dictionary, whatever its
// name. It is nil only for a project without fields, which no reader returns.
func (p *Project) RecordIDField() *Field {
	for _, form := range p.Forms {
		if len(form.Fields) > 0 {
			return form.Fields[0]
		}
	}
	return nil
}

// Form returns the form named name.
func (p *Project) Form(name string) (*Form, bool) {
	for _, form := range p.Forms {
		if form.Name == name {
			return form, true
		}
	}
	return nil, false
}

// DataFields returns the fields that hold data, in dictionary order: every field except
// descriptive ones.
func (p *Project) DataFields() []*Field {
	var fields []*Field
	for _, form := range p.Forms {
		for _, f := range form.Fields {
			if f.Type != TypeDescriptive {
				fields = append(fields, f)
			}
		}
	}
	return fields
}

// IsLongitudinal reports whether the project has events.
func (p *Project) IsLongitudinal() bool { return len(p.Events) > 0 }

// HasRepeating reports whether the project has repeating instruments or events.
func (p *Project) HasRepeating() bool { return len(p.Repeating) > 0 }

// HasTag reports whether the field's annotation carries the action tag name ("@HIDDEN" or
// "HIDDEN", any case). Tags nested inside @IF(...) do not count: they apply only conditionally.
func (f *Field) HasTag(name string) bool {
	name = strings.ToUpper(strings.TrimPrefix(name, "@"))
	for _, t := range f.ActionTags {
		if t.Name == name {
			return true
		}
	}
	return false
}
