package snapshot

import (
	"cmp"
	"slices"

	"github.com/redcapgen/redcapgen/dictionary"
)

// designOrder ranks events and forms by their position in the project, so that mapping and
// repeat declarations sort the same whatever order a source listed them in.
type designOrder struct {
	event map[string]int
	form  map[string]int
}

// newDesignOrder indexes p's events and forms.
func newDesignOrder(p *dictionary.Project) designOrder {
	o := designOrder{event: map[string]int{}, form: map[string]int{}}
	for i, e := range p.Events {
		o.event[e.UniqueName] = i
	}
	for i, f := range p.Forms {
		o.form[f.Name] = i
	}
	return o
}

// rank orders by position first; names the project does not list (or "") come first when "",
// else after every known name, by name.
func rank(pos map[string]int, name string) (int, string) {
	if name == "" {
		return -1, ""
	}
	if i, ok := pos[name]; ok {
		return i, ""
	}
	return len(pos), name
}

// compareBy compares two (event, form) pairs in design order.
func (o designOrder) compareBy(eventA, formA, eventB, formB string) int {
	ia, na := rank(o.event, eventA)
	ib, nb := rank(o.event, eventB)
	if c := cmp.Or(cmp.Compare(ia, ib), cmp.Compare(na, nb)); c != 0 {
		return c
	}
	ia, na = rank(o.form, formA)
	ib, nb = rank(o.form, formB)
	return cmp.Or(cmp.Compare(ia, ib), cmp.Compare(na, nb))
}

// sortedMappings returns the form-event mapping in event order, then form order.
func sortedMappings(p *dictionary.Project) []dictionary.Mapping {
	o := newDesignOrder(p)
	out := slices.Clone(p.Mappings)
	slices.SortStableFunc(out, func(a, b dictionary.Mapping) int {
		return cmp.Or(o.compareBy(a.Event, a.Form, b.Event, b.Form), cmp.Compare(a.Arm, b.Arm))
	})
	return out
}

// sortedRepeats returns the repeat declarations in event order, then form order (a whole
// repeating event before its forms).
func sortedRepeats(p *dictionary.Project) []dictionary.Repeat {
	o := newDesignOrder(p)
	out := slices.Clone(p.Repeating)
	slices.SortStableFunc(out, func(a, b dictionary.Repeat) int {
		return o.compareBy(a.Event, a.Form, b.Event, b.Form)
	})
	return out
}
