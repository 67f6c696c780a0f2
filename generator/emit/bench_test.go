package emit

import (
	"path/filepath"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
	"github.com/redcapgen/redcapgen/generator/naming"
)

// BenchmarkEmitLargest measures the whole generation of the largest shared dictionary
// (ncanda-laptops-import.csv, 11,872 fields): parse, name, snapshot, emit and format.
func BenchmarkEmitLargest(b *testing.B) {
	path := filepath.Join(sharedDir(b), "dictionaries", "ncanda-laptops-import.csv")
	for b.Loop() {
		p, err := dictionary.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		n, err := naming.Resolve(p, nil)
		if err != nil {
			b.Fatal(err)
		}
		cfg := Config{Package: "ncanda", GeneratorVersion: "v0.0.0-bench", Fingerprint: snapshot.Fingerprint(p), Snapshot: snapshot.Snapshot(p)}
		if _, err := Emit(p, n, cfg); err != nil {
			b.Fatal(err)
		}
	}
}
