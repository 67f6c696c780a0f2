package redcap

import "encoding/json"

// projectInfoWire is content=project as sent: numbers and flags as JSON numbers or strings.
type projectInfoWire struct {
	ProjectID                  flexInt  `json:"project_id"`
	Title                      string   `json:"project_title"`
	CreationTime               string   `json:"creation_time"`
	ProductionTime             string   `json:"production_time"`
	InProduction               flexBool `json:"in_production"`
	Language                   string   `json:"project_language"`
	Purpose                    flexInt  `json:"purpose"`
	PurposeOther               string   `json:"purpose_other"`
	Notes                      string   `json:"project_notes"`
	CustomRecordLabel          string   `json:"custom_record_label"`
	SecondaryUniqueField       string   `json:"secondary_unique_field"`
	IsLongitudinal             flexBool `json:"is_longitudinal"`
	HasRepeating               flexBool `json:"has_repeating_instruments_or_events"`
	SurveysEnabled             flexBool `json:"surveys_enabled"`
	SchedulingEnabled          flexBool `json:"scheduling_enabled"`
	RecordAutonumberingEnabled flexBool `json:"record_autonumbering_enabled"`
	RandomizationEnabled       flexBool `json:"randomization_enabled"`
	IRBNumber                  string   `json:"project_irb_number"`
	GrantNumber                string   `json:"project_grant_number"`
	PIFirstName                string   `json:"project_pi_firstname"`
	PILastName                 string   `json:"project_pi_lastname"`
	MissingDataCodes           string   `json:"missing_data_codes"`
}

// UnmarshalJSON reads project info, whose numbers and flags may be JSON numbers or strings, and
// parses the missing-data codes.
func (p *ProjectInfo) UnmarshalJSON(b []byte) error {
	var w projectInfoWire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*p = ProjectInfo{
		ProjectID:                      int(w.ProjectID),
		Title:                          w.Title,
		CreationTime:                   w.CreationTime,
		ProductionTime:                 w.ProductionTime,
		InProduction:                   bool(w.InProduction),
		Language:                       w.Language,
		Purpose:                        int(w.Purpose),
		PurposeOther:                   w.PurposeOther,
		Notes:                          w.Notes,
		CustomRecordLabel:              w.CustomRecordLabel,
		SecondaryUniqueField:           w.SecondaryUniqueField,
		IsLongitudinal:                 bool(w.IsLongitudinal),
		HasRepeatingInstrumentsOrEvent: bool(w.HasRepeating),
		SurveysEnabled:                 bool(w.SurveysEnabled),
		SchedulingEnabled:              bool(w.SchedulingEnabled),
		RecordAutonumberingEnabled:     bool(w.RecordAutonumberingEnabled),
		RandomizationEnabled:           bool(w.RandomizationEnabled),
		IRBNumber:                      w.IRBNumber,
		GrantNumber:                    w.GrantNumber,
		PIFirstName:                    w.PIFirstName,
		PILastName:                     w.PILastName,
		MissingDataCodesText:           w.MissingDataCodes,
		MissingDataCodes:               ParseMissingDataCodes(w.MissingDataCodes),
	}
	return nil
}
