package dictionary

import (
	"encoding/xml"
	"strings"
)

// odmRole is one <redcap:UserRoles .../>: the role's settings as attributes named after REDCap's
// database columns.
type odmRole struct {
	Attrs []xml.Attr `xml:",any,attr"`
}

// roleRightNames maps the project XML's attribute names of role rights to the API's names, in
// the order the API lists them.
var roleRightNames = []struct{ xml, api string }{
	{"design", "design"},
	{"alerts", "alerts"},
	{"user_rights", "user_rights"},
	{"data_access_groups", "data_access_groups"},
	{"reports", "reports"},
	{"graphical", "stats_and_charts"},
	{"participants", "manage_survey_participants"},
	{"calendar", "calendar"},
	{"data_import_tool", "data_import_tool"},
	{"data_comparison_tool", "data_comparison_tool"},
	{"data_logging", "logging"},
	{"email_logging", "email_logging"},
	{"file_repository", "file_repository"},
	{"data_quality_design", "data_quality_create"},
	{"data_quality_execute", "data_quality_execute"},
	{"api_export", "api_export"},
	{"api_import", "api_import"},
	{"api_modules", "api_modules"},
	{"mobile_app", "mobile_app"},
	{"mobile_app_download_data", "mobile_app_download_data"},
	{"record_create", "record_create"},
	{"record_rename", "record_rename"},
	{"record_delete", "record_delete"},
	{"lock_record_customize", "lock_records_customization"},
	{"lock_record", "lock_records"},
	{"lock_record_multiform", "lock_records_all_forms"},
}

// RoleRightNames lists the API names of a role's project-level rights, in the API's order.
func RoleRightNames() []string {
	out := make([]string, len(roleRightNames))
	for i, n := range roleRightNames {
		out[i] = n.api
	}
	return out
}

// odmRoles reads the user roles of a project XML. Rights the XML leaves out are "0"; forms the
// data_entry list leaves out have no access ("0"); without a data_export_instruments list every
// form has the role's data_export_tool right.
func odmRoles(p *Project, roles []odmRole) []Role {
	var out []Role
	for _, r := range roles {
		attrs := map[string]string{}
		for _, a := range r.Attrs {
			attrs[a.Name.Local] = a.Value
		}
		role := Role{UniqueName: attrs["unique_role_name"], Label: attrs["role_name"], Rights: map[string]string{}}
		for _, n := range roleRightNames {
			v := strings.TrimSpace(attrs[n.xml])
			if v == "" {
				v = "0"
			}
			role.Rights[n.api] = v
		}
		entry := bracketRights(attrs["data_entry"])
		export, hasExport := bracketRights(attrs["data_export_instruments"]), attrs["data_export_instruments"] != ""
		exportAll := strings.TrimSpace(attrs["data_export_tool"])
		if exportAll == "" {
			exportAll = "0"
		}
		for _, f := range p.Forms {
			role.Forms = append(role.Forms, FormRight{Form: f.Name, Right: valueOr(entry[f.Name], "0")})
			x := exportAll
			if hasExport {
				x = valueOr(export[f.Name], "0")
			}
			role.FormsExport = append(role.FormsExport, FormRight{Form: f.Name, Right: x})
		}
		out = append(out, role)
	}
	return out
}

// bracketRights reads REDCap's "[form,right][form,right]" lists.
func bracketRights(s string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(s, "[") {
		part = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part), "]"))
		form, right, ok := strings.Cut(part, ",")
		if ok {
			out[strings.TrimSpace(form)] = strings.TrimSpace(right)
		}
	}
	return out
}

// valueOr returns s, or def when s is empty.
func valueOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
