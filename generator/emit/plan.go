package emit

import (
	"fmt"
	"slices"
	"sync"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/logic"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// Header columns of a flat export that are not fields.
const (
	colEventName        = "redcap_event_name"
	colRepeatInstrument = "redcap_repeat_instrument"
	colRepeatInstance   = "redcap_repeat_instance"
	colDAG              = "redcap_data_access_group"
	colSurveyID         = "redcap_survey_identifier"
	timestampSuffix     = "_timestamp"
)

// plan is the emitter's view of one project: every form, field and column resolved to Go names,
// layout positions and rule indices, computed once so that emitters only render.
type plan struct {
	// logic is the project's logic compiled to Go (nil when there is none); checked holds what
	// logic.Check reports for each distinct expression.
	logic   *compiledLogic
	checked map[logicKey][]logic.Problem
	p       *dictionary.Project
	n       Names
	cfg     Config

	columns  []string       // the layout, in REDCap's export order
	colIndex map[string]int // column name -> position
	rules    []redcap.FieldRule
	ruleOf   map[string]int // REDCap field name (or <form>_complete) -> index in rules

	recordID     *dictionary.Field
	forms        []*formPlan
	containers   []*container // the classic Record, or one per event
	formOf       map[string]*formPlan
	eventCol     int // -1 when the layout has no redcap_event_name
	instrCol     int // -1 when the layout has no repeat columns
	instanceCol  int
	dagCol       int // -1 when the layout has no DAG column
	surveyCol    int // -1 when the layout has no redcap_survey_identifier (no survey-enabled forms)
	headerEnd    int // first column after the record ID and the header columns
	longitudinal bool

	enumList   []*enumPlan       // every choice field's enum, built once by enums
	sharedEnum map[string]string // enum type -> the type it is an alias of (identical choices)
	// setOwner maps a checkbox field whose set type is an alias to the field declaring the type
	// (identical choices and missing-data code columns); see planSets.
	setOwner map[*fieldPlan]*fieldPlan

	schemaOnce sync.Once
	schema     *logic.Schema // the project for the logic checker; see logicSchema
}

// formPlan is one instrument with its fields resolved.
type formPlan struct {
	form      *dictionary.Form
	goName    string
	fields    []*fieldPlan // data fields, without the record ID and descriptive fields
	complete  int          // layout position of <form>_complete
	timestamp int          // layout position of <form>_timestamp; -1 unless survey-enabled
	rule      int          // rules index of <form>_complete, -1 when the rules have none
	repeating bool         // repeats as an instrument somewhere
	spans     []span       // the columns it sends: fields and <form>_complete, not <form>_timestamp
}

// fieldPlan is one data field with its Go shape, columns and rule.
type fieldPlan struct {
	field    *dictionary.Field
	goName   string
	kind     fieldKind
	scalar   scalarType // for kindScalar
	enum     string     // enum type (kindEnum, kindCheckbox)
	set      string     // set type (kindCheckbox)
	col      int        // layout position (kindScalar, kindEnum)
	cols     []int      // layout positions (kindCheckbox): choices, then missing codes
	codes    []string   // the codes of cols: choice codes, then missing codes
	consts   []string   // the enum constants of the choice codes (kindCheckbox), of the type declaring them
	choices  *enumPlan  // the enum declaring the field's choices (kindCheckbox; see planEnums)
	nChoices int
	rule     int // index in rules
	readOnly bool
}

// newPlan resolves the project against its names and layout.
func newPlan(p *dictionary.Project, n Names, cfg Config) (*plan, error) {
	pl := &plan{p: p, n: n, cfg: cfg, colIndex: map[string]int{}, ruleOf: map[string]int{}, formOf: map[string]*formPlan{}}
	pl.recordID = p.RecordIDField()
	if pl.recordID == nil {
		return nil, fmt.Errorf("project has no fields: the first field is the record ID")
	}
	pl.columns = p.ExportColumnsWith(true, len(p.SurveyForms) > 0)
	for i, c := range pl.columns {
		if _, dup := pl.colIndex[c]; dup {
			return nil, fmt.Errorf("export column %q appears twice", c)
		}
		pl.colIndex[c] = i
	}
	if len(pl.columns) == 0 || pl.columns[0] != pl.recordID.Name {
		return nil, fmt.Errorf("the export columns do not start with the record ID field %q", pl.recordID.Name)
	}
	pl.eventCol = pl.indexOr(colEventName)
	pl.instrCol = pl.indexOr(colRepeatInstrument)
	pl.instanceCol = pl.indexOr(colRepeatInstance)
	pl.dagCol = pl.indexOr(colDAG)
	pl.surveyCol = pl.indexOr(colSurveyID)
	if (pl.instrCol < 0) != (pl.instanceCol < 0) {
		return nil, fmt.Errorf("the export columns hold only one of %s and %s", colRepeatInstrument, colRepeatInstance)
	}
	pl.longitudinal = pl.eventCol >= 0
	pl.headerEnd = 1 + max(pl.eventCol, pl.instrCol, pl.instanceCol, pl.dagCol, pl.surveyCol, 0)
	pl.rules = dictionary.Rules(p)
	pl.logic = pl.planLogic()
	for i := range pl.rules {
		pl.ruleOf[pl.rules[i].Name] = i
	}
	for _, form := range p.Forms {
		fp, err := pl.planForm(form)
		if err != nil {
			return nil, fmt.Errorf("form %q: %w", form.Name, err)
		}
		pl.forms = append(pl.forms, fp)
		pl.formOf[form.Name] = fp
	}
	for _, r := range p.Repeating {
		if fp, ok := pl.formOf[r.Form]; ok {
			fp.repeating = true
		}
	}
	if err := pl.planContainers(); err != nil {
		return nil, err
	}
	pl.planEnums()
	pl.planSets()
	return pl, nil
}

// readOnlyColumns are the layout positions an export may carry but an import never sends:
// redcap_survey_identifier and every <form>_timestamp.
func (pl *plan) readOnlyColumns() []int {
	var cols []int
	if pl.surveyCol >= 0 {
		cols = append(cols, pl.surveyCol)
	}
	for _, fp := range pl.forms {
		if fp.timestamp >= 0 {
			cols = append(cols, fp.timestamp)
		}
	}
	return cols
}

// indexOr returns the position of a column, or -1.
func (pl *plan) indexOr(col string) int {
	if i, ok := pl.colIndex[col]; ok {
		return i
	}
	return -1
}

// column returns the position of a column the model says must exist.
func (pl *plan) column(col string) (int, error) {
	i, ok := pl.colIndex[col]
	if !ok {
		return 0, fmt.Errorf("column %q is not among the export columns", col)
	}
	return i, nil
}

// planForm resolves one instrument.
func (pl *plan) planForm(form *dictionary.Form) (*formPlan, error) {
	if !isFileNamePart(form.Name) {
		return nil, fmt.Errorf("the form name is not lower-case letters, digits and underscores: it cannot name a file")
	}
	fp := &formPlan{form: form, goName: pl.n.Form(form.Name), rule: -1, timestamp: -1}
	if fp.goName == "" {
		return nil, fmt.Errorf("no Go name")
	}
	var owned []int
	if pl.surveyCol >= 0 {
		fp.timestamp = pl.indexOr(form.Name + timestampSuffix)
	}
	for _, f := range form.Fields {
		if f == pl.recordID || f.Type == dictionary.TypeDescriptive {
			continue
		}
		fd, err := pl.planField(f)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", f.Name, err)
		}
		fp.fields = append(fp.fields, fd)
		if fd.kind == kindCheckbox {
			owned = append(owned, fd.cols...)
		} else {
			owned = append(owned, fd.col)
		}
	}
	complete := form.Name + "_complete"
	var err error
	if fp.complete, err = pl.column(complete); err != nil {
		return nil, err
	}
	owned = append(owned, fp.complete)
	if i, ok := pl.ruleOf[complete]; ok {
		fp.rule = i
	}
	fp.spans = spansOf(owned)
	return fp, nil
}

