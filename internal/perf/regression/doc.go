// Package regression is the code redcapgen generates for the shared corpus dictionary
// redcap-regression-test.xml (781 fields, 72 instruments, 2 events, repeating instruments,
// project missing-data codes). The performance benchmarks in internal/perf decode, encode and
// validate records through it. Regenerate with go generate after changing the emitter; a test in
// internal/perf fails when this code is stale.
package regression

//go:generate go run ../../../cmd/redcapgen -dict ../../../../shared/dictionaries/redcap-regression-test.xml -package regression -out .
