package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator/naming"
)

// manyFormsFormCount is the number of forms of manyFormsProject: more than two chunks of
// maxFormsPerDecode.
const manyFormsFormCount = 2*maxFormsPerDecode + 7

// manyFormsProject is a design in the shape of REDCapR's super-wide-3 test project, scaled down:
// hundreds of small forms, each with a text field and a checkbox of the same choices.
func manyFormsProject(t testing.TB) *dictionary.Project {
	t.Helper()
	rows := []dictRow{{Name: "record_id", Form: "form_0000", Type: "text", Label: "ID"}}
	for i := range manyFormsFormCount {
		form := fmt.Sprintf("form_%04d", i)
		rows = append(rows,
			dictRow{Name: fmt.Sprintf("note_%04d", i), Form: form, Type: "text", Label: "Note"},
			dictRow{Name: fmt.Sprintf("seen_%04d", i), Form: form, Type: "checkbox", Label: "Seen", Choices: "1, Yup | 2, Nope | 3, Other"})
	}
	return readRows(t, rows)
}

// TestDecodeRowChunks: a container with more forms than maxFormsPerDecode decodes them through
// one method per chunk, each called once from decodeRow, every form in exactly one chunk.
func TestDecodeRowChunks(t *testing.T) {
	p := manyFormsProject(t)
	n, err := naming.Resolve(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Package: "wide", GeneratorVersion: "v0.0.0-test", Fingerprint: "sha256:test"}
	files, err := Emit(p, n, cfg)
	if err != nil {
		t.Fatalf("Emit: %v", err)
	}
	checkFiles(t, files, cfg)
	var codec string
	for _, f := range files {
		if f.Path == "redcap_codec_gen.go" {
			codec = string(f.Bytes)
		}
	}
	chunks := (manyFormsFormCount + maxFormsPerDecode - 1) / maxFormsPerDecode
	for k := range chunks {
		name := fmt.Sprintf("decodeForms%d", k)
		if n := strings.Count(codec, "r."+name+"(row)"); n != 1 {
			t.Errorf("decodeRow calls %s %d times, want once", name, n)
		}
		if !strings.Contains(codec, "func (r *Record) "+name+"(row *redcap.Row) {") {
			t.Errorf("no method %s", name)
		}
	}
	if strings.Contains(codec, fmt.Sprintf("decodeForms%d", chunks)) {
		t.Errorf("more than %d chunks", chunks)
	}
	for i := range manyFormsFormCount {
		if n := strings.Count(codec, fmt.Sprintf("r.Form%04d.decode(row)", i)); n != 1 {
			t.Errorf("form_%04d is decoded %d times, want once", i, n)
		}
	}
}
