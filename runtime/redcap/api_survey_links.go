package redcap

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// SurveyParticipant names one participant of a survey: a record, the survey's form, the event
// (longitudinal projects only) and the repeat instance (only for a survey that repeats; 0 means
// the first).
type SurveyParticipant struct {
	Record, Instrument, Event string
	RepeatInstance            int
}

// params are the parameters that name the participant.
func (sp SurveyParticipant) params() url.Values {
	p := jsonParams()
	p.Set("record", sp.Record)
	p.Set("instrument", sp.Instrument)
	if sp.Event != "" {
		p.Set("event", sp.Event)
	}
	if sp.RepeatInstance > 1 {
		p.Set("repeat_instance", strconv.Itoa(sp.RepeatInstance))
	}
	return p
}

// SurveyLink returns the participant's survey link. REDCap makes it the first time it is asked
// for and then always answers the same link.
func (c *Client) SurveyLink(ctx context.Context, sp SurveyParticipant) (string, error) {
	return c.surveyText(ctx, "surveyLink", sp.params(), isLink)
}

// SurveyAccessCode returns the participant's survey access code (the code that opens the survey
// at REDCap's survey page).
func (c *Client) SurveyAccessCode(ctx context.Context, sp SurveyParticipant) (string, error) {
	return c.surveyText(ctx, "surveyAccessCode", sp.params(), isCode)
}

// SurveyReturnCode returns the participant's return code, which lets a respondent resume a
// survey that has Save & Return Later enabled (REDCap refuses the call for other surveys).
func (c *Client) SurveyReturnCode(ctx context.Context, sp SurveyParticipant) (string, error) {
	return c.surveyText(ctx, "surveyReturnCode", sp.params(), isCode)
}

// SurveyQueueLink returns the record's survey queue link (REDCap refuses the call when the
// project's survey queue is off).
func (c *Client) SurveyQueueLink(ctx context.Context, record string) (string, error) {
	p := jsonParams()
	p.Set("record", record)
	return c.surveyText(ctx, "surveyQueueLink", p, isLink)
}

// surveyText reads a survey method's bare-text answer and checks its shape. These calls are
// reads: a participant's link and codes stay the same however often they are asked for.
func (c *Client) surveyText(ctx context.Context, content string, p url.Values, ok func(string) bool) (string, error) {
	cl := call{content: content, params: p, read: true}
	body, err := c.post(ctx, cl)
	if err != nil {
		return "", err
	}
	s := strings.TrimSpace(string(body))
	if !ok(s) {
		return "", fmt.Errorf("redcap: %s: answer is not a survey link or code; first line: %q", cl.name(), c.snippet(body))
	}
	return s, nil
}

// isLink reports whether s is an http or https URL.
func isLink(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \n")
}

// isCode reports whether s looks like a survey code: letters and digits only.
func isCode(s string) bool {
	return s != "" && len(s) <= 64 && strings.IndexFunc(s, func(r rune) bool {
		return !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	}) < 0
}

// Participant is one row of a survey's participant list.
type Participant struct {
	Email           string // the invitation e-mail address ("" when none)
	EmailOccurrence int
	Identifier      string // the participant identifier ("" when none)
	// Record is the record name; REDCap shows it only for participants with an identifier or an
	// invitation e-mail address.
	Record string
	// RepeatInstance is the instance of a repeating survey (0 for a survey that does not repeat).
	RepeatInstance       int
	InvitationSentStatus int    // 1 when an invitation was sent
	InvitationSendTime   string // when the invitation was (or will be) sent
	ResponseStatus       int    // 0 no response, 1 partial, 2 completed
	SurveyAccessCode     string
	SurveyLink           string
	SurveyQueueLink      string // "" when the project's survey queue is off
}

// UnmarshalJSON reads a participant row, whose numbers REDCap sends as JSON numbers or strings.
func (pt *Participant) UnmarshalJSON(b []byte) error {
	var w struct {
		Email                string  `json:"email"`
		EmailOccurrence      flexInt `json:"email_occurrence"`
		Identifier           string  `json:"identifier"`
		Record               string  `json:"record"`
		RepeatInstance       flexInt `json:"repeat_instance"`
		InvitationSentStatus flexInt `json:"invitation_sent_status"`
		InvitationSendTime   string  `json:"invitation_send_time"`
		ResponseStatus       flexInt `json:"response_status"`
		SurveyAccessCode     string  `json:"survey_access_code"`
		SurveyLink           string  `json:"survey_link"`
		SurveyQueueLink      string  `json:"survey_queue_link"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*pt = Participant{Email: w.Email, EmailOccurrence: int(w.EmailOccurrence), Identifier: w.Identifier,
		Record: w.Record, RepeatInstance: int(w.RepeatInstance), InvitationSentStatus: int(w.InvitationSentStatus),
		InvitationSendTime: w.InvitationSendTime, ResponseStatus: int(w.ResponseStatus),
		SurveyAccessCode: w.SurveyAccessCode, SurveyLink: w.SurveyLink, SurveyQueueLink: w.SurveyQueueLink}
	return nil
}

// ParticipantList returns the participant list of a survey form in an event (event "" in a
// classic project): one row per record of the event's arm, and per instance of a repeating
// survey. The list holds survey links: keep it out of logs.
func (c *Client) ParticipantList(ctx context.Context, form, event string) ([]Participant, error) {
	p := jsonParams()
	p.Set("instrument", form)
	if event != "" {
		p.Set("event", event)
	}
	cl := call{content: "participantList", params: p, read: true}
	body, err := c.post(ctx, cl)
	if err != nil {
		return nil, err
	}
	var list []Participant
	if err := c.decodeJSON(cl, body, &list); err != nil {
		return nil, err
	}
	return list, nil
}
