package redcap

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Instrument is one form of the project (content=instrument).
type Instrument struct {
	Name  string `json:"instrument_name"`
	Label string `json:"instrument_label"`
}

// Arm is one arm of a longitudinal project (content=arm).
type Arm struct {
	Number int    `json:"arm_num"`
	Name   string `json:"name"`
}

// Event is one event of a longitudinal project (content=event).
type Event struct {
	Name        string `json:"event_name"`
	ArmNumber   int    `json:"arm_num"`
	UniqueName  string `json:"unique_event_name"`
	CustomLabel string `json:"custom_event_label"`
	ID          int    `json:"event_id"`
}

// FormEventMapping says that an event holds a form (content=formEventMapping).
type FormEventMapping struct {
	ArmNumber       int    `json:"arm_num"`
	UniqueEventName string `json:"unique_event_name"`
	Form            string `json:"form"`
}

// RepeatingFormEvent is one repeating form, or a whole repeating event when Form is ""
// (content=repeatingFormsEvents). Event is "" in classic projects.
type RepeatingFormEvent struct {
	Event           string `json:"event_name"`
	Form            string `json:"form_name"`
	CustomFormLabel string `json:"custom_form_label"`
}

// ExportFieldName maps a field (and a checkbox choice) to its export column (content=exportFieldNames).
type ExportFieldName struct {
	OriginalFieldName string `json:"original_field_name"`
	ChoiceValue       string `json:"choice_value"`
	ExportFieldName   string `json:"export_field_name"`
}

// DAG is one data access group (content=dag).
type DAG struct {
	Name       string `json:"data_access_group_name"`
	UniqueName string `json:"unique_group_name"`
	ID         int    `json:"data_access_group_id"`
}

// MetadataField is one row of the data dictionary as the API exports it (content=metadata).
type MetadataField struct {
	FieldName                            string `json:"field_name"`
	FormName                             string `json:"form_name"`
	SectionHeader                        string `json:"section_header"`
	FieldType                            string `json:"field_type"`
	FieldLabel                           string `json:"field_label"`
	SelectChoicesOrCalculations          string `json:"select_choices_or_calculations"`
	FieldNote                            string `json:"field_note"`
	TextValidationTypeOrShowSliderNumber string `json:"text_validation_type_or_show_slider_number"`
	TextValidationMin                    string `json:"text_validation_min"`
	TextValidationMax                    string `json:"text_validation_max"`
	Identifier                           string `json:"identifier"`
	BranchingLogic                       string `json:"branching_logic"`
	RequiredField                        string `json:"required_field"`
	CustomAlignment                      string `json:"custom_alignment"`
	QuestionNumber                       string `json:"question_number"`
	MatrixGroupName                      string `json:"matrix_group_name"`
	MatrixRanking                        string `json:"matrix_ranking"`
	FieldAnnotation                      string `json:"field_annotation"`
}

// ProjectInfo is the project's settings (content=project).
type ProjectInfo struct {
	ProjectID                      int    `json:"project_id"`
	Title                          string `json:"project_title"`
	CreationTime                   string `json:"creation_time"`
	ProductionTime                 string `json:"production_time"`
	InProduction                   bool   `json:"in_production"`
	Language                       string `json:"project_language"`
	Purpose                        int    `json:"purpose"`
	PurposeOther                   string `json:"purpose_other"`
	Notes                          string `json:"project_notes"`
	CustomRecordLabel              string `json:"custom_record_label"`
	SecondaryUniqueField           string `json:"secondary_unique_field"`
	IsLongitudinal                 bool   `json:"is_longitudinal"`
	HasRepeatingInstrumentsOrEvent bool   `json:"has_repeating_instruments_or_events"`
	SurveysEnabled                 bool   `json:"surveys_enabled"`
	SchedulingEnabled              bool   `json:"scheduling_enabled"`
	RecordAutonumberingEnabled     bool   `json:"record_autonumbering_enabled"`
	RandomizationEnabled           bool   `json:"randomization_enabled"`
	IRBNumber                      string `json:"project_irb_number"`
	GrantNumber                    string `json:"project_grant_number"`
	PIFirstName                    string `json:"project_pi_firstname"`
	PILastName                     string `json:"project_pi_lastname"`
	// MissingDataCodesText is missing_data_codes as REDCap sent it.
	MissingDataCodesText string `json:"missing_data_codes"`
	// MissingDataCodes is MissingDataCodesText parsed, in the project's order.
	MissingDataCodes []MissingDataCode `json:"-"`
}

