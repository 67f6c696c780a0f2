package emit

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/generator/naming"
)

// constString evaluates a string constant of a parsed file made of literals, other constants of
// the file and "+".
func constString(t *testing.T, consts map[string]ast.Expr, e ast.Expr) string {
	t.Helper()
	switch e := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(e.Value)
		if err != nil {
			t.Fatalf("literal %s: %v", e.Value, err)
		}
		return s
	case *ast.Ident:
		def, ok := consts[e.Name]
		if !ok {
			t.Fatalf("constant %s is not declared", e.Name)
		}
		return constString(t, consts, def)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			t.Fatalf("operator %s in a string constant", e.Op)
		}
		return constString(t, consts, e.X) + constString(t, consts, e.Y)
	}
	t.Fatalf("unexpected expression %T in a string constant", e)
	return ""
}

func TestEmitSnapshot(t *testing.T) {
	long := make([]string, 2*snapshotChunk+7)
	for i := range long {
		long[i] = fmt.Sprintf("field f%d label=\"a `quoted` \\\"label\\\"\" \r\u00e9\uFEFF", i)
	}
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"one line without newline", "field a"},
		{"short", "field a\nfield b\n"},
		{"odd characters", "tab\there\nbackquote ` and \"quotes\"\ncarriage\rreturn\n\x00nul\ninvalid \xff\n"},
		{"chunked", strings.Join(long, "\n") + "\n"},
	}
	p := smallProject(t)
	n, err := naming.Resolve(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := Emit(p, n, Config{Package: "study", GeneratorVersion: "v0", Fingerprint: "sha256:x", Snapshot: []byte(tt.text)})
			if err != nil {
				t.Fatal(err)
			}
			var src []byte
			for _, f := range files {
				if f.Path == "redcap_snapshot_gen.go" {
					src = f.Bytes
				}
			}
			file, err := parser.ParseFile(token.NewFileSet(), "redcap_snapshot_gen.go", src, 0)
			if err != nil {
				t.Fatal(err)
			}
			consts := map[string]ast.Expr{}
			for _, d := range file.Decls {
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
					for _, spec := range g.Specs {
						vs := spec.(*ast.ValueSpec)
						consts[vs.Names[0].Name] = vs.Values[0]
					}
				}
			}
			if got := constString(t, consts, consts["Snapshot"]); got != tt.text {
				t.Errorf("Snapshot = %q, want %q", got, tt.text)
			}
		})
	}
}
