package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"testing"
	"time"
)

// options are the command-line settings of a run.
type options struct {
	Records    int  // records in the codec data set
	StreamRows int  // rows of the end-to-end stream from the generating stub server
	ServerRows int  // rows of the end-to-end stream from redcaptest (0: skip)
	Count      int  // runs of each benchmark; the median is reported
	Generate   bool // measure generation
	Build      bool // measure go build of generated packages
	Codec      bool // measure decode, encode and validate
	Stream     bool // run the end-to-end stream
}

// median runs a benchmark count times and returns the run with the median time per op.
func median(count int, fn func(*testing.B)) (testing.BenchmarkResult, error) {
	var runs []testing.BenchmarkResult
	for range max(count, 1) {
		runtime.GC()
		r := testing.Benchmark(fn)
		if r.N == 0 {
			return r, fmt.Errorf("benchmark failed (see the output above)")
		}
		runs = append(runs, r)
	}
	slices.SortFunc(runs, func(a, b testing.BenchmarkResult) int { return int(a.NsPerOp() - b.NsPerOp()) })
	return runs[len(runs)/2], nil
}

// secs renders a duration in seconds.
func secs(ns int64) string { return fmt.Sprintf("%.3f s", float64(ns)/1e9) }

// mbps is the throughput of a result in MB/s.
func mbps(r testing.BenchmarkResult) float64 {
	if r.T <= 0 {
		return 0
	}
	return float64(r.Bytes) * float64(r.N) / 1e6 / r.T.Seconds()
}

// run measures everything and prints the table to w, with progress to log.
func run(ctx context.Context, opts options, w, log io.Writer) error {
	var lines []line
	step := func(what string) { fmt.Fprintf(log, "perf: %s (%s)\n", what, time.Now().UTC().Format("15:04:05")) }

	var dicts []string
	if opts.Generate {
		dicts = []string{"ncanda-laptops-import.csv", "tbi-return-to-school.csv"}
	}
	for _, dict := range dicts {
		path, err := sharedDictionary(dict)
		if err != nil {
			return err
		}
		step("generate " + dict)
		gen, err := median(opts.Count, benchGenerate(path))
		if err != nil {
			return err
		}
		fmtOnly, err := median(opts.Count, benchFormatOnly(path))
		if err != nil {
			return err
		}
		size, err := measureSize(ctx, path)
		if err != nil {
			return err
		}
		lines = append(lines,
			line{What: "generated code of " + dict + fmt.Sprintf(" (%d fields)", size.Fields), Ours: size.String(),
				Target: "≤ 13 lines per field", Met: size.LinesPerField() <= 13},
			line{What: "generate " + dict, Ours: secs(gen.NsPerOp()), Target: "< 1 s", Met: gen.NsPerOp() < 1e9},
			line{What: "generate " + dict + " vs go/format alone", Ours: secs(gen.NsPerOp()), Baseline: secs(fmtOnly.NsPerOp()),
				Ratio: ratio(float64(gen.NsPerOp()), float64(fmtOnly.NsPerOp())), Target: "≤ 1.5x", Met: float64(gen.NsPerOp()) <= 1.5*float64(fmtOnly.NsPerOp())})
		if opts.Build {
			step("go build of the package generated from " + dict)
			br, err := measureBuild(ctx, path)
			if err != nil {
				return err
			}
			lines = append(lines, line{What: fmt.Sprintf("go build generated package (%.1f MB of Go) of %s", float64(br.Bytes)/1e6, dict),
				Ours: fmt.Sprintf("%.1f s, peak RSS %s", br.Elapsed.Seconds(), mib(br.PeakRSS)), Target: "< 30 s", Met: br.Elapsed < 30*time.Second})
		}
	}

	if opts.Generate && opts.Build {
		step(fmt.Sprintf("go build of the package of a dropdown and a checkbox of %d choices", longChoices))
		br, err := measureLongChoicesBuild(ctx)
		if err != nil {
			return err
		}
		lines = append(lines, line{What: fmt.Sprintf("go build generated package (%.1f MB of Go) of a dropdown and a checkbox of %d choices", float64(br.Bytes)/1e6, longChoices),
			Ours: fmt.Sprintf("%.1f s, peak RSS %s", br.Elapsed.Seconds(), mib(br.PeakRSS)), Target: "< 10 s", Met: br.Elapsed < 10*time.Second})
	}

	if opts.Codec {
		step(fmt.Sprintf("codec data set: %d records of redcap-regression-test", opts.Records))
		fx, err := newCodecFixture(opts.Records)
		if err != nil {
			return err
		}
		size := fmt.Sprintf("%d records, %d columns, %.0f MB", fx.records, fx.columns, float64(len(fx.body))/1e6)
		codec, err := measureCodec(fx, opts.Count, step)
		if err != nil {
			return err
		}
		lines = append(lines, codec.lines(size)...)
		export, err := measureExport(opts.Count, step,
			func() (*exportFixture, error) { return wide50ExportFixture(smallProjectRecords) },
			func() (*exportFixture, error) { return regressionExportFixture(smallProjectRecords) })
		if err != nil {
			return err
		}
		lines = append(lines, export...)
	}

	if opts.Stream {
		runs := []struct {
			server string
			rows   int
		}{{serverStub, opts.StreamRows}, {serverRedcaptest, opts.ServerRows}}
		for _, r := range runs {
			if r.rows == 0 {
				continue
			}
			step(fmt.Sprintf("stream %d rows x 50 fields over loopback HTTP from %s", r.rows, r.server))
			res, err := runStream(ctx, r.server, r.rows, 0)
			if err != nil {
				return err
			}
			lines = append(lines, res.lines()...)
		}
	}
	return printTable(w, lines)
}
