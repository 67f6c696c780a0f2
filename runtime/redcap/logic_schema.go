package redcap

import (
	"slices"
	"strings"
	"sync"

	"github.com/redcapgen/redcapgen/runtime/logic"
)

// logicView is what evaluating logic on a record's rows needs of a schema, built once.
type logicView struct {
	schema   *logic.Schema
	rules    map[string]*FieldRule // data fields by name
	exprs    map[string]evaluable
	branches map[string]evaluable
	problems map[string]error // expressions that do not parse, by field: shown always / left blank
	computed []*FieldRule     // computed fields in dictionary order
	scratch  sync.Pool        // *logicScratch
}

// logicView returns the schema as REDCap's logic engine sees it, with every branching and
// computed expression parsed once.
func (s *Schema) logicView() *logicView {
	s.logicOnce.Do(func() {
		lv := &logicView{rules: map[string]*FieldRule{}, exprs: map[string]evaluable{},
			branches: map[string]evaluable{}, problems: map[string]error{}}
		// compile prefers the generated package's compiled Go for an expression REDCap accepts.
		compile := func(src string, e *logic.Expr) evaluable {
			if fn, ok := s.Compiled[src]; ok {
				return compiledExpr(fn)
			}
			return e
		}
		var fields []logic.Field
		for i := range s.Fields {
			r := &s.Fields[i]
			if r.Type == typeFormStatus {
				continue
			}
			lv.rules[r.Name] = r
			f := logic.Field{Name: r.Name, Form: r.Form, Type: r.Type, Validation: r.Validation}
			for _, c := range r.Choices {
				f.Codes = append(f.Codes, c.Code)
				f.Labels = append(f.Labels, c.Label)
			}
			fields = append(fields, f)
			if r.Branching != "" {
				if e, err := parseLogic(r.Branching, logic.Analyse(r.Branching, "")); err == nil {
					lv.branches[r.Name] = compile(r.Branching, e)
				} else {
					lv.problems[r.Name] = err
				}
			}
			if r.Computed != "" {
				lv.computed = append(lv.computed, r)
				if e, err := parseLogic(r.Expression, logic.AnalyseCalc(r.Expression)); err == nil {
					lv.exprs[r.Name] = compile(r.Expression, e)
				} else {
					lv.problems[r.Name] = err
				}
			}
		}
		for i := range s.Descriptive {
			r := &s.Descriptive[i]
			if e, err := parseLogic(r.Branching, logic.Analyse(r.Branching, "")); err == nil {
				lv.branches[r.Name] = compile(r.Branching, e)
			} else {
				lv.problems[r.Name] = err
			}
		}
		var events []logic.Event
		for _, d := range s.Design {
			if d.Event != "" {
				events = append(events, logic.Event{Name: d.Event, Arm: d.Arm})
			}
		}
		var codes []string
		if s.MissingCodes != nil {
			codes = s.MissingCodes.Codes()
		}
		lv.schema = logic.NewSchema(fields, events, codes)
		s.logic = lv
	})
	return s.logic
}

// parseLogic parses an expression REDCap's parser accepts; logic it refuses is an error.
func parseLogic(src string, v logic.Verdict) (*logic.Expr, error) {
	e, err := logic.Parse(src)
	if err != nil {
		return nil, err
	}
	if v.Outcome != logic.Accepted {
		return nil, &logic.SyntaxError{Msg: v.Message()}
	}
	return e, nil
}

// design returns the event's design entry (nil when the schema has none for it).
func (s *Schema) design(event string) *EventDesign {
	for i := range s.Design {
		if s.Design[i].Event == event {
			return &s.Design[i]
		}
	}
	return nil
}

// formOnRow reports whether a form's values live on a row of event with the given repeating
// instrument ("" for the event's own row).
func (s *Schema) formOnRow(form, event, instrument string) bool {
	d := s.design(event)
	if d == nil {
		return instrument == "" || instrument == form
	}
	if !slices.Contains(d.Forms, form) && !(event == "" && len(d.Forms) == 0) {
		return false
	}
	if instrument != "" {
		return form == instrument
	}
	return !slices.Contains(d.RepeatingForms, form)
}

// checkboxColumn returns the export column of a checkbox option.
func checkboxColumn(r *FieldRule, code string) string {
	for i, c := range r.Choices {
		if c.Code == code && i < len(r.CheckboxColumns) {
			return r.CheckboxColumns[i]
		}
	}
	for i, c := range r.Choices {
		if strings.EqualFold(c.Code, code) && i < len(r.CheckboxColumns) {
			return r.CheckboxColumns[i]
		}
	}
	return ""
}
