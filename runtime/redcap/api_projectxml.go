package redcap

import (
	"context"
	"io"
	"net/url"
)

// ProjectXMLOptions selects what ExportProjectXML includes. The zero value asks for the whole
// project: its design and every record.
type ProjectXMLOptions struct {
	// MetadataOnly leaves the records out (returnMetadataOnly).
	MetadataOnly bool
	// Records, Fields and Events limit the data to these records, fields and events.
	Records, Fields, Events []string
	// FilterLogic limits the data to the records it selects.
	FilterLogic string
	// SurveyFields adds the survey identifier and timestamps; DataAccessGroups adds each record's
	// data access group; Files embeds uploaded files in base64.
	SurveyFields, DataAccessGroups, Files bool
}

// ExportProjectXML writes the project XML (content=project_xml: CDISC ODM with REDCap's
// extensions, the file REDCap creates projects from) into w as it arrives and returns the bytes
// written. The data in it are record values: treat w like any export of the project.
func (c *Client) ExportProjectXML(ctx context.Context, w io.Writer, opts ProjectXMLOptions) (int64, error) {
	p := url.Values{"format": {"xml"}, "returnFormat": {"json"}}
	setFlag(p, "returnMetadataOnly", opts.MetadataOnly)
	addList(p, "records", opts.Records)
	addList(p, "fields", opts.Fields)
	addList(p, "events", opts.Events)
	if opts.FilterLogic != "" {
		p.Set("filterLogic", opts.FilterLogic)
	}
	setFlag(p, "exportSurveyFields", opts.SurveyFields)
	setFlag(p, "exportDataAccessGroups", opts.DataAccessGroups)
	setFlag(p, "exportFiles", opts.Files)
	return c.exportDocument(ctx, call{content: "project_xml", params: p, read: true}, w, "<?xml")
}

// setFlag sets a boolean parameter to "true" when on.
func setFlag(p url.Values, name string, on bool) {
	if on {
		p.Set(name, "true")
	}
}
