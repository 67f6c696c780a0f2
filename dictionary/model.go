// Package dictionary holds redcapgen's model of a REDCap project: its data dictionary (forms,
// fields, choices, validations, action tags) and its design (arms, events, form-event mappings,
// repeating forms and events, missing-data codes). Readers for every file REDCap produces turn
// their input into a Project and check it once; nothing later re-validates.
//
// Each source is read as REDCap stores the project made from it (form labels of a dictionary,
// blank lines of a project XML, required on descriptive fields), so every source of one project
// gives one model. Whatever REDCap holds reads: REDCap's upload-time checks are warnings, and an
// error is kept for what no Go package can be made from (the README lists each, with why).
//
// The model speaks REDCap's terms only: it holds no Go names and no generator types.
package dictionary

// Project is a REDCap project as redcapgen sees it: the data dictionary plus the design that only
// the project XML or the API carry.
type Project struct {
	// Source describes where the project came from for messages and generated headers: a file's
	// base name ("study.csv") or "REDCap API, project 123". Never a URL, token or absolute path.
	Source string
	// Format is the reader that produced the project.
	Format Format
	// ID is REDCap's project_id when known (API, project XML), else 0.
	ID int
	// Title is the project title when known.
	Title string
	// Forms are the instruments in dictionary order; each holds its fields in dictionary order.
	Forms []*Form
	// Arms are the arms in arm-number order; empty for a classic project.
	Arms []Arm
	// Events are the events in REDCap's order (by arm, then event order); empty for a classic project.
	Events []Event
	// Mappings is the form-event mapping in REDCap's order; empty for a classic project.
	Mappings []Mapping
	// Repeating lists the repeating instruments and events.
	Repeating []Repeat
	// MissingCodes are the project's missing-data codes in the project's order.
	MissingCodes []MissingCode
	// DAGs are the project's data access groups.
	DAGs []DAG
	// Roles are the project's user roles, when the source carries them (a project XML does).
	Roles []Role
	// SurveyForms names forms that are survey-enabled, when the source says so.
	SurveyForms []string
	// SaveAndReturnForms names the survey forms with Save & Return Later enabled (return codes),
	// when the source says so (project XML).
	SaveAndReturnForms []string
	// SurveyQueue reports whether the project's survey queue is active, when the source says so
	// (project XML).
	SurveyQueue bool
	// SecondaryUniqueField is the secondary unique field, when set.
	SecondaryUniqueField string
	// CustomRecordLabel is the custom record label, when set.
	CustomRecordLabel string
	// AutoNumbering reports whether record auto-numbering is enabled, when known.
	AutoNumbering bool
	// Lacks names the parts of a project the source does not carry, so that they are not taken
	// for absent: a dictionary file has no events or missing-data codes, the API tells survey
	// forms only to a user with survey rights. Form labels a source lacks are REDCap's defaults.
	Lacks Parts
	// SchedulingEnabled reports whether the scheduling module is enabled (project XML
	// redcap:SchedulingEnabled), when known.
	SchedulingEnabled bool
	// Warnings are problems that did not stop reading (site-defined validation types, min/max that
	// do not parse, odd but accepted choice lists), in location order.
	Warnings []Problem
}

// Parts is a set of the parts of a project a source may not carry.
type Parts uint

// The parts of a project some sources do not carry.
const (
	PartFormLabels   Parts = 1 << iota // instrument labels
	PartEvents                         // arms, events, form-event mapping, repeating instruments and events
	PartMissingCodes                   // missing-data codes
	PartSurveys                        // which forms are surveys
	PartTitle                          // the project title
)

// PartsOfDictionary are the parts a dictionary file (CSV, API JSON or XML) does not carry.
const PartsOfDictionary = PartFormLabels | PartEvents | PartMissingCodes | PartSurveys | PartTitle

// Has reports whether every part of q is in s.
func (s Parts) Has(q Parts) bool { return s&q == q }

// Format names a dictionary source format.
type Format string

// The formats redcapgen reads.
const (
	FormatCSV        Format = "csv"         // Data Dictionary page download
	FormatJSON       Format = "json"        // API content=metadata, format=json
	FormatAPIXML     Format = "api-xml"     // API content=metadata, format=xml
	FormatProjectXML Format = "project-xml" // REDCap project XML (CDISC ODM with redcap: extensions)
	FormatAPI        Format = "api"         // fetched live from the API
)

