package emit

import (
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// fieldKind is how a field is represented in Go.
type fieldKind int

// The three shapes of a data field.
const (
	kindScalar   fieldKind = iota // redcap.Value[<runtime scalar>]
	kindEnum                      // redcap.Value[<Enum>]
	kindCheckbox                  // <Set>
)

// scalarType names a runtime scalar type and its parse function.
type scalarType struct {
	typeName  string // "Date"
	parseName string // "ParseDate"
}

// The runtime scalars.
var (
	scalarText     = scalarType{"Text", "ParseText"}
	scalarInteger  = scalarType{"Integer", "ParseInteger"}
	scalarNumber   = scalarType{"Number", "ParseNumber"}
	scalarDate     = scalarType{"Date", "ParseDate"}
	scalarDateTime = scalarType{"DateTime", "ParseDateTime"}
	scalarTime     = scalarType{"Time", "ParseTime"}
	scalarMinSec   = scalarType{"MinSec", "ParseMinSec"}
	scalarStatus   = scalarType{"FormStatus", "ParseFormStatus"}
	scalarFile     = scalarType{"File", "ParseFile"}
)

// kindOf decides a field's Go shape from its type and validation.
func kindOf(f *dictionary.Field) (fieldKind, scalarType) {
	switch f.Type {
	case dictionary.TypeDropdown, dictionary.TypeRadio, dictionary.TypeYesNo, dictionary.TypeTrueFalse:
		return kindEnum, scalarType{}
	case dictionary.TypeCheckbox:
		return kindCheckbox, scalarType{}
	case dictionary.TypeSlider:
		return kindScalar, scalarInteger
	case dictionary.TypeCalc:
		return kindScalar, scalarNumber
	case dictionary.TypeText:
		return kindScalar, textScalar(f.Validation)
	case dictionary.TypeFile:
		return kindScalar, scalarFile // file upload and signature fields
	}
	return kindScalar, scalarText // notes, sql, and anything newer
}

// textScalar maps a text field's validation type to its scalar.
func textScalar(v string) scalarType {
	switch {
	case strings.HasPrefix(v, "datetime_"):
		return scalarDateTime
	case strings.HasPrefix(v, "date_"):
		return scalarDate
	case v == "time" || v == "time_hh_mm_ss":
		return scalarTime
	case v == "time_mm_ss":
		return scalarMinSec
	case v == "integer":
		return scalarInteger
	case v == "number" || strings.HasPrefix(v, "number_"):
		return scalarNumber
	}
	return scalarText
}

// isReadOnlyType reports field types whose imported values REDCap drops.
func isReadOnlyType(f *dictionary.Field) bool {
	return f.Type == dictionary.TypeCalc || f.Type == dictionary.TypeFile
}

// describe is the trailing comment of a struct field: REDCap name, label, type, validation,
// range and flags, e.g. `"dob" (Date of birth): text, date_ymd, 1900-01-01..today, identifier`.
func describe(f *dictionary.Field, readOnly bool) string {
	parts := []string{string(f.Type)}
	if f.Validation != "" {
		parts = append(parts, f.Validation)
	}
	switch {
	case f.Min != "" || f.Max != "":
		parts = append(parts, f.Min+".."+f.Max)
	case f.Type == dictionary.TypeSlider:
		parts = append(parts, "0..100 (default range)")
	}
	if f.Identifier {
		parts = append(parts, "identifier")
	}
	if f.Required {
		parts = append(parts, "required")
	}
	if readOnly {
		parts = append(parts, "read-only (REDCap drops imported values)")
	}
	s := quoteName(f.Name)
	if l := label(f.Label); l != "" {
		s += " (" + l + ")"
	}
	return s + ": " + strings.Join(parts, ", ")
}

// quoteName quotes a REDCap name for a comment.
func quoteName(name string) string { return `"` + label(name) + `"` }

// itoa formats an int for a comment.
func itoa(n int) string { return strconv.Itoa(n) }
