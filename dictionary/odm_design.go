package dictionary

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// odmDesign fills the project settings and design from the project XML.
func odmDesign(c *collector, p *Project, study *odmStudy, surveyItems []string) {
	g := &study.Globals
	p.Title = strings.TrimSpace(g.StudyName)
	p.AutoNumbering = strings.TrimSpace(g.AutoNumbering) == "1"
	p.SchedulingEnabled = strings.TrimSpace(g.SchedulingEnabled) == "1"
	p.CustomRecordLabel = g.CustomRecordLabel
	p.SecondaryUniqueField = strings.TrimSpace(g.SecondaryUniqueField)
	p.MissingCodes = parseMissingCodes(c, g.MissingDataCodes)
	for _, d := range g.DAGs {
		p.DAGs = append(p.DAGs, DAG{Name: d.Name})
	}
	p.Roles = odmRoles(p, g.Roles)
	if id := strings.TrimSpace(study.Metadata.RecordIDField); id != "" && id != p.RecordIDField().Name {
		c.warnf(where{}, id, "redcap:RecordIdField names %q, but the first field, which REDCap uses as record ID, is %q", id, p.RecordIDField().Name)
	}
	odmFormLabels(p, study.Metadata.Forms)
	odmEvents(c, p, &study.Metadata)
	odmRepeats(p, &g.Repeating)
	dropEmptyForms(c, p, study.Metadata.Forms)
	p.SurveyForms = odmSurveyForms(p, g.Surveys, surveyItems)
	p.SaveAndReturnForms, p.SurveyQueue = odmSurveySettings(p, g)
}

// odmSurveySettings lists the survey forms with Save & Return Later on, in form order, and tells
// whether the survey queue holds an active survey.
func odmSurveySettings(p *Project, g *odmGlobals) ([]string, bool) {
	on := make(map[string]bool)
	for _, s := range g.Surveys {
		if s.Enabled != "0" && strings.TrimSpace(s.SaveAndReturn) == "1" {
			on[s.Form] = true
		}
	}
	var forms []string
	for _, form := range p.Forms {
		if on[form.Name] {
			forms = append(forms, form.Name)
		}
	}
	queue := slices.ContainsFunc(g.SurveyQueue, func(q odmQueue) bool { return strings.TrimSpace(q.Active) == "1" })
	return forms, queue
}

// parseMissingCodes reads redcap:MissingDataCodes and records its warnings.
func parseMissingCodes(c *collector, raw string) []MissingCode {
	codes, warnings := ParseMissingCodes(raw)
	for _, w := range warnings {
		c.warnf(where{}, "", "%s", w)
	}
	return codes
}

// odmFormLabels copies each FormDef's Name into the form's label.
func odmFormLabels(p *Project, forms []odmFormDef) {
	for _, fd := range forms {
		if form, ok := p.Form(fd.FormName); ok {
			form.Label = fd.Label
		}
	}
}

// dropEmptyForms leaves out, with a warning, forms that have no field but their status column:
// REDCap exports such a form, but no dictionary row names it, so CSV and JSON never show it.
// Their event mappings and repeat declarations go with them.
func dropEmptyForms(c *collector, p *Project, forms []odmFormDef) {
	empty := make(map[string]bool)
	for _, fd := range forms {
		if _, ok := p.Form(fd.FormName); !ok {
			empty[fd.FormName] = true
			c.warnf(where{}, "", "form %q has no fields: left out, with its event mappings and repeat settings", fd.FormName)
		}
	}
	if len(empty) == 0 {
		return
	}
	p.Mappings = slices.DeleteFunc(p.Mappings, func(m Mapping) bool { return empty[m.Form] })
	p.Repeating = slices.DeleteFunc(p.Repeating, func(r Repeat) bool { return r.Form != "" && empty[r.Form] })
}

