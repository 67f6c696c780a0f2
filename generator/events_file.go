package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/redcapgen/redcapgen/dictionary"
)

// eventDesign is the small JSON file -events accepts: the answers of REDCap's arm, event,
// formEventMapping and repeatingFormsEvents exports side by side.
type eventDesign struct {
	Arms []struct {
		Num  int    `json:"arm_num"`
		Name string `json:"name"`
	} `json:"arms"`
	Events []struct {
		Name        string `json:"event_name"`
		Arm         int    `json:"arm_num"`
		UniqueName  string `json:"unique_event_name"`
		CustomLabel string `json:"custom_event_label"`
	} `json:"events"`
	Mappings []struct {
		Arm   int    `json:"arm_num"`
		Event string `json:"unique_event_name"`
		Form  string `json:"form"`
	} `json:"formEventMapping"`
	Repeating []struct {
		Event       string `json:"event_name"`
		Form        string `json:"form_name"`
		CustomLabel string `json:"custom_form_label"`
	} `json:"repeatingFormsEvents"`
	MissingCodes []dictionary.MissingCode `json:"missingDataCodes"`
}

// addEventDesign copies arms, events, mappings, repeating forms and missing codes from a project
// XML or an event-design JSON file into p, replacing what p had of them.
func addEventDesign(p *dictionary.Project, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read event design: %w", err)
	}
	return ApplyEventDesign(p, filepath.Base(path), data)
}

// ApplyEventDesign is what -events does, for a design already in memory (an embedded file): it
// copies arms, events, mappings, repeating forms and missing codes from a project XML or an
// event-design JSON document into p, replacing what p had of them, and checks that every
// mapping and repeat names a known form and event. name is used in messages.
func ApplyEventDesign(p *dictionary.Project, name string, data []byte) error {
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '{' {
		var d eventDesign
		if err := json.Unmarshal(trimmed, &d); err != nil {
			return fmt.Errorf("%s: event design JSON: %w", name, err)
		}
		p.Arms, p.Events, p.Mappings, p.Repeating = nil, nil, nil, nil
		for _, a := range d.Arms {
			p.Arms = append(p.Arms, dictionary.Arm{Num: a.Num, Name: a.Name})
		}
		for _, e := range d.Events {
			p.Events = append(p.Events, dictionary.Event{UniqueName: e.UniqueName, Name: e.Name, Arm: e.Arm, CustomLabel: e.CustomLabel})
		}
		for _, m := range d.Mappings {
			p.Mappings = append(p.Mappings, dictionary.Mapping{Arm: m.Arm, Event: m.Event, Form: m.Form})
		}
		for _, r := range d.Repeating {
			p.Repeating = append(p.Repeating, dictionary.Repeat{Event: r.Event, Form: r.Form, CustomLabel: r.CustomLabel})
		}
		p.Lacks &^= dictionary.PartEvents
		if len(d.MissingCodes) > 0 {
			p.MissingCodes = d.MissingCodes
			p.Lacks &^= dictionary.PartMissingCodes
		}
		return checkEventDesign(p, name)
	}
	design, err := dictionary.ReadProjectXML(name, data)
	if err != nil {
		return fmt.Errorf("read event design: %w", err)
	}
	p.Arms, p.Events, p.Mappings, p.Repeating = design.Arms, design.Events, design.Mappings, design.Repeating
	p.Lacks &^= dictionary.PartEvents | dictionary.PartMissingCodes
	if len(design.MissingCodes) > 0 {
		p.MissingCodes = design.MissingCodes
	}
	return checkEventDesign(p, name)
}

// checkEventDesign makes sure every mapping and repeat names a known form and event.
func checkEventDesign(p *dictionary.Project, file string) error {
	events := map[string]bool{}
	for _, e := range p.Events {
		events[e.UniqueName] = true
	}
	var problems dictionary.Problems
	for i, m := range p.Mappings {
		if _, ok := p.Form(m.Form); !ok {
			problems = append(problems, dictionary.Problem{File: file, Element: i + 1, Message: fmt.Sprintf("form-event mapping names form %q, which the dictionary does not have", m.Form)})
		}
		if !events[m.Event] {
			problems = append(problems, dictionary.Problem{File: file, Element: i + 1, Message: fmt.Sprintf("form-event mapping names event %q, which the design does not have", m.Event)})
		}
	}
	for i, r := range p.Repeating {
		if r.Form != "" {
			if _, ok := p.Form(r.Form); !ok {
				problems = append(problems, dictionary.Problem{File: file, Element: i + 1, Message: fmt.Sprintf("repeating instrument %q is not a form of the dictionary", r.Form)})
			}
		}
		if r.Event != "" && !events[r.Event] {
			problems = append(problems, dictionary.Problem{File: file, Element: i + 1, Message: fmt.Sprintf("repeating declaration names event %q, which the design does not have", r.Event)})
		}
	}
	if len(problems) > 0 {
		return problems
	}
	return nil
}
