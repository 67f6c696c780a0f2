package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redcapgen/redcapgen/generator"
	"github.com/redcapgen/redcapgen/internal/perf/regression"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// TestCodecFixtureAgrees checks that both sides of the codec comparisons hold the same data.
func TestCodecFixtureAgrees(t *testing.T) {
	fx, err := newCodecFixture(300)
	if err != nil {
		t.Fatal(err)
	}
	if err := fx.agree(); err != nil {
		t.Fatal(err)
	}
}

// TestValidateAllocatesNothing: generated validators allocate nothing on valid values, and
// the generated values are valid.
func TestValidateAllocatesNothing(t *testing.T) {
	fx, err := newCodecFixture(200)
	if err != nil {
		t.Fatal(err)
	}
	if err := fx.withTyped(); err != nil {
		t.Fatal(err)
	}
	v := redcap.NewValidator(regression.Schema(), redcap.ValidatorOptions{Now: time.Date(2026, time.January, 15, 12, 0, 0, 0, time.UTC)})
	validateAll := func() {
		for i := range fx.typed {
			v.Reset()
			fx.typed[i].Validate(v)
			if err := v.Err(); err != nil {
				t.Fatalf("record %d: %v", i+1, err)
			}
		}
	}
	validateAll() // let the violation list grow to its size
	if allocs := testing.AllocsPerRun(3, validateAll); allocs != 0 {
		t.Fatalf("validating %d valid records allocates %.0f times, want 0", len(fx.typed), allocs)
	}
}

// TestGeneratedPackagesAreCurrent regenerates the benchmark packages in memory and compares
// them with the committed code; run go generate ./internal/perf/... when this fails.
func TestGeneratedPackagesAreCurrent(t *testing.T) {
	tests := []struct {
		pkg, dict string
		shared    bool
	}{
		{"regression", "redcap-regression-test.xml", true},
		{"wide50", "wide50/wide50.csv", false},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			dict := tt.dict
			if tt.shared {
				dict = filepath.Join(sharedtest.Dir(t), "dictionaries", tt.dict)
			}
			res, err := generator.Generate(context.Background(), generator.Config{Source: generator.FileSource{Path: dict}, Package: tt.pkg})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Files {
				got, err := os.ReadFile(filepath.Join(tt.pkg, f.Path))
				if err != nil || !bytes.Equal(got, f.Bytes) {
					t.Errorf("%s/%s is stale or missing: run go generate ./internal/perf/...", tt.pkg, f.Path)
				}
			}
			onDisk, err := filepath.Glob(filepath.Join(tt.pkg, "redcap_*_gen.*"))
			if err != nil {
				t.Fatal(err)
			}
			if len(onDisk) != len(res.Files) {
				t.Errorf("%s holds %d generated files, generation gives %d: run go generate ./internal/perf/...", tt.pkg, len(onDisk), len(res.Files))
			}
		})
	}
}

func TestPrintTable(t *testing.T) {
	var b strings.Builder
	err := printTable(&b, []line{
		{What: "decode", Ours: "300 MB/s", Baseline: "60 MB/s", Ratio: ratio(300, 60), Target: "≥ 3x", Met: true},
		{What: "a|b\nc", Ours: mib(3 << 20), Target: "< 64 MiB"},
	})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want header, separator and 2 rows, got:\n%s", b.String())
	}
	for _, want := range []string{"5.00x", "yes", "3.0 MiB", "a/b c", "| no"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
	for _, l := range lines {
		if strings.Count(l, "|") != 6 {
			t.Errorf("row %q does not have 6 column separators", l)
		}
	}
}

func TestRunMainRefusesBadFlags(t *testing.T) {
	tests := [][]string{{"-records", "0"}, {"-rows", "-1"}, {"-no-such-flag"}}
	for _, args := range tests {
		var out, errs bytes.Buffer
		if code := runMain(context.Background(), args, &out, &errs); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
