package main

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
)

// benchRecords is the size of the codec data set under go test -bench (the table of
// go run ./internal/perf uses 100,000 by default).
const benchRecords = 100_000

var sharedFixture = sync.OnceValues(func() (*codecFixture, error) { return newCodecFixture(benchRecords) })

func fixtureFor(b *testing.B) *codecFixture {
	b.Helper()
	fx, err := sharedFixture()
	if err != nil {
		b.Fatal(err)
	}
	return fx
}

// The codec benchmarks: decode, encode and validate the regression-test data set, each beside
// its baseline (see bench_codec.go).
func BenchmarkDecodeTyped(b *testing.B)     { fixtureFor(b).benchDecodeTyped(b) }
func BenchmarkDecodeReused(b *testing.B)    { fixtureFor(b).benchDecodeReused(b) }
func BenchmarkDecodeMaps(b *testing.B)      { fixtureFor(b).benchDecodeMaps(b) }
func BenchmarkDecodeJSONValid(b *testing.B) { fixtureFor(b).benchJSONValid(b) }
func BenchmarkEncodeTyped(b *testing.B)     { fixtureFor(b).benchEncodeTyped(b) }
func BenchmarkEncodeMaps(b *testing.B)      { fixtureFor(b).benchEncodeMaps(b) }
func BenchmarkImport(b *testing.B)          { fixtureFor(b).benchImport(b, false) }
func BenchmarkImportPreflight(b *testing.B) { fixtureFor(b).benchImport(b, true) }
func BenchmarkValidate(b *testing.B)        { fixtureFor(b).benchValidate(b) }

func benchDictionary(b *testing.B, name string) string {
	b.Helper()
	path, err := sharedDictionary(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			b.Fatal(err)
		}
		b.Skipf("SKIPPING: %v", err)
	}
	return path
}

func BenchmarkGenerateNCANDA(b *testing.B) {
	benchGenerate(benchDictionary(b, "ncanda-laptops-import.csv"))(b)
}
func BenchmarkFormatOnlyNCANDA(b *testing.B) {
	benchFormatOnly(benchDictionary(b, "ncanda-laptops-import.csv"))(b)
}
func BenchmarkGenerateRegression(b *testing.B) {
	benchGenerate(benchDictionary(b, "redcap-regression-test.csv"))(b)
}
func BenchmarkGenerateTBI(b *testing.B) {
	benchGenerate(benchDictionary(b, "tbi-return-to-school.csv"))(b)
}
func BenchmarkFormatOnlyTBI(b *testing.B) {
	benchFormatOnly(benchDictionary(b, "tbi-return-to-school.csv"))(b)
}

// TestMain lets the test binary be the end-to-end benchmark's server process.
func TestMain(m *testing.M) {
	if v := os.Getenv(childEnv); v != "" {
		os.Exit(runChild(v))
	}
	os.Exit(m.Run())
}

// BenchmarkStream streams rows of 50 fields from a redcaptest server in another process over
// loopback HTTP, and reports rows/s and both processes' peak heap.
func BenchmarkStream(b *testing.B) { benchStream(b, serverRedcaptest, 100_000) }

// BenchmarkStreamClient streams a million rows of 50 fields from a server that generates them,
// to measure the client alone.
func BenchmarkStreamClient(b *testing.B) { benchStream(b, serverStub, 1_000_000) }

func benchStream(b *testing.B, server string, rows int) {
	for b.Loop() {
		res, err := runStream(b.Context(), server, rows, 0)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(res.RowsPerSecond(), "rows/s")
		b.ReportMetric(float64(res.ClientPeakHeap)/(1<<20), "client-peak-MiB")
		b.ReportMetric(float64(res.ServerPeakHeap)/(1<<20), "server-peak-MiB")
	}
}

// exportFixtures are the small projects of the export benchmarks, made once.
var exportFixtures = struct {
	wide50, regression func() (*exportFixture, error)
}{
	wide50:     sync.OnceValues(func() (*exportFixture, error) { return wide50ExportFixture(smallProjectRecords) }),
	regression: sync.OnceValues(func() (*exportFixture, error) { return regressionExportFixture(smallProjectRecords) }),
}

func exportFixtureFor(b *testing.B, build func() (*exportFixture, error)) *exportFixture {
	b.Helper()
	fx, err := build()
	if err != nil {
		if os.Getenv("CI") == "" && strings.Contains(err.Error(), "shared dictionary") {
			b.Skipf("SKIPPING: %v", err)
		}
		b.Fatal(err)
	}
	return fx
}

// The export benchmarks: a typed export of a 250-record project from redcaptest (ExportAll with
// default options) beside one raw export request of the same records.
func BenchmarkExportTypedWide50(b *testing.B) {
	exportFixtureFor(b, exportFixtures.wide50).benchTyped(b)
}
func BenchmarkExportRawWide50(b *testing.B) { exportFixtureFor(b, exportFixtures.wide50).benchRaw(b) }
func BenchmarkExportTypedRegression(b *testing.B) {
	exportFixtureFor(b, exportFixtures.regression).benchTyped(b)
}
func BenchmarkExportRawRegression(b *testing.B) {
	exportFixtureFor(b, exportFixtures.regression).benchRaw(b)
}

// The build benchmarks generate a package into a fresh module and build it; build-s is the go
// build of the generated package alone (its dependencies built before).
func benchBuild(b *testing.B, dictPath func() (string, error)) {
	path, err := dictPath()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := measureBuild(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(res.Elapsed.Seconds(), "build-s")
		b.ReportMetric(float64(res.PeakRSS)/(1<<20), "peak-MiB")
		b.ReportMetric(float64(res.Bytes), "Go-bytes")
	}
}

func BenchmarkBuildTBI(b *testing.B) {
	path := benchDictionary(b, "tbi-return-to-school.csv")
	benchBuild(b, func() (string, error) { return path, nil })
}

func BenchmarkBuildLongChoices(b *testing.B) {
	benchBuild(b, func() (string, error) { return longChoicesDictionary(b.TempDir(), longChoices) })
}
