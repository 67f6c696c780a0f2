package redcaptest

import (
	"net/http"
	"slices"
)

// participantListKeys are the columns of content=participantList, in REDCap's order.
var participantListKeys = []string{
	"email", "email_occurrence", "identifier", "record", "invitation_sent_status",
	"invitation_send_time", "response_status", "survey_access_code", "survey_link", "survey_queue_link",
}

// exportParticipantList answers content=participantList with REDCap's checks and errors
// (surveys: participantList_error_*). Survey participants are not modelled: the list of a
// survey-enabled form is empty (surveys: participantList_empty_*).
func (st *state) exportParticipantList(p params) answer {
	ef := p.errorFormat()
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
	if _, ok := st.event(event); st.longitudinal() && !ok {
		return errorAnswer(http.StatusBadRequest, ef, "Invalid event")
	}
	if !slices.Contains(st.surveyForms, form) {
		return errorAnswer(http.StatusBadRequest, ef, "The instrument '"+form+"' has not been enabled as a survey")
	}
	t := table{cols: participantListKeys}
	return okAnswer(p.dataFormat(), t.render(p.dataFormat(), xmlStyle{root: "participants"}, csvStyle{trailerNL: true}))
}
