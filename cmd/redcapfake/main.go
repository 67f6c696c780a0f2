// Command redcapfake serves a fake REDCap API for one project, loaded from a data dictionary (or
// a generated package's snapshot, redcap_snapshot_gen.txt), on a local address: for trying
// redcapgen's quick start and client code without a REDCap server.
//
//	REDCAP_API_TOKEN=0123456789ABCDEF0123456789ABCDEF redcapfake -dict study.csv -data records.json
//	redcapfake -dict study.csv -token-file ~/.redcapfake-token
//	redcapfake -dict study.csv -token-file ~/.redcapfake-token -today 2026-12-02
//	redcapfake -dict study/redcap_snapshot_gen.txt -token-file ~/.redcapfake-token
//
// The token comes from REDCAP_API_TOKEN (32 hexadecimal characters) or is generated and written
// to -token-file with mode 0600. The API URL is printed; the token never is. -today pins what
// 'today' and 'now' mean in calculations and filterLogic (that day, at 12:00:00 UTC), so computed
// ages and date differences stay the same from one day to the next.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit(run(signalContext(), os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}

// signalContext is cancelled by SIGINT or SIGTERM.
func signalContext() context.Context {
	ctx, _ := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	return ctx
}
