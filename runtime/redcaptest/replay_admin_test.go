package redcaptest

// whyHiddenEvent explains the two cases where is_longitudinal=1 is set on a classic project made
// from a project XML.
const whyHiddenEvent = "REDCap keeps a hidden event in a classic project, which is_longitudinal=1 lists (blank custom label) while the project export still says is_longitudinal 0; the fake has no hidden event: the flag creates \"Event 1\" with a null label (as for a project created empty through the API) and the project becomes longitudinal"

func init() {
	replayArea("admin.jsonl", true, map[string]gap{
		"project_export_after_longitudinal_flag": {whyHiddenEvent, true},
		"event_export_after_longitudinal_flag":   {whyHiddenEvent, true},
	})
	// The capture gave site_admin a DAG Switcher assignment (test_dag or no DAG) in REDCap's web
	// interface right before this case.
	captureChanges["admin.jsonl:dag_switch_assigned_dag"] = func(s *Server) { s.AllowDAGSwitch(TokenUser, "", "test_dag") }
}
