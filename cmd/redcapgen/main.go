// Command redcapgen generates a typed Go package from a REDCap project's data dictionary: from a
// dictionary file (Data Dictionary CSV, API JSON or XML, project XML) or live from the REDCap API.
//
//	//go:generate go run github.com/redcapgen/redcapgen/cmd/redcapgen -dict study.csv -package study -out .
//
// With -check it runs the same pipeline without writing and compares with the package on disk,
// reporting what changed in REDCap terms. Header lines that only name the source or the generator
// version are not a change, and what the source does not carry (a dictionary file's events,
// missing-data codes, form labels and title; survey settings the API does not tell) is kept from the
// committed package, with a note naming the flag or source that carries it.
//
// Exit status: generation exits 0 when written, 1 when it failed, 2 on a usage error. -check
// exits 0 when the package is current, 1 when it must be regenerated, and 2 when the check could
// not be made: a usage error, or a source error (an unreadable or refused dictionary, a failed
// API call).
//
// Whatever REDCap holds generates; REDCap's upload-time checks are warnings (-v lists them). The
// dictionaries refused, each because no Go package can be made from it, are listed with the
// reason in the README.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