// MissingDataCode is one of the project's missing-data codes and its label.
type MissingDataCode struct {
	Code  string
	Label string
}

// ParseMissingDataCodes reads REDCap's missing-data code list: "NA, Not applicable | UNK,
// Unknown" as project info gives it, or one "CODE, Label" per line as the project XML does. An
// entry without a comma is both code and label.
func ParseMissingDataCodes(s string) []MissingDataCode {
	var out []MissingDataCode
	for _, entry := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '\n' }) {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		code, label, ok := strings.Cut(entry, ",")
		code, label = strings.TrimSpace(code), strings.TrimSpace(label)
		if !ok {
			label = code
		}
		out = append(out, MissingDataCode{Code: code, Label: label})
	}
	return out
}

// flexInt is an integer REDCap sends as a JSON number, or as a string in some versions.
type flexInt int

// UnmarshalJSON accepts 5, "5" and "".
func (n *flexInt) UnmarshalJSON(b []byte) error {
	s := string(bytes.Trim(b, `"`))
	if s == "" || s == "null" {
		*n = 0
		return nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("want an integer, got %s", b)
	}
	*n = flexInt(v)
	return nil
}

// flexBool is a REDCap 0/1 flag: a JSON number or string.
type flexBool bool

// UnmarshalJSON accepts 0, 1, "0", "1", "", true and false.
func (f *flexBool) UnmarshalJSON(b []byte) error {
	switch string(bytes.Trim(b, `"`)) {
	case "1", "true":
		*f = true
	case "0", "false", "", "null":
		*f = false
	default:
		return fmt.Errorf("want 0 or 1, got %s", b)
	}
	return nil
}

// decodeJSON unmarshals an answer, naming the call when it is not what REDCap should send.
func (c *Client) decodeJSON(cl call, body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("redcap: %s: answer is not the expected JSON (%s); first line: %q", cl.name(), scrubToken(err.Error(), c.token), c.snippet(body))
	}
	return nil
}

// snippet is the first line of a body for an error message, without the token.
func (c *Client) snippet(body []byte) string { return scrubToken(firstTextLine(body), c.token) }

// UnmarshalJSON reads an arm whose number may be a JSON number or a string.
func (a *Arm) UnmarshalJSON(b []byte) error {
	var w struct {
		Number flexInt `json:"arm_num"`
		Name   string  `json:"name"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*a = Arm{Number: int(w.Number), Name: w.Name}
	return nil
}

// UnmarshalJSON reads an event whose numbers may be JSON numbers or strings.
func (e *Event) UnmarshalJSON(b []byte) error {
	var w struct {
		Name        string  `json:"event_name"`
		ArmNumber   flexInt `json:"arm_num"`
		UniqueName  string  `json:"unique_event_name"`
		CustomLabel string  `json:"custom_event_label"`
		ID          flexInt `json:"event_id"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = Event{Name: w.Name, ArmNumber: int(w.ArmNumber), UniqueName: w.UniqueName, CustomLabel: w.CustomLabel, ID: int(w.ID)}
	return nil
}

// UnmarshalJSON reads a mapping whose arm number may be a JSON number or a string.
func (m *FormEventMapping) UnmarshalJSON(b []byte) error {
	var w struct {
		ArmNumber       flexInt `json:"arm_num"`
		UniqueEventName string  `json:"unique_event_name"`
		Form            string  `json:"form"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*m = FormEventMapping{ArmNumber: int(w.ArmNumber), UniqueEventName: w.UniqueEventName, Form: w.Form}
	return nil
}

// UnmarshalJSON reads a DAG whose id may be a JSON number or a string.
func (d *DAG) UnmarshalJSON(b []byte) error {
	var w struct {
		Name       string  `json:"data_access_group_name"`
		UniqueName string  `json:"unique_group_name"`
		ID         flexInt `json:"data_access_group_id"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*d = DAG{Name: w.Name, UniqueName: w.UniqueName, ID: int(w.ID)}
	return nil
}
