package redcaptest

import (
	"slices"
	"sort"
	"testing"
)

// gap is a captured case the fake does not reproduce. Cases whose request would change the fake's
// state although REDCap refused it (another user's rights) are not sent at all.
type gap struct {
	reason string
	send   bool
}

// Reasons shared by several cases.
const (
	// whyCaptureLog: a log export lists the whole history of the capture's classic project.
	whyCaptureLog = "the log holds the whole history of the capture's classic project (earlier capture sessions, calls with other users' tokens); the fixture is loaded from the capture's data, not rebuilt by replaying that history"
	// whyCaptureUsers: the classic fixture of errors.jsonl had users made in REDCap's web
	// interface (and a site_admin account with other names); the fixture has only the token's user.
	whyCaptureUsers = "the capture's project had users made in REDCap's web interface, which the fixture does not have"
)

// unmodelled lists the captured cases the fake does not reproduce, with the reason. Every other
// case of the replayed files must agree.
var unmodelled = map[string]gap{

	"errors.jsonl:other_content_user":             {whyCaptureUsers, true},
	"errors.jsonl:other_content_userDagMapping":   {whyCaptureUsers, true},
	"errors.jsonl:other_content_log":              {whyCaptureLog, true},
	"errors.jsonl:other_log_export_record_filter": {whyCaptureLog, true},
}

// captureChanges are changes the capture made outside the API (REDCap's UI, site settings) just
// before a case; the replay makes them through the fake's setters.
var captureChanges = map[string]func(*Server){
	// The classic project was moved to production in the UI.
	"errors.jsonl:production_metadata_import": func(s *Server) { s.SetProduction(true) },
	// Back in development, with the site's development record limit lowered to the project's 4
	// records (README: development_record_limit_reached).
	"errors.jsonl:development_record_limit_reached": func(s *Server) {
		s.SetProduction(false)
		s.SetRecordLimit(4)
	},
}

// userRights are the rights of the users whose tokens the capture used for some cases (README:
// extra non-admin users on the classic project); every other case runs with full rights.
var userRights = map[string]Rights{
	"errors.jsonl:record_delete_no_delete_right":                {NoDelete: true},
	"errors.jsonl:rights_noexport_record_export":                {NoAPIExport: true},
	"errors.jsonl:rights_noexport_metadata_export":              {NoAPIExport: true},
	"errors.jsonl:rights_noexport_version":                      {NoAPIExport: true},
	"errors.jsonl:rights_noexport_record_import":                {NoAPIExport: true},
	"errors.jsonl:rights_noimport_record_import":                {NoAPIImport: true},
	"errors.jsonl:rights_noimport_metadata_import":              {NoAPIImport: true},
	"errors.jsonl:rights_nodesign_metadata_import":              {NoDesign: true},
	"errors.jsonl:rights_deidentified_export":                   {Export: ExportDeIdentified},
	"errors.jsonl:rights_remove_identifiers_export":             {Export: ExportRemoveIdentifiers},
	"errors.jsonl:rights_no_form_export_right":                  {FormExport: map[string]ExportRight{"demographics": ExportNone}},
	"errors.jsonl:rights_no_form_export_right_fields_requested": {FormExport: map[string]ExportRight{"demographics": ExportNone}},
	"errors.jsonl:rights_dag_user_export":                       {DAG: "site_a"},
	"errors.jsonl:rights_dag_user_import_other_dag_record":      {DAG: "site_a"},
	"errors.jsonl:rights_dag_user_import_sets_dag":              {DAG: "site_a"},
	"errors.jsonl:rights_suspended_user":                        {Suspended: true},
	"errors.jsonl:rights_expired_user":                          {ExpiredOn: "2020-01-01"},
}

// replayFiles are the files replayed, each against fresh fixtures.
var replayFiles = []string{"metadata.jsonl", "records.jsonl", "exports.jsonl", "missingcodes.jsonl", "errors.jsonl", "duplicates.jsonl", "fidelity.jsonl"}

// fileComparators replace disagreement for the files whose answers cannot match REDCap's bytes
// everywhere (generated documents); each documents its rule where it registers.
var fileComparators = map[string]func(vector, response) string{}

