package emit

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/generator/naming"
)

// TestEmitSnapshot checks that the snapshot is stored once: Emit returns its text byte for byte
// as SnapshotFile, and redcap_snapshot_gen.go declares Snapshot as a string variable that embeds
// that file, whatever the text holds.
func TestEmitSnapshot(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"one line without newline", "field a"},
		{"short", "field a\nfield b\n"},
		{"odd characters", "tab\there\nbackquote ` and \"quotes\"\ncarriage\rreturn\n\x00nul\ninvalid \xff\n"},
		{"long", strings.Repeat("field f label=\"a `quoted` \\\"label\\\"\" \r\u00e9\uFEFF\n", 1000)},
	}
	p := smallProject(t)
	n, err := naming.Resolve(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	var first []byte // redcap_snapshot_gen.go of the first case: the same for every text
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := Emit(p, n, Config{Package: "study", GeneratorVersion: "v0", Fingerprint: "sha256:x", Snapshot: []byte(tt.text)})
			if err != nil {
				t.Fatal(err)
			}
			var src, text []byte
			for _, f := range files {
				switch f.Path {
				case "redcap_snapshot_gen.go":
					src = f.Bytes
				case SnapshotFile:
					text = f.Bytes
				}
			}
			if !bytes.Equal(text, []byte(tt.text)) {
				t.Errorf("%s = %q, want %q", SnapshotFile, text, tt.text)
			}
			if first == nil {
				first = src
			} else if !bytes.Equal(src, first) {
				t.Errorf("redcap_snapshot_gen.go depends on the snapshot text; it should only embed it:\n%s", src)
			}
			file, err := parser.ParseFile(token.NewFileSet(), "redcap_snapshot_gen.go", src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, d := range file.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok || g.Tok != token.VAR {
					continue
				}
				vs := g.Specs[0].(*ast.ValueSpec)
				typ, _ := vs.Type.(*ast.Ident)
				found = vs.Names[0].Name == "Snapshot" && typ != nil && typ.Name == "string" &&
					g.Doc != nil && strings.HasSuffix(strings.TrimSpace(rawComments(g.Doc)), "//go:embed "+SnapshotFile)
			}
			if !found {
				t.Errorf("redcap_snapshot_gen.go does not declare `//go:embed %s` var Snapshot string:\n%s", SnapshotFile, src)
			}
		})
	}
}

// rawComments returns a comment group's lines as written, directives included.
func rawComments(g *ast.CommentGroup) string {
	var b strings.Builder
	for _, c := range g.List {
		b.WriteString(c.Text + "\n")
	}
	return b.String()
}
