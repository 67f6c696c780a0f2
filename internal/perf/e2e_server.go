package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/internal/perf/perfdata"
	"github.com/redcapgen/redcapgen/internal/perf/wide50"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

//go:embed wide50/wide50.csv
var wide50Dictionary []byte

// childEnv names the environment variable that makes this program (or its test binary) the
// server side of the end-to-end benchmark, in its own process so that its heap is measured
// apart from the client's.
const childEnv = "REDCAPGEN_PERF_SERVER"

// loadChunk is how many rows the server is loaded with at a time.
const loadChunk = 20_000

// wide50Generator returns the generator of the end-to-end rows.
func wide50Generator() (*perfdata.Generator, error) {
	return perfdata.New(perfdata.Spec{Schema: new(wide50.Record).Schema(), Seed: 50})
}

// serveWide50 is the server process: it loads rows records into a redcaptest server, writes
// "READY <url> <token>" to out, serves until in reaches EOF, then writes
// "HEAP <bytes after load> <peak bytes while serving>".
func serveWide50(rows int, in io.Reader, out io.Writer) error {
	p, err := dictionary.ReadCSV("wide50.csv", wide50Dictionary)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	g, err := wide50Generator()
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	srv := redcaptest.NewServer(p)
	defer srv.Close()
	for first := 1; first <= rows; first += loadChunk {
		var chunk []map[string]string
		body := g.JSON(first, min(first+loadChunk-1, rows))
		if err := json.Unmarshal(body, &chunk); err != nil {
			return fmt.Errorf("server: load: %w", err)
		}
		if err := srv.Load(chunk); err != nil {
			return fmt.Errorf("server: load rows %d…: %w", first, err)
		}
	}
	runtime.GC()
	loaded := heapNow()
	h := startHeapSampler(5 * time.Millisecond)
	if _, err := fmt.Fprintf(out, "READY %s %s\n", srv.URL(), srv.Token()); err != nil {
		return fmt.Errorf("server: %w", err)
	}
	_, _ = io.Copy(io.Discard, in)
	_, err = fmt.Fprintf(out, "HEAP %d %d\n", loaded, h.Stop())
	return err
}

// readLine reads one line from the server's output, with the expected leading word.
func readLine(r *bufio.Reader, word string) ([]string, error) {
	line, err := r.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("server output: %w", err)
	}
	fields := bytes.Fields(line)
	if len(fields) == 0 || string(fields[0]) != word {
		return nil, fmt.Errorf("server output: want %s, got %d bytes of something else", word, len(line))
	}
	out := make([]string, len(fields)-1)
	for i, f := range fields[1:] {
		out[i] = string(f)
	}
	return out, nil
}
