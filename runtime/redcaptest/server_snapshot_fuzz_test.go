package redcaptest

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzNewServerFromSnapshot starts the fake from arbitrary snapshot text: a bad text is an error,
// and a fake started from any text the reader accepts answers every design and record call, an
// import included, with a status and never a panic.
func FuzzNewServerFromSnapshot(f *testing.F) {
	examples, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "study", "redcap_snapshot_gen.txt"))
	for _, path := range examples {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(string(b))
		}
	}
	const head = "# redcapgen dictionary snapshot v1\n"
	f.Add(head + "field id form=f type=bogus\nfield c form=f type=checkbox choices=\"1, A | -1, B\"\n")
	f.Add(head + "field id form=f type=text\nmapping e1 form=g\nrepeat event=e2 form=f\nevent e3 arm=9\n")
	f.Add(head + "field id form=f type=yesno choices=\"2, Maybe\"\nfield f_complete form=g type=calc calc=\"[id]+\"\nmissing \"\"\n")
	f.Add(head + "field id form=f type=descriptive\nform f survey\nform g label=G\n")
	f.Fuzz(func(t *testing.T, text string) {
		s, err := NewUnstartedServerFromSnapshot(text)
		if err != nil {
			return
		}
		id := s.st.proj.Fields()[0].Name
		calls := []map[string][]string{
			{"content": {"metadata"}, "format": {"json"}},
			{"content": {"instrument"}, "format": {"csv"}},
			{"content": {"exportFieldNames"}, "format": {"json"}},
			{"content": {"event"}, "format": {"json"}},
			{"content": {"formEventMapping"}, "format": {"json"}},
			{"content": {"repeatingFormsEvents"}, "format": {"json"}},
			{"content": {"project_xml"}, "format": {"xml"}},
			{"content": {"record"}, "action": {"import"}, "format": {"json"}, "data": {`[{"` + id + `":"1"}]`}},
			{"content": {"record"}, "format": {"json"}, "type": {"flat"}},
			{"content": {"record"}, "format": {"csv"}, "type": {"eav"}},
		}
		for _, c := range calls {
			if a := s.dispatch(params{v: c}); a.status < 200 || a.status > 599 {
				t.Fatalf("%v: status %d", c, a.status)
			}
		}
		_ = s.Records()
	})
}
