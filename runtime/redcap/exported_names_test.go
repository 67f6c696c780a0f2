package redcap_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// runtimeImportPath is the import path of this package.
const runtimeImportPath = "github.com/redcapgen/redcapgen/runtime/redcap"

// repoRoot is the repository root, seen from this package's directory.
var repoRoot = filepath.Join("..", "..")

// handWrittenAreas are the directories (relative to the repository root) whose hand-written Go
// code is written the way users write theirs: programs and servers built on the runtime.
var handWrittenAreas = []string{"examples", "cmd", "runtime", "internal"}

// TestExportedNamesHaveUsers fails on every exported name of this package that only generated
// code uses: such a name belongs in redcapimpl, out of the users' documentation. A name is user
// API when hand-written code outside this package's implementation refers to it (programs,
// servers, tools), when a README code block or one of this package's runnable examples does,
// when a generated package's exported API (what users of that package call) mentions it, or when
// the exported fields or signatures of a name that is user API mention it.
func TestExportedNamesHaveUsers(t *testing.T) {
	decls := exportedDecls(t, ".")
	if len(decls) < 50 {
		t.Fatalf("found only %d exported names: the scan of this package is broken", len(decls))
	}
	generated, seeds := map[string]string{}, map[string]bool{}
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && path != repoRoot {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(repoRoot, path)
		rel = filepath.ToSlash(rel)
		u := runtimeUses(t, path)
		for _, name := range u.all {
			switch {
			case u.generated:
				if generated[name] == "" {
					generated[name] = rel
				}
			case countsAsUserCode(rel):
				seeds[name] = true
			}
		}
		for _, name := range u.api {
			seeds[name] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range readmeUses(t) {
		seeds[name] = true
	}
	for _, name := range exampleUses(t) {
		seeds[name] = true
	}
	if len(generated) == 0 {
		t.Fatal("no generated file refers to this package: the scan of generated code is broken")
	}
	userAPI := closeOver(seeds, decls)
	for _, name := range slices.Sorted(maps.Keys(decls)) {
		if gen := generated[name]; gen != "" && !userAPI[name] {
			t.Errorf("redcap.%s is used only inside generated code (e.g. %s): move it to runtime/redcapimpl, or show users what it is for", name, gen)
		}
	}
}

// closeOver returns the names reachable from seeds through the exported fields and signatures of
// this package's declarations: a type a user-facing function returns is user-facing too.
func closeOver(seeds map[string]bool, decls map[string][]string) map[string]bool {
	out := map[string]bool{}
	var visit func(string)
	visit = func(name string) {
		refs, ok := decls[name]
		if !ok || out[name] {
			return
		}
		out[name] = true
		for _, r := range refs {
			visit(r)
		}
	}
	for name := range seeds {
		visit(name)
	}
	return out
}

// countsAsUserCode reports whether a hand-written file (slash path from the repository root) is
// code of the kind users write. This package's own files and redcapimpl's are the runtime's
// implementation, not its users.
func countsAsUserCode(rel string) bool {
	if strings.HasPrefix(rel, "runtime/redcap/") || strings.HasPrefix(rel, "runtime/redcapimpl/") {
		return false
	}
	for _, area := range handWrittenAreas {
		if strings.HasPrefix(rel, area+"/") {
			return true
		}
	}
	return false
}

// exportedDecls maps each exported package-level name declared by the non-test files of dir to
// the exported names of dir its user-visible parts mention: a function's signature, a type's
// definition (exported fields only) and its exported methods' signatures, a value's type.
func exportedDecls(t *testing.T, dir string) map[string][]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]ast.Node{} // exported name -> its user-visible syntax
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for name, nodes := range apiParts(f) {
			parts[name] = append(parts[name], nodes...)
		}
	}
	decls := map[string][]string{}
	for name, nodes := range parts {
		decls[name] = nil
		for _, n := range nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.IsExported() {
					if _, declared := parts[id.Name]; declared {
						decls[name] = append(decls[name], id.Name)
					}
				}
				return true
			})
		}
	}
	return decls
}

