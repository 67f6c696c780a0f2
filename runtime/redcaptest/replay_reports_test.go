package redcaptest

// captureReports are the reports the capture inserted into REDCap's database right before the
// first report export of each project, with the ids REDCap gave them.
var captureReports = map[string][]Report{
	"report_classic": {
		{ID: 42, Title: "A: demographics with race", Fields: []string{"record_id", "first_name", "dob", "sex", "race"}},
		{ID: 43, Title: "B: men, body and visit", Fields: []string{"sex", "height_cm", "weight_kg", "bmi", "visit_date", "smoker", "comments"},
			Logic: "[sex] = '1'", Sort: []ReportSort{{Field: "height_cm", Descending: true}}, OutputDAGs: true},
		{ID: 44, Title: "C: tall or white (simple filter)", Fields: []string{"record_id", "first_name", "height_cm", "race"},
			Filters: []ReportFilter{{Field: "height_cm", Operator: "GTE", Value: "175"}, {Field: "race", Operator: "CHECKED", Value: "1", Or: true}}},
		{ID: 45, Title: "D: combined checkboxes, line breaks kept", Fields: []string{"record_id", "race", "comments"},
			CombineCheckboxes: true, KeepLineBreaks: true},
	},
	"report_long": {
		{ID: 46, Title: "E: follow-up visits", Fields: []string{"record_id", "visit_date", "smoker", "cigs_per_day"},
			Events: []string{"follow_up_arm_1"}, RecordLevel: true},
		{ID: 47, Title: "F: all events", Fields: []string{"record_id", "first_name", "sex", "visit_date", "smoker"}, RecordLevel: true},
		{ID: 48, Title: "G: smokers, record level", Fields: []string{"record_id", "first_name", "visit_date", "smoker", "cigs_per_day"},
			Logic: "[smoker] = '1'", RecordLevel: true},
		{ID: 49, Title: "H: smokers, event level", Fields: []string{"record_id", "first_name", "visit_date", "smoker", "cigs_per_day"},
			Logic: "[smoker] = '1'"},
	},
}

// captureTitles are the titles the two report projects were created with (the creation call is
// not in the file); ODM answers show them.
var captureTitles = map[string]string{"report_classic": "cap-report-classic-153308", "report_long": "cap-report-long-153308"}

func init() {
	replayArea("reports.jsonl", true, map[string]gap{})
	for case_, project := range map[string]string{"report_A_json": "report_classic", "report_E_json": "report_long"} {
		captureChanges["reports.jsonl:"+case_] = func(s *Server) {
			for _, r := range captureReports[project] {
				if err := s.AddReport(r); err != nil {
					panic(err) // a broken fixture: the replay cannot go on
				}
			}
			s.mu.Lock()
			s.st.title = captureTitles[project]
			s.mu.Unlock()
		}
	}
}
