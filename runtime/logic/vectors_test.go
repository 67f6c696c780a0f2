package logic_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redcapgen/redcapgen/internal/sharedtest"
	"github.com/redcapgen/redcapgen/runtime/logic"
)

// captureDay is the day the logic vectors were captured: REDCap's 'today' then.
var captureDay = time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)

// captureProjectID stands for the capture project's ID, which the vectors do not record; any ID
// that no record stores as data will do.
const captureProjectID = 999999

// TestLogicVectorsCalcs: every calc, @CALCTEXT and @CALCDATE value REDCap stored equals the
// engine's, evaluated on the stored record (other calcs read as stored).
func TestLogicVectorsCalcs(t *testing.T) {
	for _, lp := range sharedtest.LogicProjects {
		t.Run(lp.Name, func(t *testing.T) {
			skipLargeVectorsIfShort(t, filepath.Join(sharedPath(t, "conformance/logic"), lp.Name+".jsonl.gz"))
			p := loadProject(t, sharedPath(t, lp.Dictionary))
			cases := loadVectors(t, filepath.Join(sharedPath(t, "conformance/logic"), lp.Name+".jsonl.gz"))
			idField := p.dict.RecordIDField().Name
			var rows []map[string]string
			var idx map[rowKey]map[string]string
			for _, c := range cases {
				if strings.HasSuffix(c.Name, "_export_all") {
					rows, idx = exportRows(t, c.Body, idField)
				}
			}
			var bad []string
			n := 0
			for _, f := range p.dict.Fields() {
				kind, src := logic.ComputedExpression(string(f.Type), f.ChoicesRaw, f.Annotation)
				if kind == logic.NotComputed {
					continue
				}
				expr, perr := logic.Parse(src)
				accepted := logic.AnalyseCalc(src).Outcome == logic.Accepted
				for _, r := range rows {
					if _, ok := r[f.Name]; !ok || !rowHoldsForm(p, r, f.Form) {
						continue
					}
					if kind == logic.ComputedDate && !strings.Contains(src, "[") {
						continue // REDCap's import does not compute an @CALCDATE naming no field
					}
					inst := 0
					fmt.Sscan(r["redcap_repeat_instance"], &inst)
					env := rowEnv{p: p.dict, rows: idx, id: r[idField]}
					got := ""
					if perr == nil && accepted {
						v, err := expr.Eval(p.schema, env, logic.Context{Record: r[idField], Event: r["redcap_event_name"], Instance: inst, Now: captureDay, ProjectID: captureProjectID})
						switch kind {
						case logic.ComputedCalc:
							got = logic.Calc(v, err)
						case logic.ComputedText:
							got = logic.CalcText(v, err)
						default:
							got = logic.CalcDate(v, err, f.TextValidation())
						}
					}
					n++
					if got != r[f.Name] {
						bad = append(bad, fmt.Sprintf("%s rec %s %s: %s\n    got %q want %q", f.Name, r[idField], r["redcap_event_name"], src, got, r[f.Name]))
					}
				}
			}
			report(t, "calc values", n, bad)
		})
	}
}

