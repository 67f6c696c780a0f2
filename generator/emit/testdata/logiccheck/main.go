// Command logiccheck replays REDCap's logic vectors against generated packages: every computed
// value REDCap stored must be what redcap.Recalculate computes from the record, and every
// branching expression must show its field (redcap.Applies) exactly on the rows REDCap's
// filterLogic export returned. It prints one line per fixture and one per disagreement.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/runtime/logic"
	"github.com/redcapgen/redcapgen/runtime/redcap"

	"redcapgen.test/logic/bridge2ai_voice"
	"redcapgen.test/logic/ccpuk_hantavirus"
	"redcapgen.test/logic/logic_functions"
	"redcapgen.test/logic/pycap_longitudinal"
	"redcapgen.test/logic/redcap_regression_test"
	"redcapgen.test/logic/redcapapi_offline"
	"redcapgen.test/logic/tbi_return_to_school"
)

// captureDay is REDCap's 'today' when the vectors were captured.
var captureDay = time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)

// captureProjectID stands for the capture project's ID, which the vectors do not record; any ID
// that no record stores as data will do.
const captureProjectID = 999999

type vector struct {
	Name    string            `json:"name"`
	Note    string            `json:"note"`
	Request map[string]string `json:"request"`
	Status  int               `json:"status"`
	Body    string            `json:"body"`
}

func main() {
	dir := os.Args[1]
	bad := 0
	bad += check[bridge2ai_voice.Record](dir, "bridge2ai_voice", bridge2ai_voice.Schema())
	bad += check[ccpuk_hantavirus.Record](dir, "ccpuk_hantavirus", ccpuk_hantavirus.Schema())
	bad += check[logic_functions.Record](dir, "logic_functions", logic_functions.Schema())
	bad += check[pycap_longitudinal.Record](dir, "pycap_longitudinal", pycap_longitudinal.Schema())
	bad += check[redcap_regression_test.Record](dir, "redcap_regression_test", redcap_regression_test.Schema())
	bad += check[redcapapi_offline.Record](dir, "redcapapi_offline", redcapapi_offline.Schema())
	bad += check[tbi_return_to_school.Record](dir, "tbi_return_to_school", tbi_return_to_school.Schema())
	if bad > 0 {
		os.Exit(1)
	}
}

// check replays one fixture and returns the number of disagreements.
func check[R any, P interface {
	*R
	redcap.Record
}](dir, name string, schema *redcap.Schema) int {
	vs, err := load(filepath.Join(dir, name+".jsonl.gz"))
	if err != nil {
		fmt.Printf("%s\terror: %v\n", name, err)
		return 1
	}
	records := map[string]P{}
	var rows []map[string]any
	for _, v := range vs {
		if !strings.HasSuffix(v.Name, "_export_all") {
			continue
		}
		err := redcap.ReadRecords[R, P](strings.NewReader(v.Body), func(r *R) error {
			rec := P(r)
			records[rec.RecordID()] = rec
			return nil
		})
		if err == nil {
			err = json.Unmarshal([]byte(v.Body), &rows)
		}
		if err != nil {
			fmt.Printf("%s\terror: decode export: %v\n", name, err)
			return 1
		}
	}
	bad, values, selections := 0, 0, 0
	for _, rec := range records {
		stale, err := redcap.Recalculate(rec, redcap.LogicOptions{Now: captureDay, ProjectID: captureProjectID})
		if err != nil {
			fmt.Printf("%s\terror: recalculate: %v\n", name, err)
			return 1
		}
		for _, s := range stale {
			if r, ok := schema.Field(s.Field); ok && r.Computed == "calcdate" && !strings.Contains(r.Expression, "[") {
				continue // REDCap's import leaves an @CALCDATE naming no field uncomputed
			}
			fmt.Printf("%s\tstale: %s\n", name, s)
			bad++
		}
		values++
	}
	id := schema.RecordIDField
	for _, v := range vs {
		filter, ok := v.Request["filterLogic"]
		if !ok || v.Status != 200 {
			continue
		}
		if e, err := logic.Parse(filter); err != nil || len(e.Refs()) == 0 {
			continue // REDCap applies no filter that names no field
		}
		var want []map[string]any
		if err := json.Unmarshal([]byte(v.Body), &want); err != nil {
			fmt.Printf("%s\terror: %s: %v\n", name, v.Name, err)
			return 1
		}
		returned := map[string]bool{}
		for _, r := range want {
			event, _ := r["redcap_event_name"].(string)
			returned[fmt.Sprint(r[id])+"/"+event] = true
		}
		for _, r := range rows {
			if s, _ := r["redcap_repeat_instrument"].(string); s != "" {
				continue
			}
			event, _ := r["redcap_event_name"].(string)
			recID := fmt.Sprint(r[id])
			applies, err := redcap.Applies(records[recID], v.Note, event, 0, redcap.LogicOptions{Now: captureDay, ProjectID: captureProjectID})
			if err != nil {
				fmt.Printf("%s\terror: %s: %v\n", name, v.Name, err)
				return 1
			}
			selections++
			if applies != returned[recID+"/"+event] {
				fmt.Printf("%s\tbranching %s of %q on record %s %s: generated code says %v, REDCap %v\n", name, filter, v.Note, recID, event, applies, !applies)
				bad++
			}
		}
	}
	if len(schema.Compiled) == 0 {
		fmt.Printf("%s\tthe generated package has no compiled logic\n", name)
		bad++
	}
	fmt.Printf("%s\t%d records recalculated, %d branching rows, %d compiled expressions, %d disagreements\n", name, values, selections, len(schema.Compiled), bad)
	return bad
}

func load(path string) ([]vector, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	var out []vector
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var v vector
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, sc.Err()
}
