package redcap

import (
	"context"
	"io"
	"net/url"
)

// PDFOptions selects what ExportPDF prints. The zero value prints every instrument blank.
type PDFOptions struct {
	// Record prints that record's data; Event (longitudinal projects) limits it to one event.
	Record, Event string
	// Instrument prints one instrument. With a Record in a longitudinal project, give Event too:
	// REDCap answers a web page instead of a PDF otherwise.
	Instrument string
	// RepeatInstance prints one instance of a repeating instrument or event (0: all).
	RepeatInstance int
	// Compact leaves out fields without a value (compactDisplay).
	Compact bool
	// AllRecords prints every record.
	AllRecords bool
}

// ExportPDF writes the PDF of instruments (content=pdf) into w as it arrives and returns the
// bytes written. A PDF of records holds their values: treat w like any export of the project.
func (c *Client) ExportPDF(ctx context.Context, w io.Writer, opts PDFOptions) (int64, error) {
	p := url.Values{"returnFormat": {"json"}}
	for name, v := range map[string]string{"record": opts.Record, "event": opts.Event, "instrument": opts.Instrument} {
		if v != "" {
			p.Set(name, v)
		}
	}
	if opts.RepeatInstance > 0 {
		p.Set("repeat_instance", itoa(opts.RepeatInstance))
	}
	setFlag(p, "compactDisplay", opts.Compact)
	if opts.AllRecords {
		p.Set("allRecords", "true")
	}
	return c.exportDocument(ctx, call{content: "pdf", params: p, read: true}, w, "%PDF-")
}
