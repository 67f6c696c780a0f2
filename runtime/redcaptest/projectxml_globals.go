package redcaptest

import (
	"encoding/base64"
	"slices"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// odmSetting is one project setting of GlobalVariables with REDCap's default for a new project.
type odmSetting struct{ name, def string }

// odmSettings are the simple settings REDCap 15.7.6 writes in GlobalVariables, in its order.
// Those the fake models (auto-numbering, custom record label, secondary unique field,
// scheduling, surveys, missing-data codes) come from the project; the others keep the value of
// the project XML the project was created from, else REDCap's default.
var odmSettings = []odmSetting{
	{"RecordAutonumberingEnabled", ""}, {"CustomRecordLabel", ""}, {"SecondaryUniqueField", ""},
	{"SecondaryUniqueFieldDisplayValue", "1"}, {"SecondaryUniqueFieldDisplayLabel", "1"},
	{"SchedulingEnabled", ""}, {"SurveysEnabled", ""}, {"SurveyInvitationEmailField", ""},
	{"RandomizationEnabled", "0"}, {"DisplayTodayNowButton", "1"}, {"PreventBranchingEraseValues", "0"},
	{"RequireChangeReason", "0"}, {"DataHistoryPopup", "1"}, {"OrderRecordsByField", ""},
	{"taskCompleteStatus", "0"}, {"DataResolutionWorkflowEnabled", "1"}, {"FieldCommentLogOptionEditDelete", "1"},
	{"DataResolutionWorkflowHideClosedQueries", "1"}, {"MyCapEnabled", "0"}, {"Purpose", "0"},
	{"PurposeOther", ""}, {"ProjectNotes", ""}, {"SurveyQueueCustomText", ""}, {"SurveyQueueHide", "0"},
	{"SurveyAuthEnabled", "0"}, {"SurveyAuthField1", ""}, {"SurveyAuthEvent1", ""}, {"SurveyAuthField2", ""},
	{"SurveyAuthEvent2", ""}, {"SurveyAuthField3", ""}, {"SurveyAuthEvent3", ""}, {"SurveyAuthMinFields", ""},
	{"SurveyAuthApplyAllSurveys", "1"}, {"SurveyAuthCustomMessage", ""}, {"SurveyAuthFailLimit", ""},
	{"SurveyAuthFailWindow", ""}, {"DataMartProjectEnabled", "0"}, {"DatamartAllowRepeatRevision", "0"},
	{"DatamartAllowCreateRevision", "0"}, {"DatamartCronEnabled", "0"}, {"HideFilledForms", "1"},
	{"HideDisabledForms", "0"}, {"MissingDataCodes", ""}, {"ProtectedEmailMode", "0"},
	{"ProtectedEmailModeCustomText", ""}, {"ProtectedEmailModeTrigger", "ALL"}, {"ProtectedEmailModeLogo", ""},
}

// writeGlobalVariables writes <GlobalVariables>: title, settings, repeating instruments and
// events, surveys, DAGs, user roles and REDCap's fixed MyCap and multi-language groups.
func (st *state) writeGlobalVariables(b *strings.Builder) {
	title := odmAttr(st.title)
	b.WriteString("<GlobalVariables>\n")
	b.WriteString("\t<StudyName>" + title + "</StudyName>\n")
	b.WriteString("\t<StudyDescription>This file contains the metadata, events, and data for REDCap project \"" + title + "\".</StudyDescription>\n")
	b.WriteString("\t<ProtocolName>" + title + "</ProtocolName>\n")
	kept := st.xmlKept
	for _, s := range odmSettings {
		v, ok := st.odmModelledSetting(s.name)
		if !ok {
			v = s.def
			if kv, found := kept.settings[s.name]; found {
				v = kv
			}
		}
		b.WriteString("\t<redcap:" + s.name + ">" + odmAttr(v) + "</redcap:" + s.name + ">\n")
	}
	st.writeODMRepeating(b)
	writeODMGroup(b, "SurveysGroup", "Surveys", normalised(st.odmSurveys(), odmSurveyAttrs, surveySettingsText))
	writeODMGroup(b, "SurveysQueueGroup", "SurveysQueue", kept.queue)
	if len(st.proj.DAGs) > 0 {
		b.WriteString("\t<redcap:DataAccessGroupsGroup>\n")
		for _, d := range st.proj.DAGs {
			b.WriteString("\t\t<redcap:DataAccessGroups group_name=\"" + odmAttr(d.Name) + "\"/>\n")
		}
		b.WriteString("\t</redcap:DataAccessGroupsGroup>\n")
	}
	roles := normalised(kept.roles, odmRoleAttrs, st.roleDefaults)
	writeODMGroup(b, "UserRolesGroup", "UserRoles", roles)
	writeODMGroup(b, "UserRoles2Group", "UserRoles2", roles)
	mycap := "<redcap:MycapProjects/>"
	if st.longitudinal() {
		mycap = `<redcap:MycapProjects baseline_date_field=""/>`
	}
	b.WriteString("\t<redcap:MycapProjectsGroup>\n\t\t" + mycap + "\n\t</redcap:MycapProjectsGroup>\n")
	b.WriteString("\t<redcap:MycapThemesGroup>\n\t\t<redcap:MycapThemes/>\n\t</redcap:MycapThemesGroup>\n")
	b.WriteString("\t<redcap:MultilanguageSettingsGroup>\n\t\t<redcap:MultilanguageSettings settings=\"" + st.multilanguageSettings() + "\"/>\n\t</redcap:MultilanguageSettingsGroup>\n")
	b.WriteString("</GlobalVariables>\n")
}

// odmModelledSetting is the value of a setting the fake models, from the project.
func (st *state) odmModelledSetting(name string) (string, bool) {
	switch name {
	case "RecordAutonumberingEnabled":
		// Only a project XML says; the fake numbers records automatically otherwise.
		return b01s(st.proj.AutoNumbering || st.proj.Format != dictionary.FormatProjectXML), true
	case "CustomRecordLabel":
		return st.proj.CustomRecordLabel, true
	case "SecondaryUniqueField":
		return st.proj.SecondaryUniqueField, true
	case "SchedulingEnabled":
		return b01s(st.proj.SchedulingEnabled), true
	case "SurveysEnabled":
		return b01s(len(st.surveyForms) > 0), true
	case "MissingDataCodes":
		lines := make([]string, len(st.proj.MissingCodes))
		for i, m := range st.proj.MissingCodes {
			lines[i] = m.Code + ", " + m.Label
		}
		return strings.Join(lines, "\n"), true
	}
	return "", false
}

// odmSurveys are the surveys of the project: the survey settings kept from its project XML, and
// for a survey form without any, its name, its label as title and survey_enabled 1.
func (st *state) odmSurveys() [][]xmlAttr {
	var out [][]xmlAttr
	for _, form := range st.surveyForms {
		found := false
		for _, attrs := range st.xmlKept.surveys {
			if slices.Contains(attrs, xmlAttr{"form_name", form}) {
				out, found = append(out, attrs), true
			}
		}
		if !found {
			title := form
			if i := st.formIndex(form); i >= 0 {
				title = st.formLabelOf(st.proj.Forms[i])
			}
			out = append(out, []xmlAttr{{"form_name", form}, {"title", title}, {"survey_enabled", "1"}})
		}
	}
	return out
}

// surveySettingsText is a survey's settings as REDCap stores them: line breaks in its texts become CRLF.
func surveySettingsText(have map[string]string) map[string]string {
	for k, v := range have {
		have[k] = strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\n", "\r\n")
	}
	return have
}

func b01s(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// writeODMRepeating writes the repeating events, then one RepeatingInstruments element per event
// with the forms that repeat in it (a classic project's forms are in its one hidden event).
func (st *state) writeODMRepeating(b *strings.Builder) {
	if len(st.proj.Repeating) == 0 {
		return
	}
	b.WriteString("\t<redcap:RepeatingInstrumentsAndEvents>\n")
	var events []string
	byEvent := map[string][]string{}
	for _, r := range st.proj.Repeating {
		ev := r.Event
		if ev == "" {
			ev = "event_1_arm_1"
		}
		if r.Form == "" {
			b.WriteString("\t\t<redcap:RepeatingEvent redcap:UniqueEventName=\"" + odmAttr(ev) + "\"/>\n")
			continue
		}
		if _, seen := byEvent[ev]; !seen {
			events = append(events, ev)
		}
		byEvent[ev] = append(byEvent[ev], "\t\t\t<redcap:RepeatingInstrument redcap:UniqueEventName=\""+odmAttr(ev)+"\" redcap:RepeatInstrument=\""+odmAttr(r.Form)+"\" redcap:CustomLabel=\""+odmAttr(r.CustomLabel)+"\"/>\n")
	}
	for _, ev := range events {
		b.WriteString("\t\t<redcap:RepeatingInstruments>\n")
		for _, line := range byEvent[ev] {
			b.WriteString(line)
		}
		b.WriteString("\t\t</redcap:RepeatingInstruments>\n")
	}
	b.WriteString("\t</redcap:RepeatingInstrumentsAndEvents>\n")
}

// writeODMGroup writes <redcap:group> with one <redcap:elem .../> per element, nothing when empty.
func writeODMGroup(b *strings.Builder, group, elem string, elems [][]xmlAttr) {
	if len(elems) == 0 {
		return
	}
	b.WriteString("\t<redcap:" + group + ">\n")
	for _, attrs := range elems {
		b.WriteString("\t\t<redcap:" + elem)
		for _, a := range attrs {
			b.WriteString(" " + a.name + "=\"" + odmAttr(a.value) + "\"")
		}
		b.WriteString("/>\n")
	}
	b.WriteString("\t</redcap:" + group + ">\n")
}

// normalised rewrites kept elements with REDCap's attribute list: known attributes in its order,
// missing ones from defaults (or blank), unknown ones dropped.
func normalised(elems [][]xmlAttr, names []string, defaults func(map[string]string) map[string]string) [][]xmlAttr {
	var out [][]xmlAttr
	for _, attrs := range elems {
		have := map[string]string{}
		for _, a := range attrs {
			have[a.name] = a.value
		}
		if defaults != nil {
			have = defaults(have)
		}
		row := make([]xmlAttr, len(names))
		for i, n := range names {
			row[i] = xmlAttr{name: n, value: have[n]}
		}
		out = append(out, row)
	}
	return out
}

// multilanguageSettings is REDCap's serialized multi-language settings of a project without
// languages, base64-encoded: they hold the project ID and status.
func (st *state) multilanguageSettings() string {
	id := itoa(st.projectID)
	status := "dev"
	if st.productionTime != "" {
		status = "prod"
	}
	php := func(s string) string { return "s:" + itoa(len(s)) + ":\"" + s + "\";" }
	var b strings.Builder
	b.WriteString("a:23:{" + php("version") + php("15.7.6") + php("langs") + "a:0:{}" + php("projectId") + php(id) +
		php("designatedField") + php("") + php("status") + php(status))
	for _, k := range []string{"debug", "admin-enabled", "admin-disabled", "allow-from-file", "allow-from-scratch", "optional-subscription", "allow-ui-overrides"} {
		b.WriteString(php(k) + "b:0;")
	}
	b.WriteString(php("refLang") + php("") + php("fallbackLang") + php(""))
	for _, k := range []string{"disabled", "highlightMissingDataentry", "highlightMissingSurvey", "autoDetectBrowserLang"} {
		b.WriteString(php(k) + "b:0;")
	}
	for _, k := range []string{"alertSources", "asiSources", "excludedAlerts", "excludedFields", "excludedSettings"} {
		b.WriteString(php(k) + "a:0:{}")
	}
	b.WriteString("}")
	return base64.StdEncoding.EncodeToString([]byte(b.String()))
}
