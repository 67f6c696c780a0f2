package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/redcapgen/redcapgen/generator"
)

// sizeResult is how much code one dictionary generates.
type sizeResult struct {
	Fields  int // dictionary rows (fields of every form, descriptive ones included)
	GoLines int // lines of the generated Go files
	GoBytes int // bytes of the generated Go files
	Bytes   int // bytes of every generated file (the snapshot text included)
}

// LinesPerField is the generated Go lines per dictionary field.
func (s sizeResult) LinesPerField() float64 { return float64(s.GoLines) / float64(max(s.Fields, 1)) }

// BytesPerField is the generated Go bytes per dictionary field.
func (s sizeResult) BytesPerField() float64 { return float64(s.GoBytes) / float64(max(s.Fields, 1)) }

// measureSize generates the package of a dictionary in memory and counts its fields, lines and
// bytes.
func measureSize(ctx context.Context, dictPath string) (sizeResult, error) {
	var s sizeResult
	res, err := generator.Generate(ctx, generateConfig(dictPath))
	if err != nil {
		return s, fmt.Errorf("size: generate: %w", err)
	}
	for _, form := range res.Project.Forms {
		s.Fields += len(form.Fields)
	}
	for _, f := range res.Files {
		s.Bytes += len(f.Bytes)
		if strings.HasSuffix(f.Path, ".go") {
			s.GoBytes += len(f.Bytes)
			s.GoLines += bytes.Count(f.Bytes, []byte("\n"))
		}
	}
	return s, nil
}

// String renders the result for the table.
func (s sizeResult) String() string {
	return fmt.Sprintf("%d lines (%.1f per field), %.1f MB of Go (%.0f bytes per field), %.1f MB in all",
		s.GoLines, s.LinesPerField(), float64(s.GoBytes)/1e6, s.BytesPerField(), float64(s.Bytes)/1e6)
}
