package logic

import "strings"

// Field describes one field as logic sees it.
type Field struct {
	Name       string   // the field's name
	Form       string   // its instrument
	Type       string   // REDCap's field type: text, notes, calc, radio, dropdown, checkbox, yesno, ...
	Validation string   // the text validation type (date_dmy, integer, number_2dp, ...), if any
	Codes      []string // choice codes of radio, dropdown and checkbox fields
	Labels     []string // their labels, in the same order ([field:label] reads them)
}

// Event is one event of a longitudinal project.
type Event struct {
	Name string // unique event name
	Arm  int    // arm number
}

// Schema is what logic needs to know of a project: its fields (form status fields included or
// not: they are added), events in project order, missing-data codes and record ID field.
type Schema struct {
	fields  map[string]*fieldInfo
	events  []Event
	missing map[string]bool
	forms   map[string]bool
}

// fieldInfo is a field with what evaluation derives from it once.
type fieldInfo struct {
	Field
	numeric  bool // a blank value reads as NaN
	checkbox bool
	codes    map[string]bool
	dates    string // "dmy", "mdy" or "" (Y-M-D): how a literal next to the field is read
}

// NewSchema describes a project for Check and Eval. Each form gets its status field
// (<form>_complete).
func NewSchema(fields []Field, events []Event, missingCodes []string) *Schema {
	s := &Schema{
		fields:  make(map[string]*fieldInfo, len(fields)),
		events:  events,
		missing: make(map[string]bool, len(missingCodes)),
		forms:   map[string]bool{},
	}
	for _, f := range fields {
		s.add(f)
		s.forms[f.Form] = true
	}
	for form := range s.forms {
		name := form + "_complete"
		if s.fields[name] == nil {
			s.add(Field{Name: name, Form: form, Type: "radio", Codes: []string{"0", "1", "2"}})
		}
	}
	for _, c := range missingCodes {
		s.missing[c] = true
	}
	return s
}

func (s *Schema) add(f Field) {
	fi := &fieldInfo{Field: f, checkbox: f.Type == "checkbox", codes: make(map[string]bool, len(f.Codes))}
	for _, c := range f.Codes {
		fi.codes[c] = true
	}
	fi.numeric = numericField(f)
	switch {
	case strings.HasSuffix(f.Validation, "_dmy"):
		fi.dates = "dmy"
	case strings.HasSuffix(f.Validation, "_mdy"):
		fi.dates = "mdy"
	}
	s.fields[strings.ToLower(f.Name)] = fi
}

// numericField reports whether a blank value of the field reads as NaN: calculations, sliders,
// number and integer validations, and choice fields whose codes are all numbers.
func numericField(f Field) bool {
	switch f.Type {
	case "calc", "slider", "yesno", "truefalse":
		return true
	case "radio", "dropdown", "select":
		if len(f.Codes) == 0 {
			return false
		}
		for _, c := range f.Codes {
			if _, ok := numericString(c); !ok {
				return false
			}
		}
		return true
	case "text":
		v := f.Validation
		return v == "integer" || v == "int" || v == "float" || strings.HasPrefix(v, "number")
	}
	return false
}

// field returns a field by name, nil when the project has none.
func (s *Schema) field(name string) *fieldInfo {
	if s == nil {
		return nil
	}
	return s.fields[name]
}

// eventIndex returns an event's position, -1 when unknown.
func (s *Schema) eventIndex(name string) int {
	if s == nil {
		return -1
	}
	for i, e := range s.events {
		if e.Name == name {
			return i
		}
	}
	return -1
}

// isMissing reports whether a stored text is one of the project's missing-data codes.
func (s *Schema) isMissing(text string) bool { return s != nil && s.missing[text] }

// label returns the label of a stored choice code: the text itself when the field has no such
// code (free text, a missing-data code, blank).
func (f *fieldInfo) label(code string) string {
	for i, c := range f.Codes {
		if c == code && i < len(f.Labels) {
			return f.Labels[i]
		}
	}
	return code
}
