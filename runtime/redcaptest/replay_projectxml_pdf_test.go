package redcaptest

import (
	"fmt"
	"slices"
	"strings"
)

// pxmlGaps are the cases of projectxml_pdf.jsonl the fake does not reproduce.
var pxmlGaps = map[string]gap{}

func init() {
	replayArea("projectxml_pdf.jsonl", true, pxmlGaps)
	fileComparators["projectxml_pdf.jsonl"] = comparePXML
}

// comparePXML compares the answers of projectxml_pdf.jsonl. A PDF (its bytes are volatile) must
// come with REDCap's status and Content-Type and be a structurally valid PDF whose pages show the
// record, instrument and event asked for (an event on the classic project is ignored); a body listed as volatile (REDCap's web page) is compared by status and
// Content-Type; everything else as in every file.
func comparePXML(v vector, got response) string {
	volatile := func(key string) bool { return slices.Contains(v.VolatileKeys, key) }
	if !volatile("body_base64") && !volatile("body") {
		return disagreement(v, got)
	}
	if got.status != v.Status || got.contentType != v.ContentType {
		return fmt.Sprintf("status %d %q, want %d %q (body %.200q)", got.status, got.contentType, v.Status, v.ContentType, got.body)
	}
	if volatile("body") {
		return ""
	}
	info, err := checkPDF([]byte(got.body))
	if err != nil {
		return "not a valid PDF: " + err.Error()
	}
	if rec, ok := v.Request["record"].(string); ok && !strings.Contains(info.text, "record "+rec) {
		return fmt.Sprintf("the PDF does not show record %s", rec)
	}
	if form, ok := v.Request["instrument"].(string); ok && !strings.Contains(info.text, "["+form+"]") {
		return fmt.Sprintf("the PDF does not show instrument %s", form)
	}
	if ev, ok := v.Request["event"].(string); ok && v.Request["record"] != nil && v.Project != "adm_classic" && !strings.Contains(info.text, "["+ev+"]") {
		return fmt.Sprintf("the PDF does not show event %s", ev)
	}
	return ""
}
