package redcaptest

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/redcapgen/redcapgen/dictionary"
)

// importEvents answers content=event, action=import. A row whose unique_event_name names an event
// changes that event (a new name gives it a new unique name); any other row creates an event.
// override=1 deletes every event first. Events are kept in REDCap's order: by arm, then day
// offset, then the project's own events before those imported, the latest import first, then
// creation.
func (st *state) importEvents(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	rows, aerr := designRows(p, eventKeys)
	if aerr != nil {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	events := slices.Clone(st.proj.Events)
	override := p.get("override") == "1"
	if override {
		events = nil
	}
	renames := map[string]string{}
	nextID := st.nextEventID
	batch := map[int]bool{}
	for _, r := range rows {
		n, err := strconv.Atoi(r["arm_num"])
		if err != nil || !slices.ContainsFunc(st.proj.Arms, func(a dictionary.Arm) bool { return a.Num == n }) {
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The arm number %s does not exist in the project.", phpQuote(r["arm_num"])))
		}
		if msg := eventRowProblem(r); msg != "" {
			return errorAnswer(http.StatusBadRequest, ef, msg)
		}
		i := slices.IndexFunc(events, func(e dictionary.Event) bool {
			return r["unique_event_name"] != "" && e.UniqueName == r["unique_event_name"]
		})
		if i < 0 {
			events = append(events, dictionary.Event{ID: nextID})
			batch[nextID] = true
			nextID++
			i = len(events) - 1
		}
		e := &events[i]
		renamed := e.UniqueName == "" || e.Name != r["event_name"] || e.Arm != n
		e.Name, e.Arm = r["event_name"], n
		if v, ok := r["custom_event_label"]; ok {
			e.CustomLabel = v
		}
		for key, dst := range map[string]*float64{"day_offset": &e.DayOffset, "offset_min": &e.OffsetMin, "offset_max": &e.OffsetMax} {
			if v, ok := r[key]; ok {
				*dst = offsetOf(v)
			}
		}
		if renamed {
			old := e.UniqueName
			e.UniqueName = uniqueName(e.Name, "_arm_"+itoa(n), func(s string) bool {
				return slices.ContainsFunc(events, func(x dictionary.Event) bool { return x.UniqueName == s && x.ID != e.ID })
			})
			if old != "" && old != e.UniqueName {
				renames[old] = e.UniqueName
			}
		}
	}
	if st.eventBatch == nil {
		st.eventBatch = map[int]int{}
	}
	n := len(st.eventBatch) + 1
	for id := range batch {
		st.eventBatch[id] = n
	}
	slices.SortStableFunc(events, func(a, b dictionary.Event) int {
		switch {
		case a.Arm != b.Arm:
			return a.Arm - b.Arm
		case a.DayOffset < b.DayOffset:
			return -1
		case a.DayOffset > b.DayOffset:
			return 1
		case st.eventBatch[a.ID] != st.eventBatch[b.ID]:
			// The project's own events come first, then those of the latest import.
			ba, bb := st.eventBatch[a.ID], st.eventBatch[b.ID]
			if ba == 0 || bb == 0 {
				return ba - bb
			}
			return bb - ba
		}
		return a.ID - b.ID
	})
	if override {
		// Every event of every arm goes first, with its data.
		names := make([]string, len(st.proj.Events))
		for i, e := range st.proj.Events {
			names[i] = e.UniqueName
		}
		st.dropEvents(names)
	}
	st.nextEventID = nextID
	st.proj.Events = events
	st.renameEvents(renames)
	st.nameEvents()
	st.rebuild()
	return okAnswer(format, itoa(len(rows)))
}

// nameEvents computes the unique event names again, as REDCap does on every change: in event
// order, the name lower-cased and cut to 18 characters plus "_arm_<n>", and a letter appended
// (b, c, ...) when an earlier event of the arm took that name already.
func (st *state) nameEvents() {
	taken := map[string]bool{}
	renames := map[string]string{}
	for i := range st.proj.Events {
		e := &st.proj.Events[i]
		base := uniqueName(e.Name, "_arm_"+itoa(e.Arm), func(string) bool { return false })
		name := base
		for c := 'b'; taken[name] && c <= 'z'; c++ {
			name = base + string(c)
		}
		taken[name] = true
		if e.UniqueName != name {
			if e.UniqueName != "" {
				renames[e.UniqueName] = name
			}
			e.UniqueName = name
		}
	}
	st.renameEvents(renames)
}

// renameEvents carries new unique event names into the mapping, the repeating setup and the
// stored data.
func (st *state) renameEvents(renames map[string]string) {
	if len(renames) == 0 {
		return
	}
	for i, m := range st.proj.Mappings {
		if n, ok := renames[m.Event]; ok {
			st.proj.Mappings[i].Event = n
		}
	}
	for i, r := range st.proj.Repeating {
		if n, ok := renames[r.Event]; ok {
			st.proj.Repeating[i].Event = n
		}
	}
	for _, rec := range st.records {
		moved := map[rowKey]*valueRow{}
		for k, v := range rec.rows {
			if n, ok := renames[k.event]; ok {
				k.event = n
			}
			moved[k] = v
		}
		rec.rows = moved
	}
}

// eventRowProblem is REDCap's message for an event row's name or offsets ("" when they are fine).
func eventRowProblem(r map[string]string) string {
	if utf8.RuneCountInString(r["event_name"]) > 30 {
		return fmt.Sprintf("The event name %s must be less than or equal to 30 characters in length.", phpQuote(r["event_name"]))
	}
	if v, ok := r["day_offset"]; ok && strings.TrimSpace(v) != "" {
		if _, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
			return fmt.Sprintf("The event's Days Offset %s is not numeric.", phpQuote(v))
		}
	}
	if v, ok := r["offset_min"]; ok && strings.TrimSpace(v) != "" {
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil || f < 0 {
			return fmt.Sprintf("The event's Offset Range Min %s is not numeric or is less than one.", phpQuote(v))
		}
	}
	return ""
}
