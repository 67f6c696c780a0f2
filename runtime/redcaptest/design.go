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

// armFilter returns the arms[] filter as numbers.
func armFilter(p params) []int {
	var out []int
	for _, s := range p.list("arms") {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func armSelected(filter []int, arm int) bool { return len(filter) == 0 || slices.Contains(filter, arm) }

// exportArms answers content=arm.
func (st *state) exportArms(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	if !st.longitudinal() {
		return errorAnswer(http.StatusBadRequest, ef, "You cannot export arms for classic projects")
	}
	filter := armFilter(p)
	t := table{cols: []string{"arm_num", "name"}}
	for _, a := range st.proj.Arms {
		// An arm without events is not exported.
		if armSelected(filter, a.Num) && slices.ContainsFunc(st.proj.Events, func(e dictionary.Event) bool { return e.Arm == a.Num }) {
			t.add(num(a.Num), str(a.Name))
		}
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "arms", trailerNL: true}, csvStyle{}))
}

// exportEvents answers content=event.
func (st *state) exportEvents(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	if !st.longitudinal() && len(st.proj.Arms) == 0 {
		return errorAnswer(http.StatusBadRequest, ef, "You cannot export events for classic projects")
	}
	filter := armFilter(p)
	t := table{cols: []string{"event_name", "arm_num", "unique_event_name", "custom_event_label", "event_id"}}
	if st.proj.SchedulingEnabled {
		t.cols = []string{"event_name", "arm_num", "day_offset", "offset_min", "offset_max", "unique_event_name", "custom_event_label", "event_id"}
	}
	for _, e := range st.proj.Events {
		if !armSelected(filter, e.Arm) {
			continue
		}
		label := str(e.CustomLabel)
		if e.ID == st.nullLabelEvent && e.CustomLabel == "" {
			label = str(nullValue)
		}
		if st.proj.SchedulingEnabled {
			t.add(str(e.Name), num(e.Arm), numf(e.DayOffset), numf(e.OffsetMin), numf(e.OffsetMax), str(e.UniqueName), label, num(e.ID))
		} else {
			t.add(str(e.Name), num(e.Arm), str(e.UniqueName), label, num(e.ID))
		}
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "events", trailerNL: true}, csvStyle{}))
}

// exportMappings answers content=formEventMapping.
func (st *state) exportMappings(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	if !st.longitudinal() && len(st.proj.Arms) == 0 {
		return errorAnswer(http.StatusBadRequest, ef, "You cannot export form/event mappings for classic projects")
	}
	filter := armFilter(p)
	t := table{cols: []string{"arm_num", "unique_event_name", "form"}}
	for _, e := range st.proj.Events {
		for _, f := range st.sch.forms {
			if armSelected(filter, e.Arm) && st.mapped(e.UniqueName, f) {
				t.add(num(e.Arm), str(e.UniqueName), str(f))
			}
		}
	}
	if len(t.rows) == 0 {
		// REDCap answers one empty row when nothing is mapped.
		t.add(str(""), str(""), str(""))
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "items", noCDATA: true, trailerNL: true}, csvStyle{}))
}

// exportRepeating answers content=repeatingFormsEvents.
func (st *state) exportRepeating(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	if !st.hasRepeating() {
		return errorAnswer(http.StatusBadRequest, ef, "You cannot export repeating instruments and events because the project does not contain any repeating instruments and events")
	}
	t := table{cols: []string{"form_name", "custom_form_label"}}
	if st.longitudinal() {
		t.cols = []string{"event_name", "form_name", "custom_form_label"}
	}
	reps := slices.Clone(st.proj.Repeating)
	// REDCap lists the setup in event order, whatever the order it was imported in.
	slices.SortStableFunc(reps, func(a, b dictionary.Repeat) int { return st.eventIndex(a.Event) - st.eventIndex(b.Event) })
	for _, r := range reps {
		if st.longitudinal() {
			t.add(str(r.Event), str(r.Form), str(r.CustomLabel))
		} else {
			t.add(str(r.Form), str(r.CustomLabel))
		}
	}
	plain := map[string]bool{"event_name": true, "form_name": true}
	return okAnswer(format, t.render(format, xmlStyle{root: "repeatingFormsEvents", plain: plain, trailerNL: true}, csvStyle{trailerNL: true, never: map[string]bool{"custom_form_label": true}}))
}

