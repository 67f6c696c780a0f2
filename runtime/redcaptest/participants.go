package redcaptest

import (
	"net/http"
	"slices"
)

// participantListKeys are the columns of content=participantList, in REDCap's order; a
// repeating survey adds repeat_instance after record.
var participantListKeys = []string{
	"email", "email_occurrence", "identifier", "record", "invitation_sent_status",
	"invitation_send_time", "response_status", "survey_access_code", "survey_link", "survey_queue_link",
}

// exportParticipantList answers content=participantList (instrument, and event in longitudinal
// projects): one row per record with data in the event's arm (and per instance of a repeating
// survey: 1, and every instance with data or a link), with its access code, survey link and survey
// queue link, made on first use like every link and code. The form need not be designated for
// the event. Participants are not identified (no invitation e-mail field), and data imported
// through the API is never a survey response.
func (st *state) exportParticipantList(p params) answer {
	ef := p.errorFormat()
	if st.tokenRights().NoSurveyParticipants {
		return errorAnswer(http.StatusForbidden, ef, msgNoParticipants)
	}
	form, event := p.get("instrument"), p.get("event")
	switch {
	case form == "":
		return errorAnswer(http.StatusBadRequest, ef, "The parameter 'instrument' is missing")
	case st.longitudinal() && event == "":
		return errorAnswer(http.StatusBadRequest, ef, "The parameter 'event' is missing")
	}
	if _, ok := st.proj.Form(form); !ok {
		return errorAnswer(http.StatusBadRequest, ef, "Invalid instrument")
	}
	e, ok := st.event(event)
	if st.longitudinal() && !ok {
		return errorAnswer(http.StatusBadRequest, ef, "Invalid event")
	}
	if !st.isSurvey(form) {
		return errorAnswer(http.StatusBadRequest, ef, "The instrument '"+form+"' has not been enabled as a survey")
	}
	if !st.longitudinal() {
		event = ""
	}
	repeating := st.repeatingForm(event, form) || st.repeatingEvent(event)
	cols := participantListKeys
	if repeating {
		cols = slices.Insert(slices.Clone(cols), 4, "repeat_instance")
	}
	t := table{cols: cols}
	for _, id := range st.sortedRecordIDs() {
		rec := st.records[id]
		if !st.visible(rec) || !st.recordInArm(rec, e.Arm) {
			continue
		}
		for _, inst := range st.participantInstances(rec, event, form, repeating) {
			k := participantKey{record: id, event: event, form: form, inst: inst}
			queue := ""
			if st.proj.SurveyQueue {
				queue = st.queueLink(id)
			}
			row := []cell{str(""), num(1), str(""), str("")}
			if repeating {
				row = append(row, str(itoa(inst)))
			}
			row = append(row, num(0), str(""), num(0), str(st.accessCode(k)), str(st.surveyLink(k)), str(queue))
			t.add(row...)
		}
	}
	format := p.dataFormat()
	return okAnswer(format, t.render(format, xmlStyle{root: "participants", item: "participant", emptyCDATA: true}, csvStyle{trailerNL: true}))
}

// participantInstances lists the instances of a survey the participant list shows for a record:
// 1, and for a repeating survey also every instance with data or with a link or code.
func (st *state) participantInstances(rec *record, event, form string, repeating bool) []int {
	if !repeating {
		return []int{1}
	}
	insts := []int{1}
	for k := range rec.rows {
		if k.event == event && k.inst > 0 && (k.form == form || k.form == "") {
			insts = append(insts, k.inst)
		}
	}
	for k := range st.surveyData().participants {
		if k.record == rec.id && k.event == event && k.form == form {
			insts = append(insts, k.inst)
		}
	}
	slices.Sort(insts)
	return slices.Compact(insts)
}
