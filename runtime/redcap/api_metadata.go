package redcap

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// jsonParams are the parameters of every JSON read: data and errors as JSON.
func jsonParams() url.Values {
	return url.Values{"format": {"json"}, "returnFormat": {"json"}}
}

// readJSON exports content as JSON into v.
func (c *Client) readJSON(ctx context.Context, content string, params url.Values, v any) error {
	cl := call{content: content, params: params, read: true}
	body, err := c.post(ctx, cl)
	if err != nil {
		return err
	}
	return c.decodeJSON(cl, body, v)
}

// Version returns the REDCap version, such as "15.7.6".
func (c *Client) Version(ctx context.Context) (string, error) {
	cl := call{content: "version", params: jsonParams(), read: true}
	body, err := c.post(ctx, cl)
	if err != nil {
		return "", err
	}
	v := strings.TrimSpace(string(body))
	if v == "" || len(v) > 32 || strings.IndexFunc(v, func(r rune) bool {
		return !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '.' || r == '-')
	}) >= 0 {
		return "", fmt.Errorf("redcap: %s: answer is not a version number; first line: %q", cl.name(), c.snippet(body))
	}
	return v, nil
}

// ProjectInfo returns the project's settings, with its missing-data codes parsed.
func (c *Client) ProjectInfo(ctx context.Context) (*ProjectInfo, error) {
	var p ProjectInfo
	if err := c.readJSON(ctx, "project", jsonParams(), &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// Metadata returns the data dictionary as REDCap's JSON (an array of objects with the 18 keys of
// a dictionary row, in dictionary order), optionally limited to fields and forms.
func (c *Client) Metadata(ctx context.Context, fields, forms []string) ([]byte, error) {
	p := jsonParams()
	addList(p, "fields", fields)
	addList(p, "forms", forms)
	return c.post(ctx, call{content: "metadata", params: p, read: true})
}

// MetadataFields returns the data dictionary as typed rows.
func (c *Client) MetadataFields(ctx context.Context, fields, forms []string) ([]MetadataField, error) {
	p := jsonParams()
	addList(p, "fields", fields)
	addList(p, "forms", forms)
	var out []MetadataField
	if err := c.readJSON(ctx, "metadata", p, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// Instruments returns the project's forms in form order.
func (c *Client) Instruments(ctx context.Context) ([]Instrument, error) {
	var out []Instrument
	if err := c.readJSON(ctx, "instrument", jsonParams(), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// ExportFieldNames returns every export column: one per field, one per checkbox choice (and
// per missing-data code of a checkbox). field limits it to one field ("" for all).
func (c *Client) ExportFieldNames(ctx context.Context, field string) ([]ExportFieldName, error) {
	p := jsonParams()
	if field != "" {
		p.Set("field", field)
	}
	var out []ExportFieldName
	if err := c.readJSON(ctx, "exportFieldNames", p, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// Arms returns the arms, optionally only those numbered in arms. A classic project has none:
// the result is empty and the error nil.
func (c *Client) Arms(ctx context.Context, arms ...int) ([]Arm, error) {
	out := []Arm{}
	err := c.readDesign(ctx, "arm", armParams(arms), &out)
	return out, err
}

// Events returns the events, optionally only those of the given arms. A classic project has
// none: the result is empty and the error nil.
func (c *Client) Events(ctx context.Context, arms ...int) ([]Event, error) {
	out := []Event{}
	err := c.readDesign(ctx, "event", armParams(arms), &out)
	return out, err
}

// FormEventMappings returns which forms each event holds, optionally only for the given arms.
// A classic project has none: the result is empty and the error nil.
func (c *Client) FormEventMappings(ctx context.Context, arms ...int) ([]FormEventMapping, error) {
	out := []FormEventMapping{}
	err := c.readDesign(ctx, "formEventMapping", armParams(arms), &out)
	return out, err
}

// RepeatingFormsEvents returns the repeating forms and events. A project without any has none:
// the result is empty and the error nil.
func (c *Client) RepeatingFormsEvents(ctx context.Context) ([]RepeatingFormEvent, error) {
	out := []RepeatingFormEvent{}
	err := c.readDesign(ctx, "repeatingFormsEvents", jsonParams(), &out)
	return out, err
}

// DAGs returns the project's data access groups.
func (c *Client) DAGs(ctx context.Context) ([]DAG, error) {
	out := []DAG{}
	if err := c.readJSON(ctx, "dag", jsonParams(), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// readDesign reads a longitudinal or repeating design export, treating REDCap's "a classic
// project has none" refusal as an empty answer.
func (c *Client) readDesign(ctx context.Context, content string, p url.Values, v any) error {
	err := c.readJSON(ctx, content, p, v)
	if isNoneForThisProject(err) {
		return nil
	}
	return err
}

// isNoneForThisProject recognises REDCap's 400 for design exports a project does not have:
// "You cannot export arms for classic projects", "... because the project does not contain any
// repeating instruments and events" (metadata.jsonl *_classic_* cases).
func isNoneForThisProject(err error) bool {
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != http.StatusBadRequest {
		return false
	}
	m := ae.Message
	return strings.HasPrefix(m, "You cannot export ") &&
		(strings.Contains(m, "for classic projects") || strings.Contains(m, "does not contain any repeating"))
}

// armParams are JSON read parameters with arms[] when given.
func armParams(arms []int) url.Values {
	p := jsonParams()
	for i, a := range arms {
		p.Set("arms["+itoa(i)+"]", itoa(a))
	}
	return p
}