// odmEvents reads events in Protocol order (then by arm), arms and the form-event mapping.
func odmEvents(c *collector, p *Project, md *odmMetaDataVersion) {
	byOID := make(map[string]*odmEventDef, len(md.Events))
	for i := range md.Events {
		byOID[md.Events[i].OID] = &md.Events[i]
	}
	ordered := make([]*odmEventDef, 0, len(md.Events))
	used := make(map[string]bool)
	for _, ref := range md.EventRefs {
		if ev, ok := byOID[ref.OID]; ok && !used[ref.OID] {
			ordered = append(ordered, ev)
			used[ref.OID] = true
		}
	}
	for i := range md.Events { // events the Protocol does not list keep document order
		if !used[md.Events[i].OID] {
			ordered = append(ordered, &md.Events[i])
		}
	}
	armNames := make(map[int]string)
	for _, ev := range ordered {
		arm, err := strconv.Atoi(strings.TrimSpace(ev.ArmNum))
		if err != nil || arm < 1 {
			c.errorf(where{}, "", "event %q has arm number %q, want a positive integer", ev.UniqueName, ev.ArmNum)
			continue
		}
		if _, ok := armNames[arm]; !ok {
			armNames[arm] = ev.ArmName
		}
		p.Events = append(p.Events, Event{UniqueName: ev.UniqueName, Name: ev.EventName, Arm: arm, CustomLabel: ev.CustomLabel,
			DayOffset: offset(ev.DayOffset), OffsetMin: offset(ev.OffsetMin), OffsetMax: offset(ev.OffsetMax)})
		for _, fr := range ev.FormRefs {
			p.Mappings = append(p.Mappings, Mapping{Arm: arm, Event: ev.UniqueName, Form: fr.FormName})
		}
	}
	sort.SliceStable(p.Events, func(i, j int) bool { return p.Events[i].Arm < p.Events[j].Arm })
	sort.SliceStable(p.Mappings, func(i, j int) bool { return p.Mappings[i].Arm < p.Mappings[j].Arm })
	for arm, name := range armNames {
		p.Arms = append(p.Arms, Arm{Num: arm, Name: name})
	}
	sort.Slice(p.Arms, func(i, j int) bool { return p.Arms[i].Num < p.Arms[j].Num })
}

// odmRepeats reads the repeating events and instruments. In a classic project the event names
// REDCap writes there name its hidden event and are dropped.
func odmRepeats(p *Project, r *odmRepeating) {
	event := func(name string) string {
		if !p.IsLongitudinal() {
			return ""
		}
		return name
	}
	for _, e := range r.Events {
		p.Repeating = append(p.Repeating, Repeat{Event: event(e.Event), CustomLabel: e.CustomLabel})
	}
	for _, i := range r.Instruments {
		p.Repeating = append(p.Repeating, Repeat{Event: event(i.Event), Form: i.Form, CustomLabel: i.CustomLabel})
	}
}

// odmSurveyForms lists the survey-enabled forms in form order: those with an enabled
// redcap:Surveys entry or a <form>_timestamp item.
func odmSurveyForms(p *Project, surveys []odmSurvey, timestampForms []string) []string {
	enabled := make(map[string]bool)
	for _, s := range surveys {
		if s.Enabled != "0" {
			enabled[s.Form] = true
		}
	}
	for _, f := range timestampForms {
		enabled[f] = true
	}
	var forms []string
	for _, form := range p.Forms {
		if enabled[form.Name] {
			forms = append(forms, form.Name)
		}
	}
	return forms
}

// checkDesign reports mappings and repeats that name unknown forms or events.
func checkDesign(c *collector, p *Project) {
	events := make([]string, len(p.Events))
	for i, e := range p.Events {
		events[i] = e.UniqueName
	}
	for _, m := range p.Mappings {
		if _, ok := p.Form(m.Form); !ok {
			c.errorf(where{}, "", "event %q holds form %q, which is not in the dictionary", m.Event, m.Form)
		}
	}
	for _, r := range p.Repeating {
		if r.Form != "" {
			if _, ok := p.Form(r.Form); !ok {
				c.errorf(where{}, "", "repeating form %q is not in the dictionary", r.Form)
			}
		}
		if r.Event != "" && !slices.Contains(events, r.Event) {
			c.errorf(where{}, "", "repeating event %q is not an event of the project", r.Event)
		}
	}
}

// offset reads a redcap:DayOffset, OffsetMin or OffsetMax attribute; absent or unreadable is 0.
func offset(s string) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0
	}
	return f
}
