package redcaptest

import (
	"net/http"
	"slices"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// metadataKeys are the 18 columns of the data dictionary in REDCap's order.
var metadataKeys = []string{
	"field_name", "form_name", "section_header", "field_type", "field_label",
	"select_choices_or_calculations", "field_note", "text_validation_type_or_show_slider_number",
	"text_validation_min", "text_validation_max", "identifier", "branching_logic", "required_field",
	"custom_alignment", "question_number", "matrix_group_name", "matrix_ranking", "field_annotation",
}

// metadataRow renders a field as its 18 dictionary values.
func metadataRow(f *dictionary.Field) []cell {
	yes := func(b bool) cell {
		if b {
			return str("y")
		}
		return str("")
	}
	return []cell{
		str(f.Name), str(f.Form), str(f.SectionHeader), str(string(f.Type)), str(f.Label),
		str(f.ChoicesRaw), str(f.Note), str(f.Validation), str(f.Min), str(f.Max),
		yes(f.Identifier), str(f.Branching), yes(f.Required), str(f.Alignment),
		str(f.QuestionNumber), str(f.MatrixGroup), yes(f.MatrixRanking), str(f.Annotation),
	}
}

// exportMetadata answers content=metadata: the dictionary, optionally limited by fields[] and
// forms[] (unknown names are ignored).
func (st *state) exportMetadata(p params) answer {
	format := p.dataFormat()
	fields, forms := p.list("fields"), p.list("forms")
	t := table{cols: metadataKeys}
	for _, f := range st.proj.Forms {
		for _, fl := range f.Fields {
			if (len(fields) > 0 || len(forms) > 0) && !slices.Contains(fields, fl.Name) && !slices.Contains(forms, f.Name) {
				continue
			}
			t.add(metadataRow(fl)...)
		}
	}
	if len(t.rows) == 0 && format == "json" {
		return okAnswer(format, "[]")
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "records", trailerNL: true}, csvStyle{trailerNL: true}))
}

// exportInstruments answers content=instrument.
func (st *state) exportInstruments(p params) answer {
	format := p.dataFormat()
	t := table{cols: []string{"instrument_name", "instrument_label"}}
	for _, f := range st.proj.Forms {
		t.add(str(f.Name), str(st.formLabelOf(f)))
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "instruments", trailerNL: true}, csvStyle{trailerNL: true, always: map[string]bool{"instrument_label": true}}))
}

// formLabelOf is the form's label, or REDCap's default made from its name ("my_form" -> "My Form").
func (st *state) formLabelOf(f *dictionary.Form) string {
	if f.Label != "" {
		return f.Label
	}
	words := strings.Split(f.Name, "_")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// exportFieldNames answers content=exportFieldNames: one row per export column of every data
// field except file fields, and each form's status field.
func (st *state) exportFieldNames(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	only := p.get("field")
	if len(st.sch.fields) == 0 {
		return errorAnswer(http.StatusBadRequest, ef, "An unknown error occurred")
	}
	if only != "" && st.sch.byName[only] == nil && !st.isFormComplete(only) {
		return errorAnswer(http.StatusBadRequest, ef, "Invalid field")
	}
	t := table{cols: []string{"original_field_name", "choice_value", "export_field_name"}}
	for _, f := range st.proj.Forms {
		for _, fl := range f.Fields {
			if st.sch.byName[fl.Name] == nil || fl.Type == dictionary.TypeFile || (only != "" && only != fl.Name) {
				continue
			}
			for _, c := range st.exportColumnsOf(st.sch, fl) {
				t.add(str(fl.Name), str(c.code), str(c.name))
			}
		}
		if only == "" || only == f.Name+"_complete" {
			t.add(str(f.Name+"_complete"), str(""), str(f.Name+"_complete"))
		}
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "fields", item: "field", emptyCDATA: true}, csvStyle{trailerNL: true}))
}

// projectInfoKeys are the keys of content=project, in REDCap's order.
var projectInfoKeys = []string{
	"project_id", "project_title", "creation_time", "production_time", "in_production",
	"project_language", "purpose", "purpose_other", "project_notes", "custom_record_label",
	"secondary_unique_field", "is_longitudinal", "has_repeating_instruments_or_events",
	"surveys_enabled", "scheduling_enabled", "record_autonumbering_enabled",
	"randomization_enabled", "ddp_enabled", "project_irb_number", "project_grant_number",
	"project_pi_firstname", "project_pi_lastname", "display_today_now_button",
	"missing_data_codes", "external_modules", "bypass_branching_erase_field_prompt",
}

// projectInfo answers content=project.
func (st *state) projectInfo(p params) answer {
	format := p.dataFormat()
	b01 := func(b bool) cell {
		if b {
			return num(1)
		}
		return num(0)
	}
	codes := make([]string, len(st.proj.MissingCodes))
	for i, m := range st.proj.MissingCodes {
		codes[i] = m.Code + ", " + m.Label
	}
	row := []cell{
		num(st.projectID), str(st.title), str(st.created), str(st.productionTime), b01(st.productionTime != ""),
		str(st.setting("project_language", "English")), st.numSetting("purpose", 0), str(st.setting("purpose_other", "")), str(st.setting("project_notes", "")), str(st.setting("custom_record_label", st.proj.CustomRecordLabel)),
		str(st.proj.SecondaryUniqueField), b01(st.longitudinal()), b01(st.hasRepeating()),
		b01(len(st.surveyForms) > 0), b01(st.proj.SchedulingEnabled), b01(st.autoNumbering()),
		num(0), num(0), str(st.setting("project_irb_number", "")), str(st.setting("project_grant_number", "")),
		str(st.setting("project_pi_firstname", "")), str(st.setting("project_pi_lastname", "")), st.numSetting("display_today_now_button", 1),
		str(strings.Join(codes, " | ")), str(""), num(0),
	}
	t := table{cols: projectInfoKeys, rows: [][]cell{row}}
	switch format {
	case "json":
		var b strings.Builder
		writeJSONObject(&b, t.cols, row)
		return okAnswer(format, b.String())
	case "csv":
		return okAnswer(format, t.render(format, xmlStyle{}, csvStyle{trailerNL: true}))
	}
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<items>\n")
	for i, k := range t.cols {
		b.WriteString("<" + k + ">")
		if row[i].s != "" {
			b.WriteString("<![CDATA[" + row[i].s + "]]>")
		}
		b.WriteString("</" + k + ">")
	}
	b.WriteString("\n</items>\n")
	return okAnswer(format, b.String())
}
