package redcaptest

import (
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// writeMetaDataVersion writes <MetaDataVersion>: the events (longitudinal projects), then every
// form, item group, item and code list, as REDCap 15.7.6 writes them.
func (st *state) writeMetaDataVersion(b *strings.Builder, oid, version string, survey, dag bool) {
	b.WriteString(`<MetaDataVersion OID="Metadata.` + oid + `_` + version + `" Name="` + odmAttr(st.title) + `" redcap:RecordIdField="` + odmAttr(st.sch.recordID) + `">` + "\n")
	if st.longitudinal() {
		st.writeODMEvents(b)
	}
	groups := st.odmMetaGroups(survey && len(st.surveyForms) > 0, dag && len(st.proj.DAGs) > 0)
	for _, f := range st.proj.Forms {
		b.WriteString("\t<FormDef OID=\"Form." + odmAttr(f.Name) + "\" Name=\"" + odmAttr(st.formLabelOf(f)) + "\" Repeating=\"No\" redcap:FormName=\"" + odmAttr(f.Name) + "\">\n")
		for _, g := range groups[f.Name] {
			b.WriteString("\t\t<ItemGroupRef ItemGroupOID=\"" + odmAttr(g.oid) + "\" Mandatory=\"No\"/>\n")
		}
		b.WriteString("\t</FormDef>\n")
	}
	for _, f := range st.proj.Forms {
		for _, g := range groups[f.Name] {
			b.WriteString("\t<ItemGroupDef OID=\"" + odmAttr(g.oid) + "\" Name=\"" + odmAttr(g.name) + "\" Repeating=\"No\">\n")
			for _, it := range g.items {
				mandatory := "No"
				if it.field != nil && it.field.Required {
					mandatory = "Yes"
				}
				b.WriteString("\t\t<ItemRef ItemOID=\"" + odmAttr(it.oid) + "\" Mandatory=\"" + mandatory + "\" redcap:Variable=\"" + odmAttr(it.variable) + "\"/>\n")
			}
			b.WriteString("\t</ItemGroupDef>\n")
		}
	}
	var lists []odmItem
	for _, f := range st.proj.Forms {
		for _, g := range groups[f.Name] {
			for _, it := range g.items {
				st.writeItemDef(b, it)
				if it.codes {
					lists = append(lists, it)
				}
			}
		}
	}
	for _, it := range lists {
		st.writeCodeList(b, it)
	}
	b.WriteString("</MetaDataVersion>\n")
}

// writeODMEvents writes the Protocol (event order) and one StudyEventDef per event with the forms
// designated for it.
func (st *state) writeODMEvents(b *strings.Builder) {
	b.WriteString("\t<Protocol>\n")
	for i, e := range st.proj.Events {
		b.WriteString("\t\t<StudyEventRef StudyEventOID=\"Event." + odmAttr(e.UniqueName) + "\" OrderNumber=\"" + itoa(i+1) + "\" Mandatory=\"No\"/>\n")
	}
	b.WriteString("\t</Protocol>\n")
	arms := map[int]string{}
	for _, a := range st.proj.Arms {
		arms[a.Num] = a.Name
	}
	for _, e := range st.proj.Events {
		repeating := "No"
		if st.repeatingEvent(e.UniqueName) {
			repeating = "Yes"
		}
		b.WriteString("\t<StudyEventDef OID=\"Event." + odmAttr(e.UniqueName) + "\" Name=\"" + odmAttr(e.Name+" (Arm "+itoa(e.Arm)+": "+arms[e.Arm]+")") +
			"\" Type=\"Common\" Repeating=\"" + repeating + "\" redcap:EventName=\"" + odmAttr(e.Name) + "\" redcap:CustomEventLabel=\"" + odmAttr(e.CustomLabel) +
			"\" redcap:UniqueEventName=\"" + odmAttr(e.UniqueName) + "\" redcap:ArmNum=\"" + itoa(e.Arm) + "\" redcap:ArmName=\"" + odmAttr(arms[e.Arm]) +
			"\" redcap:DayOffset=\"" + odmNumber(e.DayOffset) + "\" redcap:OffsetMin=\"" + odmNumber(e.OffsetMin) + "\" redcap:OffsetMax=\"" + odmNumber(e.OffsetMax) + "\">\n")
		n := 0
		for _, f := range st.sch.forms {
			if st.mapped(e.UniqueName, f) {
				n++
				b.WriteString("\t\t<FormRef FormOID=\"Form." + odmAttr(f) + "\" OrderNumber=\"" + itoa(n) + "\" Mandatory=\"No\" redcap:FormName=\"" + odmAttr(f) + "\"/>\n")
			}
		}
		b.WriteString("\t</StudyEventDef>\n")
	}
}

// odmNumber writes a scheduling offset as PHP prints a number: no decimals when whole.
func odmNumber(f float64) string { return numf(f).s }

// odmGroup is one ItemGroupDef: its OID, name and items.
type odmGroup struct {
	oid, name string
	items     []odmItem
}

// odmItem is one ItemDef: an export column of a field (a checkbox has one per choice), a form
// status, or one of REDCap's survey columns.
type odmItem struct {
	oid, variable string
	field         *dictionary.Field // nil for form status and survey columns
	form          string
	codes         bool // has a CodeList
}

// odmMetaGroups splits each form's items into REDCap's item groups: the form's first field
// starts a group, a field with a section header starts one named for the header, and the field
// after it starts the next (named for the form, or unnamed when it is a checkbox). The form
// status is a group of its own. With survey fields, the survey identifier joins the record ID
// and each survey form's timestamp comes first in its form; with data access groups, the group
// column joins the record ID.
func (st *state) odmMetaGroups(survey, dag bool) map[string][]odmGroup {
	out := map[string][]odmGroup{}
	for _, f := range st.proj.Forms {
		var groups []odmGroup
		startNew, first := true, true
		isSurvey := survey && st.isSurveyForm(f.Name)
		for _, fl := range f.Fields {
			if startNew || fl.SectionHeader != "" {
				name := st.formLabelOf(f)
				switch {
				case fl.SectionHeader != "":
					name = fl.SectionHeader
				case fl.Type == dictionary.TypeCheckbox:
					name = ""
				}
				oid := f.Name + "." + odmFirstColumn(fl)
				if first && isSurvey {
					oid = f.Name + "." + f.Name + "_timestamp"
				}
				groups = append(groups, odmGroup{oid: oid, name: name})
			}
			g := &groups[len(groups)-1]
			if first && isSurvey {
				g.items = append(g.items, odmItem{oid: f.Name + "_timestamp", variable: f.Name + "_timestamp", form: f.Name})
			}
			first = false
			g.items = append(g.items, st.odmItemsOf(fl)...)
			if dag && fl.Name == st.sch.recordID {
				g.items = append(g.items, odmItem{oid: "redcap_data_access_group", variable: "redcap_data_access_group", form: f.Name})
			}
			if survey && fl.Name == st.sch.recordID {
				g.items = append(g.items, odmItem{oid: "redcap_survey_identifier", variable: "redcap_survey_identifier", form: f.Name})
			}
			startNew = fl.SectionHeader != ""
		}
		status := f.Name + "_complete"
		groups = append(groups, odmGroup{oid: f.Name + "." + status, name: "Form Status",
			items: []odmItem{{oid: status, variable: status, form: f.Name, codes: true}}})
		out[f.Name] = groups
	}
	return out
}

// isSurveyForm reports whether the form is survey-enabled.
func (st *state) isSurveyForm(form string) bool {
	for _, f := range st.surveyForms {
		if f == form {
			return true
		}
	}
	return false
}

// odmFirstColumn is the name of a field's first item: the field, or its first checkbox column.
func odmFirstColumn(fl *dictionary.Field) string {
	if fl.Type == dictionary.TypeCheckbox && len(fl.Choices) > 0 {
		return dictionary.CheckboxColumn(fl.Name, fl.Choices[0].Code)
	}
	return fl.Name
}

// odmItemsOf lists a field's items.
func (st *state) odmItemsOf(fl *dictionary.Field) []odmItem {
	switch fl.Type {
	case dictionary.TypeCheckbox:
		var out []odmItem
		for _, c := range fl.Choices {
			out = append(out, odmItem{oid: dictionary.CheckboxColumn(fl.Name, c.Code), variable: fl.Name, field: fl, form: fl.Form, codes: true})
		}
		return out
	case dictionary.TypeRadio, dictionary.TypeDropdown, dictionary.TypeYesNo, dictionary.TypeTrueFalse:
		return []odmItem{{oid: fl.Name, variable: fl.Name, field: fl, form: fl.Form, codes: true}}
	}
	return []odmItem{{oid: fl.Name, variable: fl.Name, field: fl, form: fl.Form}}
}
