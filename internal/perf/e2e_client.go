package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"time"

	"github.com/redcapgen/redcapgen/internal/perf/wide50"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// streamResult is what the end-to-end benchmark measured.
type streamResult struct {
	Server         string
	Rows           int
	BatchSize      int
	Elapsed        time.Duration
	ClientPeakHeap uint64 // bytes, this process
	ServerLoaded   uint64 // bytes, server process after loading, after a GC
	ServerPeakHeap uint64 // bytes, server process while serving
}

// RowsPerSecond is the streaming throughput.
func (r streamResult) RowsPerSecond() float64 { return float64(r.Rows) / r.Elapsed.Seconds() }

// The servers runStream can start in their own process.
const (
	serverRedcaptest = "redcaptest" // the fake REDCap server, loaded with the rows
	serverStub       = "stub"       // generates the rows per request (client-only measurement)
)

// runStream starts the server process (server is serverRedcaptest or serverStub) with rows records, streams them all with redcap.Stream
// in batches of batch records (0: the size Stream chooses), and measures this process's peak Go
// heap and the server's.
func runStream(ctx context.Context, server string, rows, batch int) (streamResult, error) {
	res := streamResult{Server: server, Rows: rows, BatchSize: batch}
	exe, err := os.Executable()
	if err != nil {
		return res, fmt.Errorf("stream: %w", err)
	}
	cmd := exec.CommandContext(ctx, exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+server+":"+strconv.Itoa(rows))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return res, fmt.Errorf("stream: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return res, fmt.Errorf("stream: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return res, fmt.Errorf("stream: start server: %w", err)
	}
	defer func() { _ = cmd.Wait() }()
	defer stdin.Close()
	out := bufio.NewReader(stdout)
	ready, err := readLine(out, "READY")
	if err != nil || len(ready) != 2 {
		return res, fmt.Errorf("stream: server did not start: %v", err)
	}
	token := ready[1]
	client, err := redcap.NewClient(ready[0], redcap.TokenFromGetenv("PERF_TOKEN", func(string) string { return token }))
	if err != nil {
		return res, fmt.Errorf("stream: %w", err)
	}
	if res.ClientPeakHeap, res.Elapsed, err = streamAll(ctx, client, rows, batch); err != nil {
		return res, err
	}
	stdin.Close()
	heap, err := readLine(out, "HEAP")
	if err != nil || len(heap) != 2 {
		return res, fmt.Errorf("stream: no heap report from the server: %v", err)
	}
	res.ServerLoaded, _ = strconv.ParseUint(heap[0], 10, 64)
	res.ServerPeakHeap, _ = strconv.ParseUint(heap[1], 10, 64)
	return res, nil
}

// streamAll streams every record and returns this process's peak heap and the time taken.
// It collects garbage first, so earlier benchmarks in the process do not count.
func streamAll(ctx context.Context, client *redcap.Client, rows, batch int) (uint64, time.Duration, error) {
	runtime.GC()
	h := startHeapSampler(2 * time.Millisecond)
	start := time.Now()
	n := 0
	for rec, err := range redcap.Stream[wide50.Record](ctx, client, redcap.ExportOptions{BatchSize: batch}) {
		if err != nil {
			h.Stop()
			return 0, 0, fmt.Errorf("stream: after %d records: %w", n, err)
		}
		if rec.ID != strconv.Itoa(n+1) {
			h.Stop()
			return 0, 0, fmt.Errorf("stream: record %d has ID %q", n+1, rec.ID)
		}
		n++
		if n%1000 == 0 {
			h.Sample()
		}
	}
	elapsed := time.Since(start)
	peak := h.Stop()
	if n != rows {
		return 0, 0, fmt.Errorf("stream: got %d records, want %d", n, rows)
	}
	return peak, elapsed, nil
}

// lines turns the result into table lines.
func (r streamResult) lines() []line {
	batches := fmt.Sprintf("batches of %d", r.BatchSize)
	if r.BatchSize == 0 {
		batches = "batch size chosen by Stream"
	}
	what := fmt.Sprintf("stream %d rows x 50 fields from %s (%s)", r.Rows, r.Server, batches)
	out := []line{
		{What: what + ": client peak heap", Ours: mib(r.ClientPeakHeap), Target: "< 64 MiB", Met: r.ClientPeakHeap < 64<<20},
		{What: what + ": throughput", Ours: fmt.Sprintf("%.0f rows/s (%.1f s)", r.RowsPerSecond(), r.Elapsed.Seconds()), Target: "report", Met: true},
	}
	if r.Server == serverRedcaptest {
		out = append(out, line{What: what + ": server heap (own process)",
			Ours: fmt.Sprintf("%s loaded, %s peak serving", mib(r.ServerLoaded), mib(r.ServerPeakHeap)), Target: "report", Met: true})
	}
	return out
}
