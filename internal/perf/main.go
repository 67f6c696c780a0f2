// Command perf runs redcapgen's performance benchmarks against their baselines in one run and
// prints one table of results and ratios (README.md beside this file is the performance journal):
//
//	go run ./internal/perf                 # everything, medians of 3 runs
//	go run ./internal/perf -count 1 -stream=false -build=false -records 20000
//	go run ./internal/perf -generate=false -codec=false -server-rows 0   # the client stream alone
//
// It needs the dictionaries of the shared test corpus (a directory named shared beside the
// checkout). The end-to-end stream runs its redcaptest server in a second process (this program
// again), so each side's Go heap is measured on its own.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
)

func main() {
	if v := os.Getenv(childEnv); v != "" {
		os.Exit(runChild(v))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(runMain(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// runMain parses flags and runs; it returns the exit code.
func runMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("perf", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts options
	fs.IntVar(&opts.Records, "records", 100_000, "records in the decode/encode/validate data set")
	fs.IntVar(&opts.StreamRows, "rows", 1_000_000, "rows of the end-to-end stream from a server that generates them")
	fs.IntVar(&opts.ServerRows, "server-rows", 100_000, "rows of the end-to-end stream from redcaptest (0 skips it)")
	fs.IntVar(&opts.Count, "count", 3, "runs of each benchmark (the median is reported)")
	fs.BoolVar(&opts.Generate, "generate", true, "measure generation of the largest dictionaries")
	fs.BoolVar(&opts.Build, "build", true, "measure go build of the generated packages (with -generate)")
	fs.BoolVar(&opts.Codec, "codec", true, "measure decode, encode and validate")
	fs.BoolVar(&opts.Stream, "stream", true, "run the end-to-end stream")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if opts.Records < 1 || opts.StreamRows < 1 || opts.ServerRows < 0 {
		fmt.Fprintln(stderr, "perf: -records and -rows must be positive, -server-rows not negative")
		return 2
	}
	if err := run(ctx, opts, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "perf: %v\n", err)
		return 1
	}
	return 0
}

// runChild runs the server process of the end-to-end benchmark; spec is "<server>:<rows>".
func runChild(spec string) int {
	kind, rows, _ := strings.Cut(spec, ":")
	n, err := strconv.Atoi(rows)
	switch {
	case err != nil:
	case kind == serverRedcaptest:
		err = serveWide50(n, os.Stdin, os.Stdout)
	case kind == serverStub:
		err = serveStub(n, os.Stdin, os.Stdout)
	default:
		err = fmt.Errorf("unknown server %q", kind)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "perf: %v\n", err)
		return 1
	}
	return 0
}
