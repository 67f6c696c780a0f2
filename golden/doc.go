// Package golden holds redcapgen's golden cases: golden/<case>/ has an input dictionary, case.json
// (what the case exercises and its options) and either want/ (the expected generated package, an
// ordinary package of this module so go build and go vet check it) or want.err (the expected error).
//
// go test ./golden compares; go test ./golden -update rewrites want/ (refused when CI is set).
package golden
