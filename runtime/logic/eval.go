package logic

import (
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Env is the record an expression is evaluated on.
type Env interface {
	// Value returns the stored text of a field (of a checkbox option's column when code is set)
	// on the row of the event and repeat instance; "" when the record has no such row or value.
	Value(field, code, event string, instance int) string
}

// InstanceCounter is an Env that also knows how many instances a row has, for [last-instance]
// and [new-instance].
type InstanceCounter interface {
	// LastInstance returns the highest instance the record has of the field's form at event.
	LastInstance(field, event string) int
}

// Context is where an expression is evaluated: the record, the row's event and instance, and
// the clock 'today' and 'now' read.
type Context struct {
	Record   string    // the record's name, for [record-name]
	Event    string    // the row's unique event name; "" in a classic project
	Instance int       // the row's repeat instance; 0 or 1 when the row does not repeat
	Now      time.Time // the evaluation's clock; the zero time means time.Now()
	// ProjectID is the project's ID for [project-id]; 0 when unknown (the logic then fails).
	ProjectID int
}

// evaluator evaluates one expression on one row.
type evaluator struct {
	schema *Schema
	env    Env
	ctx    Context
	err    error // a failure found where no error can be returned (an unknown event)
	// stack and floats hold the arguments of the calls being evaluated; they keep their storage
	// from one evaluation to the next.
	stack  []Value
	floats []float64
}

// errUnknownEvent is a reference to an event the project does not have: REDCap cannot find the
// data it needs and the logic fails.
type errUnknownEvent string

func (e errUnknownEvent) Error() string { return "the project has no event " + string(e) }

// knownEvent reports whether the reference's event, if it names one, is the project's.
func (ev *evaluator) knownEvent(r *Ref) bool {
	return r.Event == "" || eventSmartVariables[r.Event] || ev.schema.eventIndex(r.Event) >= 0
}

// Eval computes the expression's PHP value on one row of a record. An error is what REDCap
// catches while evaluating (text in arithmetic, division by zero, a function it does not have):
// a calculation is then blank and a filter does not select the row.
func (e *Expr) Eval(s *Schema, env Env, ctx Context) (Value, error) {
	if ctx.Now.IsZero() {
		ctx.Now = time.Now()
	}
	ev := evaluators.Get().(*evaluator)
	stack, floats := ev.stack[:0], ev.floats[:0]
	*ev = evaluator{schema: s, env: env, ctx: ctx, stack: stack, floats: floats}
	v, err := ev.eval(e.root)
	if err == nil {
		err = ev.err
	}
	stack, floats = ev.stack[:0], ev.floats[:0] // with what they grew to
	clear(stack[:cap(stack)])                   // drop the values' text
	*ev = evaluator{stack: stack, floats: floats}
	evaluators.Put(ev)
	return v, err
}

// evaluators are reused between evaluations, so that evaluating allocates only what values
// need (most comparisons need nothing).
var evaluators = syncPool(func() any { return new(evaluator) })

// syncPool returns a pool of the values new makes.
func syncPool(new func() any) *sync.Pool { return &sync.Pool{New: new} }

func (ev *evaluator) eval(n *node) (Value, error) {
	switch n.kind {
	case nodeLiteral:
		return ev.literal(n.lit), nil
	case nodeValue:
		return n.lit, nil
	case nodeRef:
		return ev.ref(n.ref), nil
	case nodeBlankTest:
		blank := ev.isBlank(n.kids[0].ref)
		return Bool(blank != n.negate), nil
	case nodeNot:
		x, err := ev.eval(n.kids[0])
		if err != nil {
			return Value{}, err
		}
		return Bool(!x.Truthy()), nil
	case nodeNegate:
		x, err := ev.eval(n.kids[0])
		if err != nil {
			return Value{}, err
		}
		return arith(opMul, Int(-1), x)
	case nodeCompare:
		a, b, err := ev.pair(n)
		if err != nil {
			return Value{}, err
		}
		return Bool(compare(n.cmp, a, b)), nil
	case nodeArith:
		a, b, err := ev.pair(n)
		if err != nil {
			return Value{}, err
		}
		return arith(n.arith, a, b)
	case nodeAnd, nodeOr:
		a, err := ev.eval(n.kids[0])
		if err != nil {
			return Value{}, err
		}
		if a.Truthy() == (n.kind == nodeOr) {
			return Bool(a.Truthy()), nil
		}
		b, err := ev.eval(n.kids[1])
		if err != nil {
			return Value{}, err
		}
		return Bool(b.Truthy()), nil
	case nodeCall:
		return ev.call(n)
	}
	return Value{}, errors.New("unknown node")
}

func (ev *evaluator) pair(n *node) (Value, Value, error) {
	a, err := ev.eval(n.kids[0])
	if err != nil {
		return Value{}, Value{}, err
	}
	b, err := ev.eval(n.kids[1])
	return a, b, err
}

// literal returns a literal's value; the strings 'today' and 'now' are the clock's date (Y-M-D)
// and date and time (Y-M-D H:M:S), as REDCap substitutes them.
func (ev *evaluator) literal(v Value) Value {
	if v.kind == KindString {
		switch v.s {
		case "today":
			return String(dateText(ev.ctx.Now))
		case "now":
			return String(ev.ctx.Now.Format("2006-01-02 15:04:05"))
		}
	}
	return v
}

// ref returns a reference's value: a smart variable's, or the field's stored text as REDCap
// hands it to PHP (a blank numeric field as NaN, a missing-data code as a value equal to nothing).
func (ev *evaluator) ref(r *Ref) Value {
	if v, smart := ev.checkRef(r); smart {
		return v
	}
	f := ev.schema.field(r.Field)
	text := ev.raw(r)
	if r.Label && f != nil && r.Code == "" {
		return String(f.label(text))
	}
	switch {
	case f != nil && f.numeric && text != "" && !ev.schema.isMissing(text):
		// REDCap hands PHP the value of a numeric field as a number ("33.0" is 33).
		if v, ok := numericString(text); ok {
			return v
		}
		return String(text)
	case f != nil && f.checkbox && r.Code != "":
		if text == "" {
			return String("0")
		}
		return String(text)
	case text == "":
		if f != nil && f.numeric {
			return blankNumber()
		}
		return String("")
	case ev.schema.isMissing(text):
		return missingCode(text)
	}
	return String(text)
}

// checkRef records the failure of a reference to an unknown event or to a smart variable without
// a value; for a smart variable it returns its value and smart = true.
func (ev *evaluator) checkRef(r *Ref) (v Value, smart bool) {
	if !ev.knownEvent(r) {
		ev.err = errUnknownEvent(r.Event)
	}
	if !r.Smart {
		return Value{}, false
	}
	v, ok := ev.smart(r.Field)
	if !ok {
		ev.err = errUnknownSmart(r.Field)
	}
	return v, true
}

// raw returns a field reference's stored text.
func (ev *evaluator) raw(r *Ref) string {
	event := ev.ctx.Event
	if r.Event != "" {
		event = ev.eventName(r.Event)
	}
	inst := ev.ctx.Instance
	if r.Instance != "" {
		inst = ev.instance(r.Instance, r.Field, event)
	}
	return ev.env.Value(r.Field, r.Code, event, inst)
}

// isBlank reports whether a reference's stored text is blank (a checkbox option never is).
func (ev *evaluator) isBlank(r *Ref) bool {
	if v, smart := ev.checkRef(r); smart {
		return v.Text() == ""
	}
	if f := ev.schema.field(r.Field); f != nil && f.checkbox && r.Code != "" {
		return false
	}
	return ev.raw(r) == ""
}

// instance resolves an instance number or smart variable.
func (ev *evaluator) instance(s, field, event string) int {
	cur := max(ev.ctx.Instance, 1)
	switch s {
	case "current-instance":
		return cur
	case "previous-instance":
		return cur - 1
	case "next-instance":
		return cur + 1
	case "first-instance":
		return 1
	case "last-instance":
		if c, ok := ev.env.(InstanceCounter); ok {
			return c.LastInstance(field, event)
		}
		return cur
	}
	n, _ := strconv.Atoi(s)
	return n
}

// eventName resolves an event name or event smart variable against the row's event: previous,
// next, first and last count within the row's arm.
func (ev *evaluator) eventName(s string) string {
	if !eventSmartVariables[s] {
		return s
	}
	evs := ev.armEvents()
	i := -1
	for j, e := range evs {
		if e.Name == ev.ctx.Event {
			i = j
		}
	}
	pick := func(j int) string {
		if j >= 0 && j < len(evs) {
			return evs[j].Name
		}
		return ""
	}
	switch s {
	case "previous-event-name":
		if i < 0 {
			return ""
		}
		return pick(i - 1)
	case "next-event-name":
		if i < 0 {
			return ""
		}
		return pick(i + 1)
	case "first-event-name":
		return pick(0)
	case "last-event-name":
		return pick(len(evs) - 1)
	}
	return ev.ctx.Event
}

// armEvents returns the events of the row's arm, in project order.
func (ev *evaluator) armEvents() []Event {
	if ev.schema == nil {
		return nil
	}
	arm := ev.arm()
	var out []Event
	for _, e := range ev.schema.events {
		if e.Arm == arm {
			out = append(out, e)
		}
	}
	return out
}

// arm returns the row's arm number (1 when the project has no events).
func (ev *evaluator) arm() int {
	if i := ev.schema.eventIndex(ev.ctx.Event); i >= 0 {
		return ev.schema.events[i].Arm
	}
	return 1
}

// smart returns a smart variable's value on the row; ok is false for the smart variables the
// engine does not know the value of (users, data access groups, surveys, ...).
func (ev *evaluator) smart(name string) (Value, bool) {
	switch name {
	case "record-name":
		return String(ev.ctx.Record), true
	case "event-name":
		return String(ev.ctx.Event), true
	case "previous-event-name", "next-event-name", "first-event-name", "last-event-name":
		return String(ev.eventName(name)), true
	case "arm-number":
		return Int(int64(ev.arm())), true
	case "current-instance", "previous-instance", "next-instance", "first-instance":
		return Int(int64(ev.instance(name, "", ev.ctx.Event))), true
	case "project-id":
		return Int(int64(ev.ctx.ProjectID)), ev.ctx.ProjectID != 0
	case "event-number":
		if i := ev.schema.eventIndex(ev.ctx.Event); i >= 0 {
			return Int(int64(i + 1)), true
		}
		return String(""), true
	}
	return String(""), false
}

// errUnknownSmart is a smart variable whose value the engine does not know: the logic fails, as
// REDCap's does when it has no value to pipe in (an API import has no user, no survey).
type errUnknownSmart string

func (e errUnknownSmart) Error() string {
	return "the value of smart variable [" + string(e) + "] is not known here"
}

// KnownSmartVariable reports whether the engine evaluates a smart variable.
func KnownSmartVariable(name string) bool {
	ev := evaluator{ctx: Context{ProjectID: 1}}
	_, ok := ev.smart(name)
	return ok
}

// lastDate caches the text of the last date 'today' stood for, so that evaluating logic that uses
// 'today' over many records formats it once.
var lastDate atomic.Pointer[datedText]

type datedText struct {
	y    int
	m    time.Month
	d    int
	text string
}

// dateText returns t's date as Y-M-D.
func dateText(t time.Time) string {
	y, m, d := t.Date()
	if c := lastDate.Load(); c != nil && c.y == y && c.m == m && c.d == d {
		return c.text
	}
	c := &datedText{y: y, m: m, d: d, text: t.Format("2006-01-02")}
	lastDate.Store(c)
	return c.text
}
