package redcaptest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// deleteEvents answers content=event, action=delete: it deletes the events named in events[] and
// answers how many there were. Unknown names count 0; without events[] nothing is deleted.
func (st *state) deleteEvents(p params) answer {
	var gone []string
	for _, name := range p.list("events") {
		if _, ok := st.event(name); ok && !slices.Contains(gone, name) {
			gone = append(gone, name)
		}
	}
	st.dropEvents(gone)
	return okAnswer(p.dataFormat(), itoa(len(gone)))
}

// deleteArms answers content=arm, action=delete: it deletes the arms in arms[] with their events.
// One unknown or non-numeric arm fails the whole call.
func (st *state) deleteArms(p params) answer {
	ef := p.errorFormat()
	if !p.isList("arms") {
		return errorAnswer(http.StatusBadRequest, ef, "The 'arms' parameter is either missing or is not an array. It must be provided as an array even if it only contains one value.")
	}
	var nums []int
	var bad []string
	for _, s := range p.list("arms") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || !slices.ContainsFunc(st.proj.Arms, func(a dictionary.Arm) bool { return a.Num == n }) {
			bad = append(bad, s)
			continue
		}
		nums = append(nums, n)
	}
	if len(bad) > 0 {
		return errorAnswer(http.StatusBadRequest, ef, "One or more of the arm numbers provided are either not numeric or do not exist in this project. Note: No arms were deleted. Arm numbers that do not exist: "+strings.Join(bad, ", "))
	}
	st.dropArms(func(a dictionary.Arm) bool { return slices.Contains(nums, a.Num) })
	return okAnswer(p.dataFormat(), itoa(len(nums)))
}

// dropArms deletes the arms that match, with their events and data.
func (st *state) dropArms(match func(dictionary.Arm) bool) {
	var events []string
	for _, e := range st.proj.Events {
		if slices.ContainsFunc(st.proj.Arms, func(a dictionary.Arm) bool { return a.Num == e.Arm && match(a) }) {
			events = append(events, e.UniqueName)
		}
	}
	st.dropEvents(events)
	st.proj.Arms = slices.DeleteFunc(st.proj.Arms, match)
	st.rebuild()
}

// dropEvents deletes events with their mappings, repeating setup and data. Data of a deleted
// event is gone for good, and a record left without data goes with it.
func (st *state) dropEvents(names []string) {
	if len(names) == 0 {
		return
	}
	gone := func(e string) bool { return slices.Contains(names, e) }
	st.proj.Events = slices.DeleteFunc(st.proj.Events, func(e dictionary.Event) bool { return gone(e.UniqueName) })
	st.proj.Mappings = slices.DeleteFunc(st.proj.Mappings, func(m dictionary.Mapping) bool { return gone(m.Event) })
	st.proj.Repeating = slices.DeleteFunc(st.proj.Repeating, func(r dictionary.Repeat) bool { return gone(r.Event) })
	for id, rec := range st.records {
		for k := range rec.rows {
			if gone(k.event) {
				delete(rec.rows, k)
			}
		}
		if len(rec.rows) == 0 {
			delete(st.records, id)
		}
	}
	st.nameEvents()
	st.rebuild()
}
