package redcap

import (
	"context"
	"errors"
	"net/url"
	"strconv"
)

// overrideParam is override=1 when asked for.
func overrideParam(override bool) url.Values {
	if !override {
		return nil
	}
	return url.Values{"override": {"1"}}
}

// armImport is an arm as REDCap's arm import takes it.
type armImport struct {
	Number string `json:"arm_num"`
	Name   string `json:"name"`
}

// ImportArms adds arms and renames existing ones (by number), and returns how many REDCap took.
// With override every arm, with its events and their data, is deleted first. One refused arm
// saves nothing. Never retried.
func (c *Client) ImportArms(ctx context.Context, arms []Arm, override bool) (int, error) {
	rows := make([]armImport, len(arms))
	for i, a := range arms {
		rows[i] = armImport{Number: strconv.Itoa(a.Number), Name: a.Name}
	}
	return c.writeJSON(ctx, "arm", "import", overrideParam(override), rows)
}

// DeleteArms deletes arms by number, with their events and the data in them, and returns how
// many. One unknown arm fails the whole call. Never retried.
func (c *Client) DeleteArms(ctx context.Context, arms []int) (int, error) {
	if len(arms) == 0 {
		return 0, errors.New("redcap: delete arms: no arm numbers given")
	}
	names := make([]string, len(arms))
	for i, a := range arms {
		names[i] = strconv.Itoa(a)
	}
	return c.deleteList(ctx, "arm", "arms", names)
}

// eventImport is an event as REDCap's event import takes it.
type eventImport struct {
	Name        string `json:"event_name"`
	Arm         string `json:"arm_num"`
	UniqueName  string `json:"unique_event_name"`
	CustomLabel string `json:"custom_event_label"`
}

// ImportEvents adds events (UniqueName "" or unknown) and changes existing ones (by unique name;
// a new name gives the event a new unique name), and returns how many REDCap took. With override
// every event of every arm, with its data, is deleted first. Never retried.
func (c *Client) ImportEvents(ctx context.Context, events []Event, override bool) (int, error) {
	rows := make([]eventImport, len(events))
	for i, e := range events {
		rows[i] = eventImport{Name: e.Name, Arm: strconv.Itoa(e.ArmNumber), UniqueName: e.UniqueName, CustomLabel: e.CustomLabel}
	}
	return c.writeJSON(ctx, "event", "import", overrideParam(override), rows)
}

// DeleteEvents deletes events by unique name, with their data, and returns how many REDCap
// deleted (unknown names count 0). Never retried.
func (c *Client) DeleteEvents(ctx context.Context, uniqueNames []string) (int, error) {
	if len(uniqueNames) == 0 {
		return 0, errors.New("redcap: delete events: no event names given")
	}
	return c.deleteList(ctx, "event", "events", uniqueNames)
}

// mappingImport is a form-event mapping as REDCap's import takes it.
type mappingImport struct {
	Arm   string `json:"arm_num"`
	Event string `json:"unique_event_name"`
	Form  string `json:"form"`
}

// ImportFormEventMappings replaces every form-event mapping of the project (REDCap replaces them
// all, whatever arms the rows name) and returns how many rows REDCap took. Never retried.
func (c *Client) ImportFormEventMappings(ctx context.Context, mappings []FormEventMapping) (int, error) {
	rows := make([]mappingImport, len(mappings))
	for i, m := range mappings {
		rows[i] = mappingImport{Arm: strconv.Itoa(m.ArmNumber), Event: m.UniqueEventName, Form: m.Form}
	}
	return c.writeJSON(ctx, "formEventMapping", "import", nil, rows)
}

// ImportProjectSettings changes project settings by their API names (project_title,
// project_notes, purpose, ...) and returns the number of keys REDCap counted (unknown and
// read-only keys count but change nothing). Never retried.
func (c *Client) ImportProjectSettings(ctx context.Context, settings map[string]string) (int, error) {
	return c.writeJSON(ctx, "project_settings", "import", nil, settings)
}
