package dictionary

import (
	"fmt"
	"strings"
)

// ParseMissingCodes reads a project's missing-data codes: one "code, label" per line as in the
// project XML (redcap:MissingDataCodes), or entries separated by "|" as in the API's project
// info (missing_data_codes: "NA, Not applicable | UNK, Unknown | -99, Not asked"). An entry
// without a comma is both code and label, with a warning.
func ParseMissingCodes(raw string) ([]MissingCode, []string) {
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	if !strings.Contains(raw, "\n") {
		raw = strings.ReplaceAll(raw, "|", "\n")
	}
	var (
		codes    []MissingCode
		warnings []string
	)
	for _, line := range strings.Split(raw, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		code, label, ok := strings.Cut(line, ",")
		code, label = strings.TrimSpace(code), strings.TrimSpace(label)
		if !ok {
			label = code
			warnings = append(warnings, fmt.Sprintf("missing-data code %q has no label", code))
		}
		codes = append(codes, MissingCode{Code: code, Label: label})
	}
	return codes, warnings
}
