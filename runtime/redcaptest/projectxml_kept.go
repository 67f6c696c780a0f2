package redcaptest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"regexp"
	"strings"
)

// xmlAttr is one attribute of a kept project XML element, in the file's order.
type xmlAttr struct{ name, value string }

// xmlKept is what a project XML holds beyond the dictionary and design the fake models: project
// settings, user roles, surveys and the survey queue. REDCap keeps them when it creates a project
// from the file, and its project XML export writes them back.
type xmlKept struct {
	settings map[string]string // GlobalVariables settings by local name
	roles    [][]xmlAttr       // redcap:UserRoles
	surveys  [][]xmlAttr       // redcap:Surveys
	queue    [][]xmlAttr       // redcap:SurveysQueue
}

// WithProjectXML keeps what the project XML data (the file the Project was read from) holds
// beyond the Project: its project settings, user roles, surveys and survey queue, as REDCap
// keeps them when it creates a project from the file. content=project_xml writes them back.
// Data that is not a project XML keeps nothing.
func WithProjectXML(data []byte) Option {
	return func(c *config) { c.projectXML = readXMLKept(data) }
}

// readXMLKept reads the kept parts of GlobalVariables; malformed XML keeps what was read so far.
func readXMLKept(data []byte) xmlKept {
	k := xmlKept{settings: map[string]string{}}
	k.roles = rawElements(data, "UserRoles")
	k.surveys = rawElements(data, "Surveys")
	k.queue = rawElements(data, "SurveysQueue")
	dec := xml.NewDecoder(bytes.NewReader(data))
	depth, inGlobals := 0, false
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) || err != nil {
			return k
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if t.Name.Local == "GlobalVariables" {
				inGlobals, depth = true, 0
				continue
			}
			if !inGlobals {
				continue
			}
			text.Reset()
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if !inGlobals {
				depth--
				continue
			}
			if t.Name.Local == "GlobalVariables" {
				return k
			}
			if depth == 1 {
				k.settings[t.Name.Local] = text.String()
			}
			depth--
			text.Reset()
		}
	}
}

// rawAttr matches one attribute of an element's start tag whose name is an XML name (a letter,
// "_" or ":" first): anything else is not an attribute REDCap wrote, and writing it back would
// break the export.
var rawAttr = regexp.MustCompile(`(?:^|\s)([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"`)

// rawElements reads the attributes of every <redcap:name .../> element from the text itself: an
// XML parser would turn the CRLF line breaks inside values into LF, and REDCap keeps them.
func rawElements(data []byte, name string) [][]xmlAttr {
	re := regexp.MustCompile(`<redcap:` + name + `(\s[^>]*?)?/?>`)
	var out [][]xmlAttr
	for _, m := range re.FindAllSubmatch(data, -1) {
		var attrs []xmlAttr
		for _, a := range rawAttr.FindAllSubmatch(m[1], -1) {
			attrs = append(attrs, xmlAttr{name: string(a[1]), value: html.UnescapeString(string(a[2]))})
		}
		out = append(out, attrs)
	}
	return out
}

// odmRoleAttrs are the attributes REDCap 15.7.6 writes for a user role, in its order.
var odmRoleAttrs = strings.Fields(`role_name unique_role_name lock_record lock_record_multiform
	lock_record_customize data_export_tool data_export_instruments data_import_tool
	data_comparison_tool data_logging email_logging file_repository double_data user_rights
	data_access_groups graphical reports design alerts calendar data_entry api_export api_import
	api_modules mobile_app mobile_app_download_data record_create record_rename record_delete dts
	participants data_quality_design data_quality_execute data_quality_resolution random_setup
	random_dashboard random_perform realtime_webservice_mapping realtime_webservice_adjudicate
	external_module_config mycap_participants`)

// roleDefaults fills what a role from an older project XML lacks: rights it did not know are 0,
// and a project-wide data_export_tool right becomes that export right on every form.
func (st *state) roleDefaults(have map[string]string) map[string]string {
	out := map[string]string{}
	for _, n := range odmRoleAttrs {
		out[n] = "0"
	}
	out["external_module_config"] = ""
	for n, v := range have {
		out[n] = v
	}
	if _, ok := have["data_export_instruments"]; !ok {
		if right := have["data_export_tool"]; right != "" {
			var b strings.Builder
			for _, f := range st.sch.forms {
				b.WriteString("[" + f + "," + right + "]")
			}
			out["data_export_instruments"] = b.String()
		}
		out["data_export_tool"] = ""
	}
	return out
}

// odmSurveyAttrs are the attributes REDCap 15.7.6 writes for a survey, in its order.
var odmSurveyAttrs = strings.Fields(`form_name title instructions offline_instructions acknowledgement
	stop_action_acknowledgement stop_action_delete_response question_by_section display_page_number
	question_auto_numbering survey_enabled save_and_return save_and_return_code_bypass logo
	hide_title view_results min_responses_view_results check_diversity_view_results
	end_survey_redirect_url survey_expiration promis_skip_question survey_auth_enabled_single
	edit_completed_response hide_back_button show_required_field_text confirmation_email_subject
	confirmation_email_content confirmation_email_from confirmation_email_from_display
	confirmation_email_attach_pdf confirmation_email_attachment text_to_speech
	text_to_speech_language end_survey_redirect_next_survey end_survey_redirect_next_survey_logic
	theme text_size font_family custom_css theme_text_buttons theme_bg_page theme_text_title
	theme_bg_title theme_text_sectionheader theme_bg_sectionheader theme_text_question
	theme_bg_question enhanced_choices repeat_survey_enabled repeat_survey_btn_text
	repeat_survey_btn_location response_limit response_limit_include_partials
	response_limit_custom_text survey_time_limit_days survey_time_limit_hours
	survey_time_limit_minutes email_participant_field end_of_survey_pdf_download pdf_save_to_field
	pdf_save_to_event_id pdf_save_translated pdf_auto_archive pdf_econsent_version
	pdf_econsent_type pdf_econsent_firstname_field pdf_econsent_firstname_event_id
	pdf_econsent_lastname_field pdf_econsent_lastname_event_id pdf_econsent_dob_field
	pdf_econsent_dob_event_id pdf_econsent_allow_edit pdf_econsent_signature_field1
	pdf_econsent_signature_field2 pdf_econsent_signature_field3 pdf_econsent_signature_field4
	pdf_econsent_signature_field5 survey_width_percent survey_show_font_resize
	survey_btn_text_prev_page survey_btn_text_next_page survey_btn_text_submit
	survey_btn_hide_submit survey_btn_hide_submit_logic`)
