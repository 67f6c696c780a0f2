package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// TestRealChangeAcrossSourcesFails changes one real thing in the live project (a choice, a
// validation, a field) and checks the package generated from the unchanged file against it, and
// the package generated from the changed live project against the unchanged file: both exit 1
// and name the change.
func TestRealChangeAcrossSourcesFails(t *testing.T) {
	dict := filepath.Join(sharedtest.ModuleRoot(t), "examples", "quickstart", "study.csv")
	tests := []struct {
		name, kind, subject string
		change              func(p *dictionary.Project)
	}{
		{"choice", "choice-removed", "sex", func(p *dictionary.Project) {
			f, _ := p.Field("sex")
			f.Choices = f.Choices[:len(f.Choices)-1]
			f.ChoicesRaw = choicesRaw(f.Choices)
		}},
		{"validation", "validation-changed", "dob", func(p *dictionary.Project) {
			f, _ := p.Field("dob")
			f.Validation = "date_mdy"
		}},
		{"field", "field-added", "added_live", func(p *dictionary.Project) {
			form := p.Forms[len(p.Forms)-1]
			form.Fields = append(form.Fields, &dictionary.Field{Name: "added_live", Form: form.Name, Type: dictionary.TypeText, Label: "Added"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			live := fakeProject(t, dict)
			tt.change(live)
			url, env := serve(t, live)
			dir := t.TempDir()
			fromFile, fromURL := filepath.Join(dir, "file"), filepath.Join(dir, "url")
			mustGenerateQuiet(t, env, "-dict", dict, "-package", "study", "-out", fromFile)
			mustGenerateQuiet(t, env, append(url, "-package", "study", "-out", fromURL)...)
			for _, c := range []struct {
				name string
				args []string
				out  string
			}{
				{"file package, changed live source", url, fromFile},
				{"changed live package, file source", []string{"-dict", dict}, fromURL},
			} {
				code, report := runCheckJSON(t, env, append(c.args, "-package", "study", "-out", c.out)...)
				if code != exitFail || report.Current {
					t.Errorf("%s: exit %d, current %v; want %d", c.name, code, report.Current, exitFail)
				}
				if _, ok := findChange(report.Changes, tt.kind, tt.subject); !ok {
					// From the changed package's side a removal reads as an addition.
					reverse := map[string]string{"choice-removed": "choice-added", "field-added": "field-removed"}[tt.kind]
					if _, ok := findChange(report.Changes, reverse, tt.subject); !ok || c.out != fromURL {
						t.Errorf("%s: no %s change for %q in %+v", c.name, tt.kind, tt.subject, report.Changes)
					}
				}
			}
		})
	}
}

// TestCheckKeepsWhatTheSourceLacks generates the longitudinal example from its live project
// (events, a title) and checks it against the bare dictionary file, which carries no events,
// form labels or title: -check exits 0 and says once, per part, what carries it. With the
// -events file the events are compared, not kept.
func TestCheckKeepsWhatTheSourceLacks(t *testing.T) {
	ex := filepath.Join(sharedtest.ModuleRoot(t), "examples", "longitudinal")
	f := fixture{dict: filepath.Join(ex, "study.csv"), events: filepath.Join(ex, "design.json")}
	live := f.liveProject(t)
	live.Title = "Longitudinal study"
	live.Forms[0].Label = "Participant demographics"
	url, env := serve(t, live)
	out := filepath.Join(t.TempDir(), "study")
	mustGenerateQuiet(t, env, append(url, "-package", "study", "-out", out)...)

	code, stdout, stderr := runCLI(t, env, "-check", "-dict", f.dict, "-package", "study", "-out", out)
	if code != exitOK {
		t.Fatalf("-check with the bare dictionary: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitOK, stdout, stderr)
	}
	for _, want := range []string{
		"form labels: kept from the committed package (a dictionary file has none: -url or a project XML carries them)",
		"arms, events and repeating instruments: kept from the committed package (-events FILE, -url or a project XML carries them)",
		"project title: kept from the committed package (-url or a project XML carries it)",
	} {
		if strings.Count(stdout, want) != 1 {
			t.Errorf("-check output does not say once %q:\n%s", want, stdout)
		}
	}
	code, report := runCheckJSON(t, env, "-dict", f.dict, "-events", f.events, "-package", "study", "-out", out)
	if code != exitOK || len(report.Changes) > 0 {
		t.Errorf("-check with the dictionary and its events: exit %d, changes %+v", code, report.Changes)
	}
	if strings.Contains(strings.Join(report.keptParts(), ","), "events") {
		t.Errorf("-check with -events keeps the committed events: %v", report.Kept)
	}
}

// TestCheckExitStatus checks the -check contract: 0 current, 1 must regenerate, 2 when the check
// cannot be made (usage, an unreadable or refused dictionary, a bad token source).
func TestCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	dict := writeFile(t, dir, "study.csv", []byte(smallDictionary))
	out := filepath.Join(dir, "study")
	mustGenerate(t, nil, "-dict", dict, "-package", "study", "-out", out)
	changed := writeFile(t, dir, "changed.csv", []byte(strings.Replace(smallDictionary, "date_ymd", "date_dmy", 1)))
	refused := writeFile(t, dir, "refused.csv", []byte(smallDictionary+"dob,demographics,,text,Again,,,,,,,,,,,,,\n"))
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want int
	}{
		{"current", []string{"-dict", dict}, nil, exitOK},
		{"same project, another file name", []string{"-dict", writeFile(t, dir, "renamed.csv", []byte(smallDictionary))}, nil, exitOK},
		{"must regenerate", []string{"-dict", changed}, nil, exitFail},
		{"missing dictionary", []string{"-dict", filepath.Join(dir, "nope.csv")}, nil, exitUsage},
		{"refused dictionary", []string{"-dict", refused}, nil, exitUsage},
		{"token variable unset", []string{"-url", "https://redcap.example.edu/api/", "-token-env", "NO_SUCH_VAR"}, nil, exitUsage},
		{"usage", []string{"-dict", dict, "-token-env", "X"}, nil, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"-check"}, tt.args...), "-package", "study", "-out", out)
			if code, stdout, stderr := runCLI(t, tt.env, args...); code != tt.want {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.want, stdout, stderr)
			}
		})
	}
}

