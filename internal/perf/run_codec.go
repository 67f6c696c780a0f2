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
		{What: "encode for import: throughput", Ours: speed(c.encodeTyped), Baseline: speed(c.encodeMaps) + " (json.Marshal maps)",
			Ratio: ratio(mbps(c.encodeTyped), mbps(c.encodeMaps)), Target: "≥ 3x", Met: mbps(c.encodeTyped) >= 3*mbps(c.encodeMaps)},
		{What: "encode: allocated bytes", Ours: alloc(c.encodeTyped), Baseline: alloc(c.encodeMaps),
			Ratio: ratio(perRecord(c.encodeTyped), perRecord(c.encodeMaps)), Target: "≤ 0.33x", Met: 3*perRecord(c.encodeTyped) <= perRecord(c.encodeMaps)},
		{What: "validate: time and allocations", Ours: fmt.Sprintf("%.2f µs/record, %.3f allocs/record", float64(c.validate.NsPerOp())/1e3/float64(c.records), float64(c.validate.AllocsPerOp())/float64(c.records)),
			Target: "0 allocs for valid values", Met: float64(c.validate.AllocsPerOp())/float64(c.records) < 0.001},
	}
}
