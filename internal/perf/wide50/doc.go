// Package wide50 is the code redcapgen generates for wide50.csv, a synthetic 50-field
// classic project (dates, integers, numbers, radios, dropdowns, yes/no, checkboxes, text, notes,
// datetimes, emails on three forms). The end-to-end benchmark of internal/perf streams a million
// of its rows from redcaptest over loopback HTTP.
package wide50

//go:generate go run ../../../cmd/redcapgen -dict wide50.csv -package wide50 -out .
