package main

import (
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

func BenchmarkDecodeTyped(b *testing.B)     { fixtureFor(b).benchDecodeTyped(b) }
func BenchmarkDecodeMaps(b *testing.B)      { fixtureFor(b).benchDecodeMaps(b) }
func BenchmarkDecodeJSONValid(b *testing.B) { fixtureFor(b).benchJSONValid(b) }
func BenchmarkEncodeTyped(b *testing.B)     { fixtureFor(b).benchEncodeTyped(b) }
func BenchmarkEncodeMaps(b *testing.B)      { fixtureFor(b).benchEncodeMaps(b) }
func BenchmarkValidate(b *testing.B)        { fixtureFor(b).benchValidate(b) }
