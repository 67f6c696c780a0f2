package main

import (
	"fmt"
	"testing"
)

// codecResults are the medians of the codec benchmarks.
type codecResults struct {
	decodeTyped, decodeReused testing.BenchmarkResult
	decodeMaps, jsonValid     testing.BenchmarkResult
	encodeTyped, encodeMaps   testing.BenchmarkResult
	importSend, importChecked testing.BenchmarkResult
	validate                  testing.BenchmarkResult
	records                   int
}

// measureCodec runs the decode, encode and validate benchmarks and their baselines on fx.
// Each keeps only the data shape it reads in memory (see codecFixture.drop).
func measureCodec(fx *codecFixture, count int, step func(string)) (*codecResults, error) {
	res := &codecResults{records: fx.records}
	var err error
	runs := []struct {
		what string
		dst  *testing.BenchmarkResult
		fn   func(*testing.B)
	}{
		{"decode into generated records", &res.decodeTyped, fx.benchDecodeTyped},
		{"decode into one recycled record", &res.decodeReused, fx.benchDecodeReused},
		{"decode with encoding/json into maps", &res.decodeMaps, fx.benchDecodeMaps},
		{"json.Valid", &res.jsonValid, fx.benchJSONValid},
		{"encode generated records", &res.encodeTyped, fx.benchEncodeTyped},
		{"redcap.Import without pre-flight", &res.importSend, func(b *testing.B) { fx.benchImport(b, false) }},
		{"redcap.Import with pre-flight", &res.importChecked, func(b *testing.B) { fx.benchImport(b, true) }},
		{"validate generated records", &res.validate, fx.benchValidate},
		{"json.Marshal of maps", &res.encodeMaps, fx.benchEncodeMaps},
	}
	for _, r := range runs {
		step(r.what)
		if *r.dst, err = median(count, r.fn); err != nil {
			return nil, fmt.Errorf("%s: %w", r.what, err)
		}
	}
	fx.drop()
	return res, nil
}