// planField resolves one data field.
func (pl *plan) planField(f *dictionary.Field) (*fieldPlan, error) {
	fd := &fieldPlan{field: f, goName: pl.n.Field(f.Name)}
	if fd.goName == "" {
		return nil, fmt.Errorf("no Go name")
	}
	rule, ok := pl.ruleOf[f.Name]
	if !ok {
		return nil, fmt.Errorf("no validation rule")
	}
	fd.rule = rule
	fd.readOnly = pl.rules[rule].ReadOnly || isReadOnlyType(f)
	fd.kind, fd.scalar = kindOf(f)
	switch fd.kind {
	case kindEnum, kindCheckbox:
		if fd.enum = pl.n.Enum(f.Name); fd.enum == "" {
			return nil, fmt.Errorf("no Go name for its choice type")
		}
	}
	if fd.kind != kindCheckbox {
		col, err := pl.column(f.Name)
		fd.col = col
		return fd, err
	}
	if fd.set = pl.n.Set(f.Name); fd.set == "" {
		return nil, fmt.Errorf("no Go name for its checkbox set")
	}
	for _, c := range f.EffectiveChoices() {
		fd.codes = append(fd.codes, c.Code)
		fd.consts = append(fd.consts, pl.n.EnumConst(f.Name, c.Code))
	}
	fd.nChoices = len(fd.codes)
	if !f.HasTag("NOMISSING") {
		for _, m := range pl.p.MissingCodes {
			fd.codes = append(fd.codes, m.Code)
		}
	}
	for _, code := range fd.codes {
		col, err := pl.column(dictionary.CheckboxColumn(f.Name, code))
		if err != nil {
			return nil, err
		}
		fd.cols = append(fd.cols, col)
	}
	return fd, nil
}

// span is a half-open range [Start, End) of layout columns; generated code spells it as a
// redcapimpl.Span literal.
type span struct {
	Start, End int
}

// spansOf merges column positions into sorted runs.
func spansOf(cols []int) []span {
	sorted := append([]int(nil), cols...)
	slices.Sort(sorted)
	var spans []span
	for _, c := range sorted {
		if n := len(spans); n > 0 && spans[n-1].End == c {
			spans[n-1].End = c + 1
			continue
		} else if n > 0 && spans[n-1].End > c {
			continue
		}
		spans = append(spans, span{Start: c, End: c + 1})
	}
	return spans
}

// isFileNamePart reports whether a form name is safe in a file name: a-z, 0-9 and _ only.
func isFileNamePart(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}