// replayArea adds a conformance file to the replay: each area's test file calls it from init,
// with fresh true when the file's projects start new (empty, or created from a project XML by the
// file's first case) and with the cases of the file the fake does not reproduce.
func replayArea(file string, fresh bool, gaps map[string]gap) {
	replayFiles = append(replayFiles, file)
	if fresh {
		freshFiles[file] = true
	}
	for name, g := range gaps {
		unmodelled[file+":"+name] = g
	}
}

// TestConformanceReplay replays the captured vectors in file order against fresh fakes (one per
// fixture project, state carried across cases) and compares status, content type and body.
func TestConformanceReplay(t *testing.T) {
	c := loadCorpus(t)
	seen := map[string]bool{}
	for _, file := range replayFiles {
		servers := fixturesFor(t, c, file)
		refs := map[string]map[string]string{}
		agree, known := 0, 0
		var pairs randomPairs
		for _, v := range c.files[file] {
			project := v.Project
			if project == "" {
				project = "classic"
			}
			s := servers[project]
			if s == nil && freshFiles[file] {
				s = freshFixture(t, c, file, project)
				servers[project] = s
			}
			if s == nil {
				t.Fatalf("%s: %s: no fixture for project %q", file, v.Name, project)
			}
			key := file + ":" + v.Name
			if isProjectCreation(v) {
				// The fixture was created from the same project XML; the call itself is
				// not replayed (one project per server).
				seen[key] = true
				continue
			}
			s.SetRights(userRights[key])
			if hook := captureChanges[key]; hook != nil {
				hook(s)
			}
			g, listed := unmodelled[key]
			seen[key] = true
			if listed && !g.send {
				known++
				continue
			}
			v = applyRefs(v, refs[project])
			got := unrefBody(send(t, s, v), v, refs[project])
			d := pairs.match(randomShapes[file], v.Body, &got.body)
			if compare := fileComparators[file]; d == "" && compare != nil {
				d = compare(v, got)
			} else if d == "" {
				d = disagreement(v, got)
			}
			if refs[project] == nil {
				refs[project] = map[string]string{}
			}
			learnRefs(refs[project], v, got)
			switch {
			case d == "" && listed:
				agree++
				t.Errorf("%s is listed as unmodelled (%s) but agrees: remove it from the table", key, g.reason)
			case d == "":
				agree++
			case listed:
				known++
			default:
				t.Errorf("%s: %s", key, d)
			}
		}
		t.Logf("%s: %d/%d agree (%d listed as unmodelled)", file, agree, len(c.files[file]), known)
	}
	var stale []string
	for k := range unmodelled {
		if !seen[k] {
			stale = append(stale, k)
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Errorf("unmodelled table names cases that do not exist: %v", stale)
	}
}

// fixturesFor builds the fixture servers one file starts from. records.jsonl and
// missingcodes.jsonl start from empty projects; exports.jsonl and errors.jsonl start from the
// data the capture had loaded, taken from the raw EAV exports of exports.jsonl.
func fixturesFor(t *testing.T, c corpus, file string) map[string]*Server {
	t.Helper()
	servers := map[string]*Server{}
	if freshFiles[file] {
		return servers
	}
	for _, project := range []string{"classic", "longitudinal", "repeating", "fieldtypes", "missingcodes"} {
		var opts []Option
		if project == "classic" && slices.Contains([]string{"exports.jsonl", "errors.jsonl"}, file) {
			// README: in the exports set, demographics is survey-enabled.
			opts = append(opts, WithSurveyForms("demographics"))
		}
		if file == "metadata.jsonl" {
			// metadata.jsonl builds the projects itself, from empty ones.
			servers[project] = newEmptyFixture(t, c, project)
			continue
		}
		s := newFixture(t, c, project, opts...)
		if file == "exports.jsonl" || file == "errors.jsonl" {
			if eav, ok := c.index[project+"_eav_raw_json"]; ok {
				seedEAV(t, s, eav.Body)
			}
		}
		servers[project] = s
	}
	if file == "errors.jsonl" {
		for _, name := range []string{"dag_import"} {
			v := c.mustCase(t, name)
			if d := disagreement(v, send(t, servers["classic"], v)); d != "" {
				t.Fatalf("errors fixture %s: %s", name, d)
			}
		}
		seedDAGs(t, servers["classic"], c.mustCase(t, "classic_flat_exportDataAccessGroups_json").Body)
	}
	if file == "exports.jsonl" {
		seedDAGs(t, servers["classic"], c.mustCase(t, "classic_flat_exportDataAccessGroups_json").Body)
	}
	return servers
}