// emptyCalcXML is a project XML REDCap exported from a live project holding a calc field whose
// equation is empty, which REDCap refuses only when a dictionary is uploaded.
const emptyCalcXML = `<?xml version="1.0" encoding="UTF-8" ?>
<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:redcap="https://projectredcap.org" ODMVersion="1.3.1">
<Study OID="Project.Calc"><GlobalVariables><StudyName>Calc</StudyName></GlobalVariables>
<MetaDataVersion OID="Metadata.Calc" Name="Calc" redcap:RecordIdField="record_id">
<FormDef OID="Form.scores" Name="Scores" redcap:FormName="scores"><ItemGroupRef ItemGroupOID="scores.g"/></FormDef>
<ItemGroupDef OID="scores.g" Name="Scores"><ItemRef ItemOID="record_id"/><ItemRef ItemOID="total"/><ItemRef ItemOID="scores_complete"/></ItemGroupDef>
<ItemDef OID="record_id" Name="record_id" DataType="text" redcap:Variable="record_id" redcap:FieldType="text"><Question><TranslatedText>ID</TranslatedText></Question></ItemDef>
<ItemDef OID="total" Name="total" DataType="float" redcap:Variable="total" redcap:FieldType="calc" redcap:Calculation=""><Question><TranslatedText>Total</TranslatedText></Question></ItemDef>
<ItemDef OID="scores_complete" Name="scores_complete" DataType="text" redcap:Variable="scores_complete"><Question><TranslatedText>Complete?</TranslatedText></Question></ItemDef>
</MetaDataVersion></Study></ODM>
`

// TestEmptyCalcGeneratesWithWarning generates from a project XML holding a calc field without
// equation, and from its live project's metadata through -url: both succeed, and -v names the
// field and where it is.
func TestEmptyCalcGeneratesWithWarning(t *testing.T) {
	dir := t.TempDir()
	xml := writeFile(t, dir, "calc.xml", []byte(emptyCalcXML))
	url, env := serve(t, fakeProject(t, xml))
	for _, c := range []struct {
		name, where string
		args        []string
	}{
		{"project XML", `calc.xml: element 2: field "total": warning: calc field has no equation`, []string{"-dict", xml}},
		{"-url", `REDCap API, project 42: element 2: field "total": warning: calc field has no equation`, url},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append(c.args, "-v", "-package", "calc", "-out", filepath.Join(dir, c.name))
			code, _, stderr := runCLI(t, env, args...)
			if code != exitOK || !strings.Contains(stderr, c.where) {
				t.Errorf("exit %d, want %d and a warning %q\nstderr:\n%s", code, exitOK, c.where, stderr)
			}
		})
	}
}
