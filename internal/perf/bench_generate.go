package main

import (
	"context"
	"fmt"
	"go/format"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/generator"
)

// generateConfig is the generation every generate benchmark runs: the whole pipeline (read and
// check the dictionary, name, emit with jennifer, format with go/format, snapshot), in memory.
func generateConfig(dictPath string) generator.Config {
	return generator.Config{Source: generator.FileSource{Path: dictPath}, Package: "bench", GeneratorVersion: "v0.0.0-perf"}
}

// goFiles returns the Go files of a generation (the snapshot is text, not Go).
func goFiles(files generator.Files) [][]byte {
	var out [][]byte
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".go") {
			out = append(out, f.Bytes)
		}
	}
	return out
}

// benchGenerate runs the whole generation of one dictionary file.
func benchGenerate(dictPath string) func(b *testing.B) {
	return func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := generator.Generate(context.Background(), generateConfig(dictPath)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// benchFormatOnly is the baseline of benchGenerate: go/format.Source alone over the same
// generated Go files.
func benchFormatOnly(dictPath string) func(b *testing.B) {
	return func(b *testing.B) {
		res, err := generator.Generate(context.Background(), generateConfig(dictPath))
		if err != nil {
			b.Fatal(err)
		}
		src := goFiles(res.Files)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			for _, s := range src {
				if _, err := format.Source(s); err != nil {
					b.Fatal(fmt.Errorf("format generated code: %w", err))
				}
			}
		}
	}
}