// Form is one REDCap instrument.
type Form struct {
	// Name is the unique instrument name (form_name), e.g. "demographics".
	Name string
	// Label is the instrument label when known (instrument export, project XML), else "".
	Label string
	// Fields are the form's fields in dictionary order, descriptive fields included.
	Fields []*Field
}

// Field is one row of the data dictionary.
type Field struct {
	Name           string    // field_name
	Form           string    // form_name
	SectionHeader  string    // section_header (HTML)
	Type           FieldType // field_type
	Label          string    // field_label (HTML)
	Choices        []Choice  // parsed choices of dropdown, radio, checkbox, yesno, truefalse
	ChoicesRaw     string    // select_choices_or_calculations as written (choices, calc, slider labels, SQL)
	Note           string    // field_note
	Validation     string    // text_validation_type_or_show_slider_number, as written (lower-cased)
	Min            string    // text_validation_min, as written
	Max            string    // text_validation_max, as written
	Identifier     bool      // identifier = y
	Branching      string    // branching_logic, as text
	Required       bool      // required_field = y
	Alignment      string    // custom_alignment
	QuestionNumber string    // question_number
	MatrixGroup    string    // matrix_group_name
	MatrixRanking  bool      // matrix_ranking = y
	Annotation     string    // field_annotation, as written
	ActionTags     []ActionTag
	// Location says where the field was read, for messages: "study.csv:42" or
	// "metadata.json: element 7".
	Location string
}

// FieldType is REDCap's field_type in API spelling (project XML names are mapped to these).
type FieldType string

// REDCap's field types.
const (
	TypeText        FieldType = "text"
	TypeNotes       FieldType = "notes"
	TypeDropdown    FieldType = "dropdown"
	TypeRadio       FieldType = "radio"
	TypeCheckbox    FieldType = "checkbox"
	TypeYesNo       FieldType = "yesno"
	TypeTrueFalse   FieldType = "truefalse"
	TypeCalc        FieldType = "calc"
	TypeFile        FieldType = "file"
	TypeSlider      FieldType = "slider"
	TypeDescriptive FieldType = "descriptive"
	TypeSQL         FieldType = "sql"
)

// Choice is one entry of a choice list: REDCap's raw code and its label.
type Choice struct {
	Code  string
	Label string
}

// ActionTag is one action tag from a field annotation, e.g. @CHARLIMIT=10 or @IF(...).
type ActionTag struct {
	Name  string // upper-cased tag name without "@", e.g. "HIDDEN-SURVEY"
	Value string // the text after "=" or inside "(...)", unquoted; "" when absent
}

// Arm is a REDCap arm.
type Arm struct {
	Num  int
	Name string
}

// Event is a REDCap event.
type Event struct {
	UniqueName  string // unique_event_name, e.g. "baseline_arm_1"
	Name        string // event_name
	Arm         int    // arm_num
	CustomLabel string // custom_event_label
	ID          int    // event_id when known
	// DayOffset, OffsetMin and OffsetMax are the event's scheduling offsets in days (day_offset,
	// offset_min, offset_max); REDCap exports them when scheduling is enabled.
	DayOffset, OffsetMin, OffsetMax float64
}

// Mapping says that a form is designated for an event.
type Mapping struct {
	Arm   int
	Event string // unique event name
	Form  string
}

// Repeat declares a repeating instrument (Form set) or a repeating event (Form empty).
// Event is empty in a classic project.
type Repeat struct {
	Event       string
	Form        string
	CustomLabel string
}

// MissingCode is one project-level missing-data code.
type MissingCode struct {
	Code  string
	Label string
}

// Role is a user role: its unique name, label and rights, under the names the API gives them.
type Role struct {
	UniqueName string // unique_role_name
	Label      string // role_label
	// Rights holds each project-level right by its API name (design, api_export, ...).
	Rights map[string]string
	// Forms and FormsExport are the data entry and data export rights per form, in form order.
	Forms       []FormRight
	FormsExport []FormRight
}

// FormRight is a right on one form.
type FormRight struct {
	Form  string
	Right string
}

// DAG is a data access group.
type DAG struct {
	Name       string // data_access_group_name
	UniqueName string // unique_group_name
	ID         int
}
