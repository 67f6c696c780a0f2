package redcapimpl_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// implImportPath is the import path of this package.
const implImportPath = "github.com/redcapgen/redcapgen/runtime/redcapimpl"

// TestOnlyGeneratedCodeImportsThisPackage keeps programs, examples and tools on package redcap:
// a Go file of the repository that imports this package must be generated, unless it is a test
// of the runtime standing in for generated code.
func TestOnlyGeneratedCodeImportsThisPackage(t *testing.T) {
	root := filepath.Join("..", "..")
	generated := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil || !importsImpl(f) {
			return nil // testdata may hold files that are not Go on purpose
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		switch {
		case ast.IsGenerated(f):
			generated++
		case strings.HasPrefix(rel, "runtime/") && strings.HasSuffix(rel, "_test.go"):
		default:
			t.Errorf("%s imports runtime/redcapimpl, which is for generated code only: use package redcap", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if generated == 0 {
		t.Error("no generated file imports runtime/redcapimpl: the scan is broken")
	}
}

// importsImpl reports whether the file imports this package.
func importsImpl(f *ast.File) bool {
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == implImportPath {
			return true
		}
	}
	return false
}
