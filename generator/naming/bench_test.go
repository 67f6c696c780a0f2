package naming

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/dictionary"
)

// BenchmarkResolveNCANDA resolves the largest corpus dictionary (11,872 fields).
func BenchmarkResolveNCANDA(b *testing.B) {
	var path string
	for _, p := range sharedDictionaries(b) {
		if filepath.Base(p) == "ncanda-laptops-import.csv" {
			path = p
		}
	}
	if path == "" {
		b.Skip("SKIPPING: ncanda-laptops-import.csv is not in the shared dictionaries")
	}
	p := readDictionary(b, path)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Resolve(p, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResolveSynthetic resolves 12,000 fields in 24 forms, a tenth of them radios, with
// many readable-name collisions.
func BenchmarkResolveSynthetic(b *testing.B) {
	p := &dictionary.Project{}
	for f := 0; f < 24; f++ {
		fm := &dictionary.Form{Name: fmt.Sprintf("form_%d", f)}
		for i := 0; i < 500; i++ {
			name := fmt.Sprintf("f%d_item%d", f, i)
			if i%7 == 0 {
				name = fmt.Sprintf("f%d_item_%d", f, i-7)
			}
			fld := &dictionary.Field{Name: name, Form: fm.Name, Type: dictionary.TypeText}
			if i%10 == 0 {
				fld.Type = dictionary.TypeRadio
				fld.Choices = choices("0, Never", "1, Sometimes", "2, Often", "-9, Don't know")
			}
			fm.Fields = append(fm.Fields, fld)
		}
		p.Forms = append(p.Forms, fm)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Resolve(p, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzResolve(f *testing.F) {
	f.Add("record", "a_1", "a1", "-1", "<b>Yes</b>", "5.5", "")
	f.Add("validate", "complete", "Complete", "9..9", "😀", "en-US", "😀")
	f.Fuzz(func(t *testing.T, formName, field1, field2, code1, label1, code2, label2 string) {
		build := func(reverse bool) *dictionary.Project {
			fields := []*dictionary.Field{text(field1), {Name: field2, Type: dictionary.TypeCheckbox,
				Choices: []dictionary.Choice{{Code: code1, Label: label1}, {Code: code2, Label: label2}}}}
			forms := []*dictionary.Form{form(formName, fields...), form(formName+"_x", text(field1+"_x"))}
			if reverse {
				fields[0], fields[1] = fields[1], fields[0]
				forms[0], forms[1] = forms[1], forms[0]
			}
			return project(forms...)
		}
		p := build(false)
		n, err := Resolve(p, nil)
		if err != nil {
			return // collisions are reported, never panics
		}
		checkProperties(t, p, n)
		q := build(true)
		m, err := Resolve(q, nil)
		if err != nil {
			t.Fatalf("reversed order fails: %v", err)
		}
		if diff := cmp.Diff(nameTable(p, n), nameTable(q, m)); diff != "" {
			t.Fatalf("order changes names (-forward +reversed):\n%s", diff)
		}
	})
}
