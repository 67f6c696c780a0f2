package generator

import (
	"context"
	"fmt"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// APISource fetches the dictionary and design live from the REDCap API: metadata, project info,
// instruments, arms, events, form-event mappings, repeating forms and events, data access
// groups and export field names. It gives the same model a dictionary file gives, plus what only
// the API knows (events, missing-data codes, form labels, title). The API has no method that
// says which forms are surveys: in a project with surveys enabled, each form's participant list
// is asked for (Client.IsSurvey), and when that is refused (no survey rights) the project says
// it lacks its survey settings (dictionary.PartSurveys).
type APISource struct {
	Client *redcap.Client
}

// String describes the source without URL or token.
func (s APISource) String() string { return "REDCap API" }

// Load fetches and assembles the project.
func (s APISource) Load(ctx context.Context) (*dictionary.Project, error) {
	c := s.Client
	info, err := c.ProjectInfo(ctx)
	if err != nil {
		return nil, fmt.Errorf("fetch project info: %w", err)
	}
	meta, err := c.Metadata(ctx, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch metadata: %w", err)
	}
	source := fmt.Sprintf("REDCap API, project %d", info.ProjectID)
	p, err := dictionary.ReadJSON(source, meta)
	if err != nil {
		return nil, fmt.Errorf("read API metadata: %w", err)
	}
	p.Format = dictionary.FormatAPI
	p.Lacks = 0
	p.ID = info.ProjectID
	p.Title = info.Title
	p.SecondaryUniqueField = info.SecondaryUniqueField
	p.CustomRecordLabel = info.CustomRecordLabel
	p.AutoNumbering = info.RecordAutonumberingEnabled
	for _, mc := range info.MissingDataCodes {
		p.MissingCodes = append(p.MissingCodes, dictionary.MissingCode{Code: mc.Code, Label: mc.Label})
	}
	if err := s.loadForms(ctx, p); err != nil {
		return nil, err
	}
	if info.IsLongitudinal {
		if err := s.loadEvents(ctx, p); err != nil {
			return nil, err
		}
	}
	if info.HasRepeatingInstrumentsOrEvent {
		reps, err := c.RepeatingFormsEvents(ctx)
		if err != nil {
			return nil, fmt.Errorf("fetch repeating forms and events: %w", err)
		}
		for _, r := range reps {
			p.Repeating = append(p.Repeating, dictionary.Repeat{Event: r.Event, Form: r.Form, CustomLabel: r.CustomFormLabel})
		}
	}
	if info.SurveysEnabled {
		s.loadSurveys(ctx, p)
	}
	dags, err := c.DAGs(ctx)
	if err != nil {
		return nil, fmt.Errorf("fetch data access groups: %w", err)
	}
	for _, d := range dags {
		p.DAGs = append(p.DAGs, dictionary.DAG{Name: d.Name, UniqueName: d.UniqueName, ID: d.ID})
	}
	if err := s.confirmColumns(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

// loadForms fills form labels from the instrument list.
func (s APISource) loadForms(ctx context.Context, p *dictionary.Project) error {
	instruments, err := s.Client.Instruments(ctx)
	if err != nil {
		return fmt.Errorf("fetch instruments: %w", err)
	}
	for _, in := range instruments {
		if f, ok := p.Form(in.Name); ok {
			f.Label = in.Label
		}
	}
	return nil
}

// loadSurveys finds the survey forms, one participant-list request per form. When the server
// refuses one (the user has no survey rights), the survey settings are left unknown.
func (s APISource) loadSurveys(ctx context.Context, p *dictionary.Project) {
	event := ""
	if len(p.Events) > 0 {
		event = p.Events[0].UniqueName
	}
	var surveys []string
	for _, f := range p.Forms {
		ok, err := s.Client.IsSurvey(ctx, f.Name, event)
		if err != nil {
			p.Lacks |= dictionary.PartSurveys
			return
		}
		if ok {
			surveys = append(surveys, f.Name)
		}
	}
	p.SurveyForms = surveys
}

// loadEvents fills arms, events and the form-event mapping.
func (s APISource) loadEvents(ctx context.Context, p *dictionary.Project) error {
	arms, err := s.Client.Arms(ctx)
	if err != nil {
		return fmt.Errorf("fetch arms: %w", err)
	}
	for _, a := range arms {
		p.Arms = append(p.Arms, dictionary.Arm{Num: a.Number, Name: a.Name})
	}
	events, err := s.Client.Events(ctx)
	if err != nil {
		return fmt.Errorf("fetch events: %w", err)
	}
	for _, e := range events {
		p.Events = append(p.Events, dictionary.Event{UniqueName: e.UniqueName, Name: e.Name, Arm: e.ArmNumber, CustomLabel: e.CustomLabel, ID: e.ID})
	}
	mappings, err := s.Client.FormEventMappings(ctx)
	if err != nil {
		return fmt.Errorf("fetch form-event mapping: %w", err)
	}
	for _, m := range mappings {
		p.Mappings = append(p.Mappings, dictionary.Mapping{Arm: m.ArmNumber, Event: m.UniqueEventName, Form: m.Form})
	}
	return nil
}

// confirmColumns checks the checkbox column names redcapgen derives against the server's
// exportFieldNames, so generated code never names a column REDCap does not use.
func (s APISource) confirmColumns(ctx context.Context, p *dictionary.Project) error {
	names, err := s.Client.ExportFieldNames(ctx, "")
	if err != nil {
		return fmt.Errorf("fetch export field names: %w", err)
	}
	server := map[string]bool{}
	for _, n := range names {
		if n.ChoiceValue != "" {
			server[n.ExportFieldName] = true
		}
	}
	var problems dictionary.Problems
	for _, f := range p.DataFields() {
		if f.Type != dictionary.TypeCheckbox {
			continue
		}
		for _, c := range f.Choices {
			col := dictionary.CheckboxColumn(f.Name, c.Code)
			if !server[col] {
				problems = append(problems, dictionary.Problem{File: p.Source, Field: f.Name, Message: fmt.Sprintf("checkbox code %q: REDCap's exportFieldNames does not list column %q; please report this dictionary", c.Code, col)})
			}
		}
	}
	if len(problems) > 0 {
		return problems
	}
	return nil
}
