package redcaptest

import (
	"net/http"
	"strconv"
)

// surveyMethod answers surveyLink, surveyAccessCode, surveyReturnCode and surveyQueueLink: the
// bare link or code as text/html, whatever format says.
func (st *state) surveyMethod(p params) answer {
	ef := p.errorFormat()
	if st.tokenRights().NoSurveyParticipants {
		return errorAnswer(http.StatusForbidden, ef, msgNoParticipants)
	}
	content := p.get("content")
	if content == "surveyQueueLink" {
		rec, bad := st.surveyRecord(p)
		if bad != nil {
			return *bad
		}
		if !st.proj.SurveyQueue {
			return errorAnswer(http.StatusBadRequest, ef, "The Survey Queue has not been enabled in this project. You will need to enable the Survey Queue before using this method.")
		}
		return surveyText(st.queueLink(rec.id))
	}
	k, bad := st.surveyTarget(p, content)
	if bad != nil {
		return *bad
	}
	switch content {
	case "surveyAccessCode":
		return surveyText(st.accessCode(k))
	case "surveyReturnCode":
		return surveyText(st.returnCode(k))
	}
	return surveyText(st.surveyLink(k))
}

// surveyText is the answer of a link or code.
func surveyText(s string) answer {
	return answer{status: http.StatusOK, contentType: "text/html; charset=UTF-8", body: s}
}

// surveyRecord checks the record parameter: present, and a record the user sees.
func (st *state) surveyRecord(p params) (*record, *answer) {
	ef := p.errorFormat()
	id := p.get("record")
	if id == "" {
		a := errorAnswer(http.StatusBadRequest, ef, "The parameter 'record' is missing")
		return nil, &a
	}
	rec := st.records[id]
	if rec == nil || !st.visible(rec) {
		a := errorAnswer(http.StatusBadRequest, ef, `The record "`+id+`" does not exist`)
		return nil, &a
	}
	return rec, nil
}

// surveyTarget checks the parameters of a survey link or code call in REDCap's order (record,
// instrument, event, then the event's forms, Save & Return Later and the record's arm) and returns
// the participant they name. repeat_instance counts only for a repeating survey; 0 and text mean 1.
func (st *state) surveyTarget(p params, content string) (participantKey, *answer) {
	ef := p.errorFormat()
	fail := func(msg string) (participantKey, *answer) {
		a := errorAnswer(http.StatusBadRequest, ef, msg)
		return participantKey{}, &a
	}
	rec, bad := st.surveyRecord(p)
	if bad != nil {
		return participantKey{}, bad
	}
	form, event := p.get("instrument"), p.get("event")
	if msg := st.surveyFormProblem(form, content == "surveyReturnCode"); msg != "" {
		return fail(msg)
	}
	k := participantKey{record: rec.id, form: form, inst: 1}
	if st.longitudinal() {
		if event == "" {
			return fail("The parameter 'event' is missing")
		}
		e, ok := st.event(event)
		if !ok {
			return fail("Invalid event")
		}
		if content != "surveyReturnCode" && !st.mapped(event, form) {
			return fail(`The instrument "` + form + `" has not been designated for the event "` + event + `"`)
		}
		if content == "surveyReturnCode" && !st.saveAndReturn(form) {
			return fail("The 'Save & Return Later' feature has not been enabled for this survey")
		}
		if !st.recordInArm(rec, e.Arm) {
			return fail("An unknown error occurred")
		}
		k.event = event
	} else if content == "surveyReturnCode" && !st.saveAndReturn(form) {
		return fail("The 'Save & Return Later' feature has not been enabled for this survey")
	}
	if st.repeatingForm(k.event, form) || st.repeatingEvent(k.event) {
		if n, err := strconv.Atoi(p.get("repeat_instance")); err == nil && n > 1 {
			k.inst = n
		}
	}
	return k, nil
}

// surveyFormProblem checks the instrument parameter of a survey call: REDCap's message, or "".
// surveyReturnCode quotes the form name with double quotes in its not-a-survey message.
func (st *state) surveyFormProblem(form string, doubleQuotes bool) string {
	switch {
	case form == "":
		return "The parameter 'instrument' is missing"
	case st.formIndex(form) < 0:
		return "Invalid instrument"
	case !st.isSurvey(form) && doubleQuotes:
		return `The instrument "` + form + `" has not been enabled as a survey`
	case !st.isSurvey(form):
		return "The instrument '" + form + "' has not been enabled as a survey"
	}
	return ""
}

// saveAndReturn reports whether Save & Return Later is on for the survey.
func (st *state) saveAndReturn(form string) bool {
	for _, f := range st.proj.SaveAndReturnForms {
		if f == form {
			return true
		}
	}
	return false
}
