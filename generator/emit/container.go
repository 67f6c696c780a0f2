package emit

import (
	"fmt"
	"slices"

	"github.com/redcapgen/redcapgen/dictionary"
)

// container is a struct that holds forms and owns rows: the Record of a classic project, or one
// event of a longitudinal project. Its main row holds its non-repeating forms; each repeating
// instrument adds one row per instance.
type container struct {
	goName         string            // "Record" or the event's type
	event          *dictionary.Event // nil for the classic Record
	repeatingEvent bool              // the whole event repeats
	forms          []*formPlan       // non-repeating forms, in dictionary order
	repeats        []*formPlan       // repeating instruments, in dictionary order
}

// recordType is the name of the generated record type.
const recordType = "Record"

// planContainers builds the classic Record container or one container per event.
func (pl *plan) planContainers() error {
	if !pl.longitudinal {
		c := &container{goName: recordType}
		for _, fp := range pl.forms {
			// A classic project's repeats may name its hidden event (event_1_arm_1): ignore it.
			if slices.ContainsFunc(pl.p.Repeating, func(r dictionary.Repeat) bool { return r.Form == fp.form.Name }) {
				c.repeats = append(c.repeats, fp)
			} else {
				c.forms = append(c.forms, fp)
			}
		}
		pl.containers = []*container{c}
		return nil
	}
	for i := range pl.p.Events {
		ev := &pl.p.Events[i]
		c := &container{goName: pl.n.Event(ev.UniqueName), event: ev, repeatingEvent: pl.repeatsIn(ev.UniqueName, "")}
		if c.goName == "" {
			return fmt.Errorf("event %q has no Go name", ev.UniqueName)
		}
		for _, fp := range pl.forms {
			if !pl.mapped(ev.UniqueName, fp.form.Name) {
				continue
			}
			if !c.repeatingEvent && pl.repeatsIn(ev.UniqueName, fp.form.Name) {
				c.repeats = append(c.repeats, fp)
			} else {
				c.forms = append(c.forms, fp)
			}
		}
		pl.containers = append(pl.containers, c)
	}
	return nil
}

// repeatsIn reports whether the project declares a repeat for event (empty in classic projects)
// and form (empty for a repeating event).
func (pl *plan) repeatsIn(event, form string) bool {
	return slices.ContainsFunc(pl.p.Repeating, func(r dictionary.Repeat) bool {
		return r.Event == event && r.Form == form
	})
}

// mapped reports whether form is designated for event. A longitudinal project read without its
// form-event mapping designates every form for every event, so that no value is refused.
func (pl *plan) mapped(event, form string) bool {
	if len(pl.p.Mappings) == 0 {
		return true
	}
	return slices.ContainsFunc(pl.p.Mappings, func(m dictionary.Mapping) bool {
		return m.Event == event && m.Form == form
	})
}

// headerSpans are the non-field columns a row may carry: record ID, event, repeat, DAG and
// survey identifier columns.
func (pl *plan) headerSpans() []span {
	return []span{{Start: 0, End: pl.headerEnd}}
}

// builtHeaderColumns are the header columns a record built in code sends: record ID, event and
// repeat columns, never a blank DAG (which could move the record out of its group).
func (pl *plan) builtHeaderColumns() []int {
	cols := []int{0}
	for _, c := range []int{pl.eventCol, pl.instrCol, pl.instanceCol} {
		if c >= 0 {
			cols = append(cols, c)
		}
	}
	return cols
}

// rowSpans returns the columns a row holding the given forms may carry (decode: survey
// timestamps included), and the columns such a row carries when the record was built in code
// (encode: never the read-only survey columns).
func (pl *plan) rowSpans(forms []*formPlan) (allowed, built []span) {
	var cols, timestamps []int
	for _, fp := range forms {
		cols = append(cols, spanColumns(fp.spans)...)
		if fp.timestamp >= 0 {
			timestamps = append(timestamps, fp.timestamp)
		}
	}
	allowed = spansOf(slices.Concat(cols, timestamps, spanColumns(pl.headerSpans())))
	built = spansOf(append(cols, pl.builtHeaderColumns()...))
	return allowed, built
}

// spanColumns lists the columns of spans.
func spanColumns(spans []span) []int {
	var cols []int
	for _, s := range spans {
		for i := s.Start; i < s.End; i++ {
			cols = append(cols, i)
		}
	}
	return cols
}
