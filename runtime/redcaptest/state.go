package redcaptest

import (
	"slices"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/logic"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// state is the project and its data. Every method runs under the server's lock.
type state struct {
	proj        *dictionary.Project
	title       string
	projectID   int
	recordLimit int
	surveyForms []string

	sch     *schema
	records map[string]*record

	nextDAGID   int
	nextEventID int
	// eventBatch numbers the event import that created each event (by event ID; 0: the project's
	// own events), which REDCap's event order follows.
	eventBatch map[int]int
	// files are uploaded files by document id; file fields store the id.
	files     map[int]*upload
	nextDocID int
	// fileRules are the upload limits and forbidden extensions (files_rules.go).
	fileRules fileRules
	// repo is the File Repository (nil until first used).
	repo *fileRepo
	// surveys holds the survey participants' links and codes (nil until first used).
	surveys *surveyState
	// baseURL is the REDCap base URL of the request being answered ("http://host/"): WithBaseURL's,
	// or the one the request reached. Survey links and logged page views start with it.
	baseURL string
	// productionTime is when the project moved to production ("" while in development).
	productionTime string
	// rights are the token user's rights.
	rights Rights
	// applied are the rights applied to the token (tokenRights); nil until computed after a change.
	applied *Rights
	// access holds the project's users and roles.
	access *access
	// settings are the project settings set through the API, by key.
	settings map[string]string
	// nullLabelEvent is the ID of the event whose custom_event_label is null (0: none).
	nullLabelEvent int
	// flagEvent is the ID of the event made when is_longitudinal turned the project's events on
	// (0: none).
	flagEvent int
	// rowsByEvent says whether the stored rows are keyed by event (the project was longitudinal
	// when they were last moved).
	rowsByEvent bool
	// classicEvent is the ID of the event whose rows are stored as classic rows while the project
	// has a single event (0: the first event).
	classicEvent int
	// created is the project's creation_time ("YYYY-MM-DD HH:MM:SS"): when the server started.
	created string
	// logic is the design as the logic engine sees it; nil until first used after a change.
	logic *logic.Schema
	// clock is the pinned clock of WithClock; nil for the real time.
	clock func() time.Time
	// log is the project's log (content=log; dateRangeBegin/End of record exports).
	log *projectLog
	// reports are the project's reports (content=report).
	reports []Report
	// xmlKept is what the project XML of WithProjectXML holds beyond the project.
	xmlKept xmlKept
}

// schema is what the server derives from the dictionary: columns, rules and lookups. It is rebuilt
// whenever the design changes.
type schema struct {
	recordID  string
	fields    []*dictionary.Field          // data fields in dictionary order (no descriptive)
	byName    map[string]*dictionary.Field // data fields by name
	formOf    map[string]string            // field -> form
	forms     []string                     // form names in order
	formLabel map[string]string
	rules     map[string]*redcap.FieldRule // field name (and <form>_complete) -> rule
	columns   map[string]column            // export column -> field (and checkbox code)
	order     map[string]int               // export column -> position in a full export
	codes     *redcap.MissingCodes
}

// column is one export column of a data field.
type column struct {
	field string
	code  string // checkbox choice or missing code; "" otherwise
}

func newState(p *dictionary.Project, cfg *config) *state {
	cp := copyProject(p)
	if cfg.missingCodes != nil {
		cp.MissingCodes = cfg.missingCodes
	}
	if cfg.dags != nil {
		cp.DAGs = cfg.dags
	}
	if cp.Format == dictionary.FormatProjectXML {
		storeChoicesAsFromXML(cp)
	}
	st := &state{
		proj:        cp,
		title:       cp.Title,
		projectID:   cp.ID,
		recordLimit: cfg.recordLimit,
		surveyForms: cp.SurveyForms,
		clock:       cfg.clock,
		reports:     cloneReports(cfg.reports),
		xmlKept:     cfg.projectXML,
		records:     map[string]*record{},
		nextDAGID:   1,
		nextEventID: 1,
		files:       map[int]*upload{},
		nextDocID:   1,
		fileRules:   newFileRules(cfg),
		created:     time.Now().Format("2006-01-02 15:04:05"),
	}
	if cfg.title != "" {
		st.title = cfg.title
	}
	if cfg.projectID != 0 {
		st.projectID = cfg.projectID
	}
	if cfg.surveyForms != nil {
		st.surveyForms = cfg.surveyForms
	}
	applySurveyOptions(cp, cfg)
	if st.projectID == 0 {
		st.projectID = 1
	}
	st.setProduction(cfg.production)
	st.log = newProjectLog(st.now())
	st.rights = cfg.rights
	st.access = newAccess(cp)
	nameDAGs(cp)
	for i := range cp.DAGs {
		if cp.DAGs[i].UniqueName == "" { // a project XML names groups only by their label
			cp.DAGs[i].UniqueName = uniqueName(cp.DAGs[i].Name, "", func(s string) bool {
				return slices.ContainsFunc(cp.DAGs, func(d dictionary.DAG) bool { return d.UniqueName == s })
			})
		}
		if cp.DAGs[i].ID == 0 {
			cp.DAGs[i].ID = st.nextDAGID
		}
		st.nextDAGID = max(st.nextDAGID, cp.DAGs[i].ID+1)
	}
	for i := range cp.Events {
		if cp.Events[i].ID == 0 {
			cp.Events[i].ID = st.nextEventID
		}
		st.nextEventID = max(st.nextEventID, cp.Events[i].ID+1)
	}
	st.rebuild()
	return st
}

// copyProject copies the parts of a project the server changes.
func copyProject(p *dictionary.Project) *dictionary.Project {
	if p == nil {
		return &dictionary.Project{}
	}
	cp := *p
	cp.Forms = make([]*dictionary.Form, len(p.Forms))
	for i, f := range p.Forms {
		nf := *f
		nf.Fields = make([]*dictionary.Field, len(f.Fields))
		for j, fl := range f.Fields {
			c := *fl
			nf.Fields[j] = &c
		}
		cp.Forms[i] = &nf
	}
	cp.Arms = slices.Clone(p.Arms)
	cp.Events = slices.Clone(p.Events)
	cp.Mappings = slices.Clone(p.Mappings)
	cp.Repeating = slices.Clone(p.Repeating)
	cp.MissingCodes = slices.Clone(p.MissingCodes)
	cp.DAGs = slices.Clone(p.DAGs)
	cp.SurveyForms = slices.Clone(p.SurveyForms)
	return &cp
}

// setProduction moves the project to production status or back to development.
func (st *state) setProduction(on bool) {
	st.productionTime = ""
	if on {
		st.productionTime = time.Now().Format("2006-01-02 15:04:05")
	}
}

// rebuild derives the schema from the project.
func (st *state) rebuild() {
	p := st.proj
	sch := &schema{
		byName:    map[string]*dictionary.Field{},
		formOf:    map[string]string{},
		formLabel: map[string]string{},
		rules:     map[string]*redcap.FieldRule{},
		columns:   map[string]column{},
		order:     map[string]int{},
	}
	codes := make([]string, len(p.MissingCodes))
	for i, m := range p.MissingCodes {
		codes[i] = m.Code
	}
	sch.codes = redcap.NewMissingCodes(codes...)
	for _, f := range p.Forms {
		sch.forms = append(sch.forms, f.Name)
		sch.formLabel[f.Name] = st.formLabelOf(f)
		for _, fl := range f.Fields {
			if sch.recordID == "" {
				sch.recordID = fl.Name
			}
			if fl.Type == dictionary.TypeDescriptive {
				continue
			}
			sch.fields = append(sch.fields, fl)
			sch.byName[fl.Name] = fl
			sch.formOf[fl.Name] = f.Name
		}
	}
	for _, r := range dictionary.Rules(p) {
		r := r
		sch.rules[r.Name] = &r
	}
	for _, f := range p.Forms {
		for _, fl := range f.Fields {
			if sch.byName[fl.Name] == nil {
				continue
			}
			for _, c := range st.exportColumnsOf(sch, fl) {
				sch.columns[c.name] = column{field: fl.Name, code: c.code}
				sch.order[c.name] = len(sch.order)
			}
		}
		sch.order[f.Name+"_complete"] = len(sch.order)
	}
	st.sch = sch
	st.logic = nil
	st.moveRowsToEvents()
}

// exportColumn is one export column with the checkbox code it stands for.
type exportColumn struct {
	name string
	code string
}

// exportColumnsOf lists a field's export columns: one per checkbox choice and missing code, or the
// field itself.
func (st *state) exportColumnsOf(sch *schema, fl *dictionary.Field) []exportColumn {
	if fl.Type != dictionary.TypeCheckbox {
		return []exportColumn{{name: fl.Name}}
	}
	var out []exportColumn
	for _, c := range fl.Choices {
		out = append(out, exportColumn{name: dictionary.CheckboxColumn(fl.Name, c.Code), code: c.Code})
	}
	if !hasTag(fl, "NOMISSING") {
		for _, m := range st.proj.MissingCodes {
			out = append(out, exportColumn{name: dictionary.CheckboxColumn(fl.Name, m.Code), code: m.Code})
		}
	}
	return out
}

// hasTag reports whether the field carries the action tag.
func hasTag(fl *dictionary.Field, name string) bool {
	for _, t := range fl.ActionTags {
		if strings.EqualFold(t.Name, name) {
			return true
		}
	}
	return false
}

// storeChoicesAsFromXML writes the choices of a project made from a project XML as REDCap stores
// them then: "code, label|code, label", without spaces around the bars.
func storeChoicesAsFromXML(p *dictionary.Project) {
	for _, f := range p.Forms {
		for _, fl := range f.Fields {
			switch fl.Type {
			case dictionary.TypeRadio, dictionary.TypeDropdown, dictionary.TypeCheckbox:
			default:
				continue
			}
			if len(fl.Choices) == 0 {
				continue
			}
			parts := make([]string, len(fl.Choices))
			for i, c := range fl.Choices {
				parts[i] = c.Code + ", " + c.Label
			}
			fl.ChoicesRaw = strings.Join(parts, "|")
		}
	}
}
