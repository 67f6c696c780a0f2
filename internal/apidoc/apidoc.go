// Package apidoc checks that a package documents every exported name, for the tests of the
// packages users read in go doc.
package apidoc

import (
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Undocumented returns the exported names of the package in dir (test files left out) that have
// no doc comment: functions, types, methods of exported types, and constants and variables
// (a group's doc comment covers its names, and so does a comment on the name's line).
func Undocumented(dir string) ([]string, error) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read the package: %w", err)
	}
	var files []*ast.File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("parse: %w", err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s holds no Go files", dir)
	}
	p, err := doc.NewFromFiles(fset, files, "example.com/"+dir)
	if err != nil {
		return nil, fmt.Errorf("read the documentation of %s: %w", dir, err)
	}
	var missing []string
	funcs := func(prefix string, fs []*doc.Func) {
		for _, f := range fs {
			if f.Doc == "" {
				missing = append(missing, prefix+f.Name)
			}
		}
	}
	values := func(vs []*doc.Value) {
		for _, v := range vs {
			missing = append(missing, undocumentedValues(v)...)
		}
	}
	values(p.Consts)
	values(p.Vars)
	funcs("", p.Funcs)
	for _, t := range p.Types {
		if t.Doc == "" {
			missing = append(missing, t.Name)
		}
		values(t.Consts)
		values(t.Vars)
		funcs("", t.Funcs)
		funcs(t.Name+".", t.Methods)
	}
	slices.Sort(missing)
	return missing, nil
}

// undocumentedValues returns the exported names of a const or var declaration that neither the
// group's doc comment nor a comment of their own documents.
func undocumentedValues(v *doc.Value) []string {
	if v.Doc != "" {
		return nil
	}
	var missing []string
	for _, spec := range v.Decl.Specs {
		s := spec.(*ast.ValueSpec)
		if s.Doc != nil || s.Comment != nil {
			continue
		}
		for _, n := range s.Names {
			if n.IsExported() {
				missing = append(missing, n.Name)
			}
		}
	}
	return missing
}
