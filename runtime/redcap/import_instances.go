package redcap

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/redcapgen/redcapgen/runtime/internal/instance"
)

// NewInstance is an instance that an import sent as "new" (Instance.Number 0) and the number
// REDCap gave it.
type NewInstance struct {
	Record     string // record ID
	Event      string // unique event name ("" in classic projects)
	Instrument string // repeating instrument ("" for an instance of a repeating event)
	Number     int    // the instance number REDCap assigned
}

// instanceSlot is one (record, event, instrument) whose instances can repeat.
type instanceSlot struct {
	record, event, instrument string
}

// newInstancePlan is what one batch asks REDCap to number: per slot, how many rows were sent as
// "new", and the instance numbers the batch sends explicitly (which are not new).
type newInstancePlan struct {
	cols     instanceColumns
	slots    []instanceSlot // in first-seen order
	count    map[instanceSlot]int
	explicit map[instanceSlot][]int
	records  []string // affected record IDs, in first-seen order
	events   []string // affected events (longitudinal only)
	before   map[instanceSlot][]int
}

// instanceColumns are the layout positions of the columns that place a row.
type instanceColumns struct {
	id, event, instrument, instance int // -1 when the layout lacks the column
}

// instanceColumnsOf finds the placing columns of a layout.
func instanceColumnsOf(l *Layout) instanceColumns {
	at := func(name string) int {
		if i, ok := l.Index(name); ok {
			return i
		}
		return -1
	}
	return instanceColumns{id: 0, event: at("redcap_event_name"), instrument: at("redcap_repeat_instrument"), instance: at("redcap_repeat_instance")}
}

// slotOf returns the slot of a row and its redcap_repeat_instance text.
func (c instanceColumns) slotOf(r *Row) (instanceSlot, string) {
	get := func(i int) string {
		if i < 0 || i >= len(r.Values) {
			return ""
		}
		return r.Values[i]
	}
	return instanceSlot{record: get(c.id), event: get(c.event), instrument: get(c.instrument)}, get(c.instance)
}

// planNewInstances returns the batch's plan, or nil when no row asks for a new instance.
func planNewInstances(l *Layout, rows []Row) *newInstancePlan {
	cols := instanceColumnsOf(l)
	if cols.instance < 0 {
		return nil
	}
	p := &newInstancePlan{cols: cols, count: map[instanceSlot]int{}, explicit: map[instanceSlot][]int{}}
	for i := range rows {
		slot, inst := cols.slotOf(&rows[i])
		if n, ok := instance.Parse(inst); ok {
			p.explicit[slot] = append(p.explicit[slot], n)
			continue
		}
		if inst != instance.NewText {
			continue
		}
		if p.count[slot] == 0 {
			p.slots = append(p.slots, slot)
		}
		p.count[slot]++
		if !slices.Contains(p.records, slot.record) {
			p.records = append(p.records, slot.record)
		}
		if cols.event >= 0 && !slices.Contains(p.events, slot.event) {
			p.events = append(p.events, slot.event)
		}
	}
	if len(p.slots) == 0 {
		return nil
	}
	return p
}

// instancesNow exports the plan's records (in the plan's events) and returns the instance
// numbers stored in each slot.
func (p *newInstancePlan) instancesNow(ctx context.Context, c *Client, l *Layout) (map[instanceSlot][]int, error) {
	body, err := c.ExportRecordsRaw(ctx, ExportRequest{Records: p.records, Events: p.events})
	if err != nil {
		return nil, err
	}
	out := map[instanceSlot][]int{}
	err = ReadRows(bytes.NewReader(body), l, func(r *Row) error {
		slot, inst := p.cols.slotOf(r)
		if n, ok := instance.Parse(inst); ok && p.count[slot] > 0 {
			out[slot] = append(out[slot], n)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the export: %w", err)
	}
	return out, nil
}

// assigned compares the instances after the import with those before: per slot, the numbers
// that appeared and were not sent explicitly are the new instances, in ascending order (REDCap
// numbers "new" rows in the order sent, each the next free number). It fails when their count
// differs from the rows sent as "new".
func (p *newInstancePlan) assigned(after map[instanceSlot][]int) ([]NewInstance, error) {
	var out []NewInstance
	for _, slot := range p.slots {
		var fresh []int
		for _, n := range after[slot] {
			if !slices.Contains(p.before[slot], n) && !slices.Contains(p.explicit[slot], n) && !slices.Contains(fresh, n) {
				fresh = append(fresh, n)
			}
		}
		slices.Sort(fresh)
		if len(fresh) != p.count[slot] {
			return out, fmt.Errorf("record %q, event %q, instrument %q: %d instances sent as new, %d new instance numbers found after the import",
				slot.record, slot.event, slot.instrument, p.count[slot], len(fresh))
		}
		for _, n := range fresh {
			out = append(out, NewInstance{Record: slot.record, Event: slot.event, Instrument: slot.instrument, Number: n})
		}
	}
	return out, nil
}