// apiParts returns the exported package-level names of a file with the syntax users of each see:
// signatures, exported struct fields, interface methods, declared types of values. Methods are
// parts of their receiver's type.
func apiParts(f *ast.File) map[string][]ast.Node {
	out := map[string][]ast.Node{}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() {
				continue
			}
			if d.Recv == nil {
				out[d.Name.Name] = append(out[d.Name.Name], d.Type)
			} else if recv := receiverName(d.Recv.List[0].Type); ast.IsExported(recv) {
				out[recv] = append(out[recv], d.Type)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					if s.Name.IsExported() {
						out[s.Name.Name] = append(out[s.Name.Name], typeParts(s)...)
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() {
							out[n.Name] = append(out[n.Name], typeOrNothing(s.Type))
						}
					}
				}
			}
		}
	}
	return out
}

// typeParts is the user-visible syntax of a type declaration: its type parameters, and its
// definition without unexported struct fields.
func typeParts(s *ast.TypeSpec) []ast.Node {
	nodes := []ast.Node{typeOrNothing(s.TypeParams)}
	st, ok := s.Type.(*ast.StructType)
	if !ok {
		return append(nodes, s.Type)
	}
	for _, field := range st.Fields.List {
		exported := len(field.Names) == 0 // embedded
		for _, n := range field.Names {
			exported = exported || n.IsExported()
		}
		if exported {
			nodes = append(nodes, field.Type)
		}
	}
	return nodes
}

// typeOrNothing turns a possibly nil node into one ast.Inspect accepts.
func typeOrNothing[N interface {
	ast.Node
	comparable
}](n N) ast.Node {
	var zero N
	if n == zero {
		return &ast.BadExpr{}
	}
	return n
}

// receiverName returns the type name of a method receiver (T, *T, T[P], *T[P]).
func receiverName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// fileUses is what one Go file selects from this package.
type fileUses struct {
	all       []string // every redcap.Name in the file's code
	api       []string // those in the file's exported API, when the file is generated
	generated bool
}

// runtimeUses parses a Go file and returns the names it selects from this package (redcap.Name,
// under whatever name the file imports it). For a generated file it also returns those its
// exported API mentions: what users of the generated package see.
func runtimeUses(t *testing.T, path string) fileUses {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return fileUses{} // testdata may hold files that are not Go on purpose
	}
	local := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == runtimeImportPath {
			local = "redcap"
			if imp.Name != nil {
				local = imp.Name.Name
			}
		}
	}
	if local == "" {
		return fileUses{}
	}
	selected := func(n ast.Node) []string {
		var names []string
		ast.Inspect(n, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == local {
					names = append(names, sel.Sel.Name)
				}
			}
			return true
		})
		return names
	}
	u := fileUses{all: selected(f), generated: ast.IsGenerated(f) || strings.HasSuffix(path, "_gen.go")}
	if u.generated {
		for _, nodes := range apiParts(f) {
			for _, n := range nodes {
				u.api = append(u.api, selected(n)...)
			}
		}
	}
	return u
}

// readmeCode matches a fenced Go code block of a Markdown file.
var readmeCode = regexp.MustCompile("(?s)```go\n(.*?)```")

// runtimeSelector matches redcap.Name in code.
var runtimeSelector = regexp.MustCompile(`\bredcap\.([A-Z][A-Za-z0-9_]*)`)

// readmeUses returns the names of this package the README's Go code blocks use.
func readmeUses(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, block := range readmeCode.FindAllStringSubmatch(string(b), -1) {
		for _, m := range runtimeSelector.FindAllStringSubmatch(block[1], -1) {
			names = append(names, m[1])
		}
	}
	return names
}

// exampleUses returns the names of this package that its runnable examples (Example functions
// of the external test package, shown in the documentation) use.
func exampleUses(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, path := range paths {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name.Name != "redcap_test" {
			continue
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Example") {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == "redcap" {
						names = append(names, sel.Sel.Name)
					}
				}
				return true
			})
		}
	}
	return names
}
