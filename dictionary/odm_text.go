package dictionary

import "bytes"

// asREDCapReadsODM returns a project XML as REDCap reads it when it creates a project from one:
// every two line feeds written literally in the file become one, left to right, so a blank line
// inside a label or annotation disappears and two blank lines become one (fidelity:
// odm_literal_newlines_metadata_export). Line feeds written as character references (&#10;) are
// kept (odm_scheduling_metadata_export_blank_lines), and so are CRLF pairs, which the XML parser
// then reads as line feeds.
func asREDCapReadsODM(data []byte) []byte {
	if !bytes.Contains(data, []byte("\n\n")) {
		return data
	}
	return bytes.ReplaceAll(data, []byte("\n\n"), []byte("\n"))
}
