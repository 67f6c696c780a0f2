package redcaptest

func init() {
	replayArea("files.jsonl", true, map[string]gap{})
	// The capture set the project's File Upload field limit to 1 MB in the database before this
	// case and removed it right after.
	captureChanges["files.jsonl:file_import_too_large_project_limit"] = func(s *Server) { s.SetFileFieldLimit(1) }
	captureChanges["files.jsonl:file_import_medium_after_limit_removed"] = func(s *Server) { s.SetFileFieldLimit(0) }
}
