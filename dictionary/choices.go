package dictionary

import (
	"fmt"
	"strings"
)

// ParseChoices parses a choice list ("1, Yes | 0, No") into its entries in order. Entries are
// separated by "|" (very old dictionaries use line breaks); in each entry the code is the text
// before the first comma and the label the rest, both trimmed. An entry without a comma is taken
// as both code and label, with a warning. Empty entries are skipped with a warning. The error
// reports codes that REDCap refuses: empty codes, codes containing spaces, and codes used twice.
// Duplicate labels are accepted.
func ParseChoices(raw string) ([]Choice, []string, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, nil, nil
	}
	var (
		choices  []Choice
		warnings []string
		problems []string
	)
	labelsByCode := make(map[string]string)
	for i, entry := range splitChoiceEntries(raw) {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			warnings = append(warnings, fmt.Sprintf("choice entry %d is empty (a stray \"|\")", i+1))
			continue
		}
		code, label, hasComma := strings.Cut(entry, ",")
		code, label = strings.TrimSpace(code), strings.TrimSpace(label)
		if !hasComma {
			label = code
			warnings = append(warnings, fmt.Sprintf("choice %q has no comma: using it as both code and label", entry))
		}
		switch {
		case code == "":
			problems = append(problems, fmt.Sprintf("choice entry %d (%q) has an empty code", i+1, entry))
			continue
		case strings.ContainsAny(code, " \t\r\n"):
			problems = append(problems, fmt.Sprintf("choice code %q contains a space (REDCap refuses it; use %q)", code, strings.Join(strings.Fields(code), "_")))
			continue
		}
		if prev, dup := labelsByCode[code]; dup {
			problems = append(problems, fmt.Sprintf("choice code %q is used twice (labels %q and %q); codes must be unique", code, prev, label))
			continue
		}
		labelsByCode[code] = label
		choices = append(choices, Choice{Code: code, Label: label})
	}
	if len(problems) > 0 {
		return choices, warnings, fmt.Errorf("malformed choices: %s", strings.Join(problems, "; "))
	}
	return choices, warnings, nil
}

// splitChoiceEntries splits a choice list on "|", or on line breaks when it has no "|".
func splitChoiceEntries(raw string) []string {
	if strings.Contains(raw, "|") {
		return strings.Split(raw, "|")
	}
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	return strings.Split(raw, "\n")
}

// CheckboxColumn returns the export column REDCap uses for one checkbox choice: the field name,
// "___", then the code lower-cased with every character outside [a-z0-9_] replaced by "_"
// (code "-9" of field "race" gives "race____9"; code "A_B" gives "race___a_b"). Like REDCap it
// works on bytes: a non-ASCII character becomes one "_" per UTF-8 byte.
func CheckboxColumn(field, code string) string {
	var b strings.Builder
	b.Grow(len(field) + 3 + len(code))
	b.WriteString(field)
	b.WriteString("___")
	// REDCap does this byte by byte with PHP's ASCII strtolower, so a non-ASCII character
	// becomes one "_" per UTF-8 byte.
	for i := 0; i < len(code); i++ {
		c := code[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' {
			b.WriteByte(c)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}