// importArms answers content=arm, action=import (override=1 replaces every arm).
func (st *state) importArms(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	rows, aerr := designRows(p, armKeys)
	if aerr != nil {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	arms := slices.Clone(st.proj.Arms)
	override := p.get("override") == "1"
	if override {
		arms = nil
	}
	for _, r := range rows {
		n, err := strconv.Atoi(strings.TrimSpace(r["arm_num"]))
		switch {
		case err != nil || n < 1:
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("Arm number %s is not numeric or is less than one.", phpQuote(r["arm_num"])))
		case n > 99:
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("Arm number %s must be a value of 99 or less.", phpQuote(r["arm_num"])))
		case utf8.RuneCountInString(r["name"]) > 50:
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The arm name %s must be less than or equal to 50 characters in length.", phpQuote(r["name"])))
		}
		name := r["name"]
		if strings.TrimSpace(name) == "" {
			name = "Arm " + itoa(n)
		}
		arms = slices.DeleteFunc(arms, func(a dictionary.Arm) bool { return a.Num == n })
		arms = append(arms, dictionary.Arm{Num: n, Name: name})
	}
	if override {
		// Every arm goes first, with its events and their data.
		st.dropArms(func(dictionary.Arm) bool { return true })
	}
	slices.SortFunc(arms, func(a, b dictionary.Arm) int { return a.Num - b.Num })
	st.proj.Arms = arms
	st.rebuild()
	return okAnswer(format, itoa(len(rows)))
}

// uniqueName derives REDCap's unique name from a label: lower-cased, other characters to "_",
// trimmed, then the suffix; a clash gets a letter appended.
func uniqueName(label, suffix string, taken func(string) bool) string {
	var b strings.Builder
	for _, r := range strings.ToLower(label) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	base := strings.Trim(b.String(), "_")
	for strings.Contains(base, "__") {
		base = strings.ReplaceAll(base, "__", "_")
	}
	if len(base) > 18 && suffix != "" {
		base = strings.TrimRight(base[:18], "_")
	}
	name := base + suffix
	for c := 'b'; taken(name) && c <= 'z'; c++ {
		name = base + string(c) + suffix
	}
	return name
}

// importMappings answers content=formEventMapping import: it replaces every mapping of the
// project, whatever arms the rows name. Each row's arm must exist (it need not be the event's);
// every problem of every row is listed. A duplicate row counts in the answer but is stored once.
func (st *state) importMappings(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	rows, aerr := designRows(p, mappingKeys)
	if aerr != nil {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	var maps []dictionary.Mapping
	var problems []string
	for _, r := range rows {
		n, err := strconv.Atoi(strings.TrimSpace(r["arm_num"]))
		switch {
		case err != nil || n < 1:
			problems = append(problems, fmt.Sprintf("Arm number %q is not numeric or is less than one.", r["arm_num"]))
		case !slices.ContainsFunc(st.proj.Arms, func(a dictionary.Arm) bool { return a.Num == n }):
			problems = append(problems, fmt.Sprintf("The arm number %q does not exist in the project.", r["arm_num"]))
		}
		e, ok := st.event(r["unique_event_name"])
		if !ok {
			problems = append(problems, fmt.Sprintf("The unique event name %q does not exist in the project.", r["unique_event_name"]))
		}
		if !slices.Contains(st.sch.forms, r["form"]) {
			problems = append(problems, fmt.Sprintf("The instrument name (i.e., the unique form name) %q does not exist in the project.", r["form"]))
		}
		m := dictionary.Mapping{Arm: e.Arm, Event: e.UniqueName, Form: r["form"]}
		if ok && !slices.Contains(maps, m) {
			maps = append(maps, m)
		}
	}
	if len(problems) > 0 {
		return errorAnswer(http.StatusBadRequest, ef, strings.Join(problems, "\n"))
	}
	st.proj.Mappings = maps
	st.rebuild()
	return okAnswer(format, itoa(len(rows)))
}

// importRepeating answers content=repeatingFormsEvents import: it replaces the whole setup.
func (st *state) importRepeating(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	rows, aerr := designRows(p, nil)
	if aerr != nil {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	var reps []dictionary.Repeat
	for _, r := range rows {
		if r["form_name"] != "" && !slices.Contains(st.sch.forms, r["form_name"]) {
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("instrument '%s' is not available in project '%s'", r["form_name"], st.title))
		}
		if st.longitudinal() {
			if _, ok := st.event(r["event_name"]); !ok {
				return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("event '%s' is not available in project '%s'", r["event_name"], st.title))
			}
		}
		reps = append(reps, dictionary.Repeat{Event: r["event_name"], Form: r["form_name"], CustomLabel: r["custom_form_label"]})
	}
	st.proj.Repeating = reps
	st.rebuild()
	return okAnswer(format, itoa(len(rows)))
}

// offsetOf reads a day_offset, offset_min or offset_max value; blank is 0.
func offsetOf(s string) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0
	}
	return f
}

// phpQuote puts a value in double quotes as REDCap's design messages do, without escaping.
func phpQuote(s string) string { return `"` + s + `"` }