// lines turns the results into table lines; size describes the data set.
func (c *codecResults) lines(size string) []line {
	perRecord := func(r testing.BenchmarkResult) float64 { return float64(r.AllocedBytesPerOp()) / float64(c.records) }
	speed := func(r testing.BenchmarkResult) string { return fmt.Sprintf("%.0f MB/s", mbps(r)) }
	alloc := func(r testing.BenchmarkResult) string { return fmt.Sprintf("%.0f B/record", perRecord(r)) }
	return []line{
		{What: "decode " + size + ", a new record each: throughput", Ours: speed(c.decodeTyped), Baseline: speed(c.decodeMaps) + " (encoding/json maps)",
			Ratio: ratio(mbps(c.decodeTyped), mbps(c.decodeMaps)), Target: "≥ 3x", Met: mbps(c.decodeTyped) >= 3*mbps(c.decodeMaps)},
		{What: "decode, record reused (ReadRecordsInto; Stream with ReuseRecord): throughput", Ours: speed(c.decodeReused), Baseline: speed(c.decodeMaps),
			Ratio: ratio(mbps(c.decodeReused), mbps(c.decodeMaps)), Target: "≥ 3x", Met: mbps(c.decodeReused) >= 3*mbps(c.decodeMaps)},
		{What: "decode, record reused: allocated bytes", Ours: alloc(c.decodeReused), Baseline: alloc(c.decodeMaps),
			Ratio: ratio(perRecord(c.decodeReused), perRecord(c.decodeMaps)), Target: "≤ 0.33x", Met: 3*perRecord(c.decodeReused) <= perRecord(c.decodeMaps)},
		{What: "decode, a new record each (ReadRecords; ExportAll): allocated bytes", Ours: alloc(c.decodeTyped), Baseline: alloc(c.decodeMaps),
			Ratio: ratio(perRecord(c.decodeTyped), perRecord(c.decodeMaps)), Target: "report", Met: true},
		{What: "decode vs json.Valid (the floor)", Ours: speed(c.decodeTyped), Baseline: speed(c.jsonValid) + " (json.Valid)",
			Ratio: ratio(mbps(c.decodeTyped), mbps(c.jsonValid)), Target: "report", Met: true},
		{What: "encode for import (EncodeRows, WriteRows; no request): throughput", Ours: speed(c.encodeTyped), Baseline: speed(c.encodeMaps) + " (json.Marshal maps)",
			Ratio: ratio(mbps(c.encodeTyped), mbps(c.encodeMaps)), Target: "≥ 3x", Met: mbps(c.encodeTyped) >= 3*mbps(c.encodeMaps)},
		{What: "encode: allocated bytes", Ours: alloc(c.encodeTyped), Baseline: alloc(c.encodeMaps),
			Ratio: ratio(perRecord(c.encodeTyped), perRecord(c.encodeMaps)), Target: "≤ 0.33x", Met: 3*perRecord(c.encodeTyped) <= perRecord(c.encodeMaps)},
		{What: "import, Import's own path (encode, request body, send; SkipPreflight): throughput", Ours: speed(c.importSend), Baseline: speed(c.encodeMaps) + " (json.Marshal maps)",
			Ratio: ratio(mbps(c.importSend), mbps(c.encodeMaps)), Target: "report", Met: true},
		{What: "import, Import's own path: allocated bytes", Ours: alloc(c.importSend), Baseline: alloc(c.encodeMaps),
			Ratio: ratio(perRecord(c.importSend), perRecord(c.encodeMaps)), Target: "≤ 0.1x", Met: 10*perRecord(c.importSend) <= perRecord(c.encodeMaps)},
		{What: "import with pre-flight validation (the default): throughput", Ours: speed(c.importChecked), Baseline: speed(c.encodeMaps),
			Ratio: ratio(mbps(c.importChecked), mbps(c.encodeMaps)), Target: "report", Met: true},
		{What: "import with pre-flight validation: allocated bytes", Ours: alloc(c.importChecked), Baseline: alloc(c.encodeMaps),
			Ratio: ratio(perRecord(c.importChecked), perRecord(c.encodeMaps)), Target: "report", Met: true},
		{What: "validate: time and allocations", Ours: fmt.Sprintf("%.2f µs/record, %.3f allocs/record", float64(c.validate.NsPerOp())/1e3/float64(c.records), float64(c.validate.AllocsPerOp())/float64(c.records)),
			Target: "0 allocs for valid values", Met: float64(c.validate.AllocsPerOp())/float64(c.records) < 0.001},
	}
}

// measureExport runs the small-project export benchmarks: a typed export of every record beside
// one raw export request, for each fixture.
func measureExport(count int, step func(string), fixtures ...func() (*exportFixture, error)) ([]line, error) {
	var lines []line
	for _, build := range fixtures {
		fx, err := build()
		if err != nil {
			return nil, err
		}
		step(fmt.Sprintf("export %d records of %s (%d columns) from redcaptest", fx.records, fx.name, fx.columns))
		typed, err := median(count, fx.benchTyped)
		if err != nil {
			fx.close()
			return nil, fmt.Errorf("typed export: %w", err)
		}
		raw, err := median(count, fx.benchRaw)
		fx.close()
		if err != nil {
			return nil, fmt.Errorf("raw export: %w", err)
		}
		t, r := float64(typed.NsPerOp()), float64(raw.NsPerOp())
		lines = append(lines, line{
			What: fmt.Sprintf("typed export (ExportAll, default options) of %d records of %s (%d columns) vs one raw export request", fx.records, fx.name, fx.columns),
			Ours: fmt.Sprintf("%.1f ms", t/1e6), Baseline: fmt.Sprintf("%.1f ms", r/1e6),
			Ratio: ratio(t, r), Target: "≤ 1.2x", Met: t <= 1.2*r,
		})
	}
	return lines, nil
}
