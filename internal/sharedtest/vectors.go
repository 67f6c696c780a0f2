package sharedtest

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"
)

// Vector is one captured REDCap request and its answer, as the logic vector files hold them.
type Vector struct {
	Name    string            `json:"name"`
	Note    string            `json:"note"`
	Request map[string]string `json:"request"`
	Status  int               `json:"status"`
	Body    string            `json:"body"`
}

// ReadVectors reads a JSON-lines vector file, gzip-compressed when its name ends in .gz.
func ReadVectors(t testing.TB, path string) []Vector {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		r = zr
	}
	var out []Vector
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var v Vector
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// LogicProject is one project of REDCap's logic vectors: its name (the vectors are in
// conformance/logic/<Name>.jsonl.gz) and its dictionary, relative to the shared directory.
type LogicProject struct {
	Name, Dictionary string
}

// LogicProjects are the projects of REDCap's logic vectors.
var LogicProjects = []LogicProject{
	{"logic_functions", "conformance/logic/logic-functions.csv"},
	{"redcap_regression_test", "dictionaries/redcap-regression-test.csv"},
	{"tbi_return_to_school", "dictionaries/tbi-return-to-school.csv"},
	{"bridge2ai_voice", "dictionaries/bridge2ai-voice.csv"},
	{"ccpuk_hantavirus", "dictionaries/ccpuk-hantavirus.csv"},
	{"redcapapi_offline", "dictionaries/redcapapi-offline.csv"},
	{"pycap_longitudinal", "dictionaries/pycap-longitudinal.xml"},
}
