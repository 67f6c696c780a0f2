package redcaptest

func init() {
	replayArea("admin.jsonl", true, nil)
	// The capture gave site_admin a DAG Switcher assignment (test_dag or no DAG) in REDCap's web
	// interface right before this case.
	captureChanges["admin.jsonl:dag_switch_assigned_dag"] = func(s *Server) { s.AllowDAGSwitch(TokenUser, "", "test_dag") }
}
