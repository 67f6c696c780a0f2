package redcaptest

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/redcapgen/redcapgen/generator/dictionary"
)

// importEvents answers content=event, action=import. A row whose unique_event_name names an event
// changes that event (a new name gives it a new unique name); any other row creates an event.
// override=1 deletes every event first. Events are kept in REDCap's order: by arm, then day
// offset, then creation.
func (st *state) importEvents(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	rows, aerr := designRows(p, eventKeys)
	if aerr != nil {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	events := slices.Clone(st.proj.Events)
	if p.get("override") == "1" {
		events = nil
	}
	renames := map[string]string{}
	nextID := st.nextEventID
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
	slices.SortStableFunc(events, func(a, b dictionary.Event) int {
		switch {
		case a.Arm != b.Arm:
			return a.Arm - b.Arm
		case a.DayOffset < b.DayOffset:
			return -1
		case a.DayOffset > b.DayOffset:
			return 1
		}
		return a.ID - b.ID
	})
	st.nextEventID = nextID
	st.proj.Events = events
	st.renameEvents(renames)
	st.rebuild()
	return okAnswer(format, itoa(len(rows)))
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