// TestLogicVectorsFilters: every filterLogic selects the rows REDCap returned, and the logic
// REDCap refused is refused.
func TestLogicVectorsFilters(t *testing.T) {
	for _, lp := range sharedtest.LogicProjects {
		t.Run(lp.Name, func(t *testing.T) {
			skipLargeVectorsIfShort(t, filepath.Join(sharedPath(t, "conformance/logic"), lp.Name+".jsonl.gz"))
			p := loadProject(t, sharedPath(t, lp.Dictionary))
			cases := loadVectors(t, filepath.Join(sharedPath(t, "conformance/logic"), lp.Name+".jsonl.gz"))
			idField := p.dict.RecordIDField().Name
			var rows []map[string]string
			var idx map[rowKey]map[string]string
			var bad []string
			n := 0
			for _, c := range cases {
				if strings.HasSuffix(c.Name, "_export_all") {
					rows, idx = exportRows(t, c.Body, idField)
				}
				filter, ok := c.Request["filterLogic"]
				if !ok {
					continue
				}
				n++
				first := ""
				if len(p.dict.Events) > 0 {
					first = p.dict.Events[0].UniqueName
				}
				verdict := logic.Analyse(filter, first)
				expr, perr := logic.Parse(filter)
				if c.Status != 200 {
					if verdict.Outcome == logic.Accepted && perr == nil {
						bad = append(bad, fmt.Sprintf("%s: %s: REDCap refused it, the engine accepts it", c.Name, filter))
					}
					continue
				}
				if verdict.Outcome != logic.Accepted || perr != nil {
					bad = append(bad, fmt.Sprintf("%s: %s: REDCap accepted it; verdict %q, parse %v", c.Name, filter, verdict.Message(), perr))
					continue
				}
				want, _ := exportRows(t, c.Body, idField)
				var wantKeys, gotKeys []string
				for _, r := range want {
					wantKeys = append(wantKeys, rowName(r, idField))
				}
				noRefs := len(expr.Refs()) == 0
				for _, r := range rows {
					if r["redcap_repeat_instrument"] != "" {
						continue // the export of the record ID alone has no rows of repeating instruments
					}
					inst := 0
					fmt.Sscan(r["redcap_repeat_instance"], &inst)
					env := rowEnv{p: p.dict, rows: idx, id: r[idField]}
					v, err := expr.Eval(p.schema, env, logic.Context{Record: r[idField], Event: r["redcap_event_name"], Instance: inst, Now: captureDay, ProjectID: captureProjectID})
					if noRefs || logic.Selects(v, err) {
						gotKeys = append(gotKeys, rowName(r, idField))
					}
				}
				if !slices.Equal(wantKeys, gotKeys) {
					bad = append(bad, fmt.Sprintf("%s (%s): %s\n    want %v\n    got  %v", c.Name, c.Note, filter, wantKeys, gotKeys))
				}
			}
			report(t, "filters", n, bad)
		})
	}
}

func rowName(r map[string]string, idField string) string {
	s := r[idField]
	if e := r["redcap_event_name"]; e != "" {
		s += "/" + e
	}
	if i := r["redcap_repeat_instance"]; i != "" {
		s += "/" + r["redcap_repeat_instrument"] + "#" + i
	}
	return s
}

// report fails the test with the disagreements (all of them in LOGIC_REPORT when set).
func report(t *testing.T, what string, n int, bad []string) {
	t.Helper()
	if n == 0 {
		t.Fatalf("no %s in the vectors", what)
	}
	if len(bad) == 0 {
		return
	}
	if path := os.Getenv("LOGIC_REPORT"); path != "" {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintf(f, "== %s %s\n%s\n", t.Name(), what, strings.Join(bad, "\n"))
			f.Close()
		}
	}
	show := bad
	if len(show) > 15 {
		show = show[:15]
	}
	t.Errorf("%d of %d %s disagree with REDCap:\n%s", len(bad), n, what, strings.Join(show, "\n"))
}

// rowHoldsForm reports whether an exported row carries the form's values: the form is mapped to
// the row's event and repeats exactly when the row is an instance of it.
func rowHoldsForm(p project, r map[string]string, form string) bool {
	event := r["redcap_event_name"]
	if event != "" {
		mapped := false
		for _, m := range p.dict.Mappings {
			mapped = mapped || m.Event == event && m.Form == form
		}
		if !mapped {
			return false
		}
	}
	repeats := false
	for _, rp := range p.dict.Repeating {
		repeats = repeats || rp.Event == event && rp.Form == form
	}
	if inst := r["redcap_repeat_instrument"]; inst != "" {
		return inst == form
	}
	return !repeats
}

// skipLargeVectorsIfShort skips a project whose vector file is large under go test -short; the
// full run checks every project.
func skipLargeVectorsIfShort(t *testing.T, path string) {
	t.Helper()
	if testing.Short() && sharedtest.LargeFile(t, path) {
		t.Skip("-short: a large vector file")
	}
}
