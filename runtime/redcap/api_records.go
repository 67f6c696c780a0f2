package redcap

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// RawOrLabel says whether an export gives choice codes (Raw) or labels (Label).
type RawOrLabel string

// The two values REDCap knows. Anything else is refused before sending: REDCap would silently
// fall back to raw.
const (
	Raw   RawOrLabel = "raw"
	Label RawOrLabel = "label"
)

// ExportRequest is a flat JSON record export (content=record, type=flat).
type ExportRequest struct {
	Records []string // only these record IDs (unknown IDs are silently absent)
	Fields  []string // only these fields (checkbox base names); always include the record ID field
	Forms   []string // only these forms
	Events  []string // only these unique event names
	// FilterLogic is a REDCap logic expression selecting rows. Checkbox codes keep their
	// original case: [race(A_B)] = '1'.
	FilterLogic string
	// DateRangeBegin and DateRangeEnd select records by last change time, sent as
	// "YYYY-MM-DD HH:MM:SS" in the time's own location (REDCap compares in server time).
	DateRangeBegin, DateRangeEnd time.Time
	ExportDataAccessGroups       bool       // add redcap_data_access_group
	ExportSurveyFields           bool       // add redcap_survey_identifier and <form>_timestamp
	RawOrLabel                   RawOrLabel // "" is Raw
	// Batch numbers the request in the log (0: not batched).
	Batch int
}

// dateRangeLayout is REDCap's dateRangeBegin/End format.
const dateRangeLayout = "2006-01-02 15:04:05"

// params builds the form parameters of the export.
func (r ExportRequest) params() (url.Values, error) {
	p := jsonParams()
	p.Set("type", "flat")
	switch r.RawOrLabel {
	case "", Raw:
		p.Set("rawOrLabel", string(Raw))
	case Label:
		p.Set("rawOrLabel", string(Label))
	default:
		return nil, fmt.Errorf("redcap: export: rawOrLabel %q is not raw or label", string(r.RawOrLabel))
	}
	addList(p, "records", r.Records)
	addList(p, "fields", r.Fields)
	addList(p, "forms", r.Forms)
	addList(p, "events", r.Events)
	if r.FilterLogic != "" {
		if err := CheckFilterLogic(r.FilterLogic, nil); err != nil {
			return nil, err
		}
		p.Set("filterLogic", r.FilterLogic)
	}
	if !r.DateRangeBegin.IsZero() {
		p.Set("dateRangeBegin", r.DateRangeBegin.Format(dateRangeLayout))
	}
	if !r.DateRangeEnd.IsZero() {
		p.Set("dateRangeEnd", r.DateRangeEnd.Format(dateRangeLayout))
	}
	if r.ExportDataAccessGroups {
		p.Set("exportDataAccessGroups", "true")
	}
	if r.ExportSurveyFields {
		p.Set("exportSurveyFields", "true")
	}
	return p, nil
}

// ExportRecordsRaw exports records as REDCap's flat JSON (an array of row objects). The whole
// answer is read before it is returned, so a dropped connection is retried like any read; export
// in batches (Stream) to keep memory flat.
func (c *Client) ExportRecordsRaw(ctx context.Context, r ExportRequest) ([]byte, error) {
	p, err := r.params()
	if err != nil {
		return nil, err
	}
	return c.post(ctx, call{content: "record", action: "export", params: p, batch: r.Batch, read: true})
}

// ReturnContent says what a record import answers.
type ReturnContent string

// The answers REDCap knows.
const (
	ReturnCount   ReturnContent = "count"    // {"count": N}
	ReturnIDs     ReturnContent = "ids"      // ["1","2"]: the IDs saved
	ReturnAutoIDs ReturnContent = "auto_ids" // ["4,zzz"]: new ID, then the ID sent (with ForceAutoNumber)
)

// ImportRequest is a flat JSON record import (content=record, action=import, type=flat).
type ImportRequest struct {
	// Overwrite sends overwriteBehavior=overwrite: a blank value then ERASES the stored value,
	// checkboxes included. The default (normal) leaves stored values alone on blank.
	Overwrite bool
	// ForceAutoNumber lets REDCap number new records; use ReturnAutoIDs to learn the numbers.
	ForceAutoNumber bool
	// ReturnContent is what REDCap answers; "" is ReturnIDs.
	ReturnContent ReturnContent
	// Batch numbers the request in the log (0: not batched).
	Batch int
}

// ImportResponse is what REDCap answered to one import request.
type ImportResponse struct {
	Count   int      // records saved (from count, or the number of IDs)
	IDs     []string // IDs saved (ReturnIDs), or the IDs sent (ReturnAutoIDs)
	AutoIDs []AutoID // with ReturnAutoIDs: the new ID of each record sent
}

// AutoID is the ID REDCap gave a record imported with ForceAutoNumber.
type AutoID struct {
	New  string // the ID REDCap assigned
	Sent string // the ID in the data sent
}

