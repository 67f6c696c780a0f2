package dictionary

import (
	"strings"
)

// odmFieldType maps redcap:FieldType to the API's field type.
func odmFieldType(t string) string {
	switch t {
	case "textarea":
		return string(TypeNotes)
	case "select":
		return string(TypeDropdown)
	}
	return t
}

// odmValidation maps redcap:TextValidationType to the API's validation name.
func odmValidation(v string) string {
	switch v {
	case "int":
		return "integer"
	case "float":
		return "number"
	}
	return v
}

// odmRows turns the forms' items, in dictionary order, into raw fields. It also returns the
// forms that have a survey timestamp pseudo item.
func odmRows(c *collector, md *odmMetaDataVersion) ([]rawField, []string) {
	items := make(map[string]*odmItemDef, len(md.Items))
	for i := range md.Items {
		items[md.Items[i].OID] = &md.Items[i]
	}
	groups := make(map[string]*odmItemGroup, len(md.Groups))
	for i := range md.Groups {
		groups[md.Groups[i].OID] = &md.Groups[i]
	}
	codeLists := make(map[string]*odmCodeList, len(md.CodeLists))
	for i := range md.CodeLists {
		codeLists[md.CodeLists[i].OID] = &md.CodeLists[i]
	}
	var (
		rows        []rawField
		surveyForms []string
		seen        = make(map[string]bool)
	)
	for _, form := range md.Forms {
		for _, gref := range form.GroupRefs {
			group, ok := groups[gref.OID]
			if !ok {
				c.errorf(where{}, "", "form %q refers to item group %q, which is not defined", form.FormName, gref.OID)
				continue
			}
			for _, iref := range group.ItemRefs {
				item, ok := items[iref.OID]
				if !ok {
					c.errorf(where{}, "", "item group %q refers to item %q, which is not defined", group.OID, iref.OID)
					continue
				}
				variable := item.Variable
				if variable == "" {
					variable = item.Name
				}
				switch {
				case seen[variable]:
					continue // another choice of a checkbox already folded
				case variable == form.FormName+"_complete":
					continue
				case item.FieldType == "":
					if variable == form.FormName+"_timestamp" {
						surveyForms = append(surveyForms, form.FormName)
					} else if !odmPseudoItem(variable) {
						c.warnf(where{}, variable, "item has no redcap:FieldType: skipped")
					}
					continue
				}
				seen[variable] = true
				row := odmRow(item, variable, form.FormName, codeLists[item.CodeListRef.OID])
				row.Element = len(rows) + 1
				rows = append(rows, row)
			}
		}
	}
	return rows, surveyForms
}

// odmPseudoItem reports whether an item without a field type is one of REDCap's own columns.
func odmPseudoItem(variable string) bool {
	switch variable {
	case "redcap_survey_identifier", "redcap_data_access_group", "redcap_event_name",
		"redcap_repeat_instrument", "redcap_repeat_instance":
		return true
	}
	return strings.HasSuffix(variable, "_timestamp")
}

// odmRow builds the raw dictionary row of one field from its (first) item.
func odmRow(item *odmItemDef, variable, form string, codes *odmCodeList) rawField {
	fieldType := odmFieldType(item.FieldType)
	row := rawField{
		FieldName:     variable,
		FormName:      form,
		SectionHeader: item.SectionHeader,
		FieldType:     fieldType,
		FieldLabel:    item.Question.Text,
		FieldNote:     item.Note,
		Validation:    odmValidation(item.Validation),
		Identifier:    item.Identifier,
		Branching:     item.Branching,
		Required:      item.Required,
		Alignment:     item.Alignment,
		MatrixGroup:   item.MatrixGroup,
		MatrixRanking: item.MatrixRanking,
		Annotation:    item.Annotation,
	}
	if item.Question.Formatted != "" {
		row.FieldLabel = item.Question.Formatted
	}
	switch FieldType(fieldType) {
	case TypeCalc:
		row.Choices = item.Calculation
	case TypeSlider:
		row.Choices = item.SliderLabels
	case TypeCheckbox:
		if codes != nil {
			row.Choices = codes.CheckboxChoices
		}
	case TypeDropdown, TypeRadio:
		row.Choices = odmChoiceList(codes)
	case TypeText:
		row.Choices = item.OntologySearch
	}
	for _, rc := range item.RangeChecks {
		switch rc.Comparator {
		case "GE", "GT":
			row.Min = rc.Value
		case "LE", "LT":
			row.Max = rc.Value
		}
	}
	return row
}

// odmChoiceList renders a CodeList as a choice list "code, label | code, label".
func odmChoiceList(codes *odmCodeList) string {
	if codes == nil {
		return ""
	}
	entries := make([]string, len(codes.Items))
	for i, it := range codes.Items {
		entries[i] = it.Code + ", " + it.Label
	}
	return strings.Join(entries, " | ")
}
