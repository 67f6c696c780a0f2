package redcap

import (
	"context"
	"errors"
	"net/http"
	"strings"
)

// notASurvey is the end of REDCap's message when a survey method names a form that is not a
// survey: "The instrument 'demographics' has not been enabled as a survey".
const notASurvey = "has not been enabled as a survey"

// IsSurvey reports whether form is enabled as a survey. The API has no method that lists survey
// forms, so this asks for the form's participant list (content=participantList), which REDCap
// refuses with "The instrument '<form>' has not been enabled as a survey" for other forms. In a
// longitudinal project event must name an event (any event: the form need not be designated
// for it); in a classic project it is ignored. The participant list itself is discarded unread.
// Any other refusal, such as missing survey rights, is returned as the error.
func (c *Client) IsSurvey(ctx context.Context, form, event string) (bool, error) {
	p := jsonParams()
	p.Set("instrument", form)
	if event != "" {
		p.Set("event", event)
	}
	_, err := c.post(ctx, call{content: "participantList", params: p, read: true})
	var apiErr *APIError
	switch {
	case err == nil:
		return true, nil
	case errors.As(err, &apiErr) && apiErr.Status == http.StatusBadRequest && strings.HasSuffix(strings.TrimSpace(apiErr.Message), notASurvey):
		return false, nil
	}
	return false, err
}