// ImportRecordsRaw imports flat JSON rows (data must be a JSON array of row objects). It is never
// retried: an import is not idempotent. REDCap refuses the whole request when one value is bad;
// the *APIError then lists every refused value.
func (c *Client) ImportRecordsRaw(ctx context.Context, data []byte, r ImportRequest) (*ImportResponse, error) {
	return c.importRecords(ctx, data, r, nil)
}

// importRecords is ImportRecordsRaw building the request body in body's storage (nil: new
// storage).
func (c *Client) importRecords(ctx context.Context, data []byte, r ImportRequest, storage *bodyBuffer) (*ImportResponse, error) {
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '[' {
		return nil, errors.New("redcap: import: data must be a JSON array of rows ([{...}]); REDCap reads an object as one row without record ID")
	}
	rc := r.ReturnContent
	switch rc {
	case "":
		rc = ReturnIDs
	case ReturnCount, ReturnIDs:
	case ReturnAutoIDs:
		if !r.ForceAutoNumber {
			return nil, errors.New("redcap: import: returnContent=auto_ids needs ForceAutoNumber")
		}
	default:
		return nil, fmt.Errorf("redcap: import: returnContent %q is not count, ids or auto_ids", string(rc))
	}
	p := jsonParams()
	p.Set("type", "flat")
	p.Set("overwriteBehavior", "normal")
	if r.Overwrite {
		p.Set("overwriteBehavior", "overwrite")
	}
	p.Set("forceAutoNumber", strconv.FormatBool(r.ForceAutoNumber))
	p.Set("returnContent", string(rc))
	cl := call{content: "record", action: "import", params: p, batch: r.Batch, data: data, body: storage}
	body, err := c.post(ctx, cl)
	if err != nil {
		return nil, err
	}
	return c.parseImportResponse(cl, rc, body)
}

// parseImportResponse reads {"count": N}, ["id",...] or ["new,sent",...].
func (c *Client) parseImportResponse(cl call, rc ReturnContent, body []byte) (*ImportResponse, error) {
	b := bytes.TrimSpace(body)
	if bytes.HasPrefix(b, []byte("{")) {
		var n struct {
			Count *int `json:"count"`
		}
		if err := c.decodeJSON(cl, b, &n); err != nil {
			return nil, err
		}
		if n.Count == nil {
			return nil, fmt.Errorf("redcap: %s: answer has no count; first line: %q", cl.name(), c.snippet(b))
		}
		if rc != ReturnCount {
			return nil, fmt.Errorf("redcap: %s: asked for %s, REDCap answered a count (%d) and did not confirm which records it saved", cl.name(), rc, *n.Count)
		}
		return &ImportResponse{Count: *n.Count}, nil
	}
	var ids []string
	if err := c.decodeJSON(cl, b, &ids); err != nil {
		return nil, err
	}
	res := &ImportResponse{Count: len(ids)}
	if rc != ReturnAutoIDs {
		res.IDs = ids
		return res, nil
	}
	for _, pair := range ids {
		newID, sent, ok := strings.Cut(pair, ",")
		if !ok {
			return nil, fmt.Errorf("redcap: %s: auto_ids entry %q is not \"new,sent\"", cl.name(), pair)
		}
		res.AutoIDs = append(res.AutoIDs, AutoID{New: newID, Sent: sent})
		res.IDs = append(res.IDs, sent)
	}
	return res, nil
}

// DeleteOptions narrows a delete to one arm, form, event or repeat instance.
type DeleteOptions struct {
	Arm            int    // arm number (0: every arm)
	Instrument     string // delete only this form's data
	Event          string // delete only in this unique event
	RepeatInstance int    // delete only this instance (0: all)
}

// DeleteRecords deletes records and returns how many REDCap deleted. It is never retried.
// REDCap refuses the whole request when one record does not exist.
func (c *Client) DeleteRecords(ctx context.Context, records []string, o DeleteOptions) (int, error) {
	if len(records) == 0 {
		return 0, errors.New("redcap: delete records: no record IDs given")
	}
	p := jsonParams()
	addList(p, "records", records)
	if o.Arm > 0 {
		p.Set("arm", strconv.Itoa(o.Arm))
	}
	if o.Instrument != "" {
		p.Set("instrument", o.Instrument)
	}
	if o.Event != "" {
		p.Set("event", o.Event)
	}
	if o.RepeatInstance > 0 {
		p.Set("repeat_instance", strconv.Itoa(o.RepeatInstance))
	}
	return c.count(ctx, call{content: "record", action: "delete", params: p})
}

// GenerateNextRecordName returns the next record ID REDCap would give (it reserves nothing).
func (c *Client) GenerateNextRecordName(ctx context.Context) (string, error) {
	body, err := c.post(ctx, call{content: "generateNextRecordName", params: jsonParams(), read: true})
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(body)), nil
}
