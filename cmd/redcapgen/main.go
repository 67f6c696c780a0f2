// Command redcapgen generates a typed Go package from a REDCap project's data dictionary: from a
// dictionary file (Data Dictionary CSV, API JSON or XML, project XML) or live from the REDCap API.
//
//	//go:generate go run github.com/redcapgen/redcapgen/cmd/redcapgen -dict study.csv -package study -out .
//
// With -check it runs the same pipeline without writing and exits 1 when the package on disk is
// not what the dictionary gives, with a report of what changed in REDCap terms.
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
