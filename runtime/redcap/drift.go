package redcap

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// DriftChange is one difference between the dictionary a package was generated from and the
// live project's dictionary, in REDCap terms.
type DriftChange struct {
	Field     string // REDCap field name ("" for project-level changes)
	What      string // "field added", "field removed", "type", "validation", "choices", ...
	Generated string // the value in the generated package
	Live      string // the value on the server
	// Breaking is true when existing data or code no longer fits (a removed field or choice code,
	// a changed type or validation); false for compatible changes (a new field, a new choice).
	Breaking bool
}

// String renders the change in one line.
func (c DriftChange) String() string {
	class := "compatible"
	if c.Breaking {
		class = "breaking"
	}
	subject := "project"
	if c.Field != "" {
		subject = fmt.Sprintf("field %q", c.Field)
	}
	switch {
	case c.Generated == "" && c.Live == "":
		return fmt.Sprintf("%s: %s (%s)", subject, c.What, class)
	default:
		return fmt.Sprintf("%s: %s changed from %q to %q (%s)", subject, c.What, c.Generated, c.Live, class)
	}
}

// DriftError reports that the live dictionary differs from the generated package's.
type DriftError struct {
	Changes []DriftChange
}

// Error lists every change.
func (e *DriftError) Error() string {
	lines := make([]string, 0, len(e.Changes)+1)
	lines = append(lines, fmt.Sprintf("redcap: the project's dictionary changed since the package was generated (%d changes); regenerate it:", len(e.Changes)))
	for _, c := range e.Changes {
		lines = append(lines, "  "+c.String())
	}
	return strings.Join(lines, "\n")
}

// Breaking reports whether any change is breaking.
func (e *DriftError) Breaking() bool {
	return slices.ContainsFunc(e.Changes, func(c DriftChange) bool { return c.Breaking })
}

// CheckDrift fetches the live dictionary and missing-data codes and compares them with the
// schema of a generated package. It returns nil when they agree, a *DriftError listing every
// difference when they do not, or the API error.
func CheckDrift(ctx context.Context, c *Client, s *Schema) error {
	live, err := c.MetadataFields(ctx, nil, nil)
	if err != nil {
		return fmt.Errorf("redcap: drift check: %w", err)
	}
	info, err := c.ProjectInfo(ctx)
	if err != nil {
		return fmt.Errorf("redcap: drift check: %w", err)
	}
	changes := DiffSchema(s, live, info.MissingDataCodes)
	if len(changes) > 0 {
		return &DriftError{Changes: changes}
	}
	return nil
}

// DiffSchema compares a generated schema with live metadata rows and missing-data codes.
func DiffSchema(s *Schema, live []MetadataField, liveCodes []MissingDataCode) []DriftChange {
	var changes []DriftChange
	liveByName := map[string]*MetadataField{}
	for i := range live {
		if live[i].FieldType != "descriptive" {
			liveByName[live[i].FieldName] = &live[i]
		}
	}
	generated := map[string]bool{}
	for i := range s.Fields {
		r := &s.Fields[i]
		if r.Type == "form_status" {
			continue
		}
		generated[r.Name] = true
		m, ok := liveByName[r.Name]
		if !ok {
			changes = append(changes, DriftChange{Field: r.Name, What: "field removed", Breaking: true})
			continue
		}
		changes = append(changes, diffField(r, m)...)
	}
	for i := range live {
		m := &live[i]
		if m.FieldType != "descriptive" && !generated[m.FieldName] {
			changes = append(changes, DriftChange{Field: m.FieldName, What: "field added", Breaking: m.RequiredField == "y"})
		}
	}
	var liveList []string
	for _, c := range liveCodes {
		liveList = append(liveList, c.Code)
	}
	if gen := s.MissingCodes.Codes(); !slices.Equal(gen, liveList) {
		changes = append(changes, DriftChange{What: "missing-data codes", Generated: strings.Join(gen, ", "), Live: strings.Join(liveList, ", "), Breaking: removesAny(gen, liveList)})
	}
	return changes
}

// diffField compares one field's rule with its live metadata row.
func diffField(r *FieldRule, m *MetadataField) []DriftChange {
	var changes []DriftChange
	add := func(what, gen, live string, breaking bool) {
		if gen != live {
			changes = append(changes, DriftChange{Field: r.Name, What: what, Generated: gen, Live: live, Breaking: breaking})
		}
	}
	add("form", r.Form, m.FormName, true)
	add("type", r.Type, m.FieldType, true)
	if r.Type == "text" {
		add("validation", canonicalValidation(r.Validation), canonicalValidation(m.TextValidationTypeOrShowSliderNumber), true)
	}
	if r.Type != "slider" {
		add("min", r.Min, strings.TrimSpace(m.TextValidationMin), false)
		add("max", r.Max, strings.TrimSpace(m.TextValidationMax), false)
	}
	add("required", flag(r.Required), flag(strings.EqualFold(m.RequiredField, "y")), false)
	add("identifier", flag(r.Identifier), flag(strings.EqualFold(m.Identifier, "y")), false)
	switch m.FieldType {
	case "dropdown", "radio", "checkbox":
		gen, live := ruleChoiceText(r.Choices), liveChoiceText(m.SelectChoicesOrCalculations)
		add("choices", gen, live, removesAny(choiceCodes(r.Choices), liveChoiceCodes(m.SelectChoicesOrCalculations)))
	}
	return changes
}

// canonicalValidation maps REDCap's legacy validation names to current ones and drops the
// dropdown-only "autocomplete".
func canonicalValidation(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	switch v {
	case "date":
		return "date_ymd"
	case "datetime":
		return "datetime_ymd"
	case "datetime_seconds":
		return "datetime_seconds_ymd"
	case "int":
		return "integer"
	case "float":
		return "number"
	case "autocomplete":
		return ""
	}
	return v
}

func flag(b bool) string {
	if b {
		return "y"
	}
	return ""
}

// ruleChoiceText renders choices the way REDCap writes them: "1, A | 2, B".
func ruleChoiceText(cs []RuleChoice) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Code + ", " + c.Label
	}
	return strings.Join(parts, " | ")
}

// liveChoiceText normalises a live choice list to the same shape as ruleChoiceText.
func liveChoiceText(raw string) string {
	var parts []string
	for _, entry := range splitChoices(raw) {
		parts = append(parts, entry[0]+", "+entry[1])
	}
	return strings.Join(parts, " | ")
}

func choiceCodes(cs []RuleChoice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Code
	}
	return out
}

func liveChoiceCodes(raw string) []string {
	var out []string
	for _, entry := range splitChoices(raw) {
		out = append(out, entry[0])
	}
	return out
}

// splitChoices splits "code, label | code, label" on "|" and each entry on its first comma; an
// entry without a comma is both code and label.
func splitChoices(raw string) [][2]string {
	var out [][2]string
	for _, entry := range strings.Split(raw, "|") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		code, label, ok := strings.Cut(entry, ",")
		code, label = strings.TrimSpace(code), strings.TrimSpace(label)
		if !ok {
			label = code
		}
		out = append(out, [2]string{code, label})
	}
	return out
}

// removesAny reports whether some element of old is missing from new.
func removesAny(old, new []string) bool {
	for _, o := range old {
		if !slices.Contains(new, o) {
			return true
		}
	}
	return false
}
