package redcaptest

import "time"

// The logging vectors: both projects start new and empty. Their history was made one minute at
// a time (server clock UTC), and the time windows of the requests refer to it, so the replay moves
// the fake's clock to the time of each call before sending it.
func init() {
	replayArea("logging.jsonl", true, map[string]gap{})
	// The log is modelled now, but these two answers list the history of the capture's classic
	// project of errors.jsonl (other users' edits, calls of earlier sessions), which that replay
	// does not rebuild.
	for _, name := range []string{"errors.jsonl:other_content_log", "errors.jsonl:other_log_export_record_filter"} {
		unmodelled[name] = gap{"the log lists the capture project's whole history, which errors.jsonl does not replay; logging.jsonl checks the log", true}
	}
	at := func(hhmmss string) time.Time {
		t, err := time.Parse(time.DateTime, "2026-12-02 "+hhmmss)
		if err != nil {
			panic(err)
		}
		return t
	}
	for name, change := range map[string]func(*Server){
		// log_classic: created at 15:29 (project id 46, as its page-view entries show); the
		// dictionary, the DAG (id 19) and records 1-3 follow within the minute.
		"log_classic_metadata_import":       func(s *Server) { newCaptureProject(s, at("15:29:00"), 46); setCaptureClock(s, at("15:29:01")) },
		"log_classic_dag_import":            func(s *Server) { s.st.nextDAGID = 19 },
		"log_classic_update_record1":        func(s *Server) { setCaptureClock(s, at("15:30:02")) },
		"log_classic_update_record2_first":  func(s *Server) { setCaptureClock(s, at("15:30:04")) },
		"log_classic_update_record2_second": func(s *Server) { setCaptureClock(s, at("15:31:02")) },
		"log_classic_blank_record1_email":   func(s *Server) { setCaptureClock(s, at("15:31:04")) },
		// Document ids are the server's: 40 here, 42 in log_long.
		"log_classic_file_upload":        func(s *Server) { setCaptureClock(s, at("15:31:06")); s.st.nextDocID = 40 },
		"log_classic_file_download":      func(s *Server) { setCaptureClock(s, at("15:31:08")) },
		"log_classic_file_delete":        func(s *Server) { setCaptureClock(s, at("15:31:10")) },
		"log_classic_delete_record3":     func(s *Server) { setCaptureClock(s, at("15:32:02")) },
		"log_classic_import_record4_dag": func(s *Server) { setCaptureClock(s, at("15:32:04")) },
		"log_classic_export_json":        func(s *Server) { setCaptureClock(s, at("15:33:00")) },
		// log_long: made and exported within 15:33.
		"log_long_metadata_import":      func(s *Server) { newCaptureProject(s, at("15:33:00"), 0); setCaptureClock(s, at("15:33:00")) },
		"log_long_file_upload_baseline": func(s *Server) { s.st.nextDocID = 42 },
	} {
		captureChanges["logging.jsonl:"+name] = change
	}
}

// captureBaseURL is the base URL of the server the vectors were captured from.
const captureBaseURL = "http://127.0.0.1:8089/"

// newCaptureProject restarts the fake's log as the capture's project began: created at the time,
// with the capture's base URL and project id (0: no page-view case shows it), which appear in
// page-view entries.
func newCaptureProject(s *Server, created time.Time, projectID int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if projectID != 0 {
		s.st.projectID = projectID
	}
	s.st.log = newProjectLog(created)
	s.cfg.baseURL = captureBaseURL
}

// setCaptureClock stops the fake's clock at t.
func setCaptureClock(s *Server, t time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.clock = func() time.Time { return t }
}
