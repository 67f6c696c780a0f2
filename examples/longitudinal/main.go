// Command longitudinal runs redcapgen's generated types against a longitudinal project in the
// in-process fake REDCap, started from the generated package's embedded snapshot: one arm with a baseline event, a follow-up event in which adverse events
// repeat as an instrument, and a repeating phone-call event. It imports typed records, shows how
// validation names the event and instance of each bad value, exports the records back, groups
// values across events and instances, and re-imports the export to show nothing changes.
//
//	go run ./examples/longitudinal
//
// The study package is generated from study.csv (fields) and design.json (arms, events, the
// form-event mapping and repeating forms, as REDCap's API exports them) by the go:generate line.
package main

//go:generate go run ../../cmd/redcapgen -dict study.csv -events design.json -package study -out study

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/redcapgen/redcapgen/examples/longitudinal/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "longitudinal: %v\n", err)
		os.Exit(1)
	}
}

// run is the whole example; it writes only deterministic text to out.
func run(ctx context.Context, out io.Writer) error {
	server, err := redcaptest.NewServerFromSnapshot(study.Snapshot, redcaptest.WithProjectInfo("Longitudinal example", 2))
	if err != nil {
		return fmt.Errorf("start the fake REDCap: %w", err)
	}
	defer server.Close()
	tokenFile, cleanup, err := writeTokenFile(server.Token())
	if err != nil {
		return err
	}
	defer cleanup()
	client, err := redcap.NewClient(server.URL(), redcap.TokenFromFile(tokenFile))
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	if err := showDesign(ctx, client, out); err != nil {
		return err
	}

	res, err := redcap.Import(ctx, client, sampleRecords(), redcap.ImportOptions{})
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	fmt.Fprintf(out, "Imported records %v; the server holds %d rows (one per record, event and instance)\n",
		res.Landed(), len(server.Records()))

	if err := showValidation(ctx, client, out); err != nil {
		return err
	}
	records, err := redcap.ExportAll[study.Record](ctx, client, redcap.ExportOptions{BatchSize: 2})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	summarize(records, out)
	return showRoundTrip(ctx, client, server, records, out)
}

// showDesign asks the server for the project's arms, events and repeating declarations and
// counts them.
func showDesign(ctx context.Context, client *redcap.Client, out io.Writer) error {
	arms, err := client.Arms(ctx)
	if err != nil {
		return fmt.Errorf("export arms: %w", err)
	}
	events, err := client.Events(ctx)
	if err != nil {
		return fmt.Errorf("export events: %w", err)
	}
	repeats, err := client.RepeatingFormsEvents(ctx)
	if err != nil {
		return fmt.Errorf("export repeating forms and events: %w", err)
	}
	fmt.Fprintf(out, "Fake REDCap: %d events in %d arm, %d repeating declarations; token read from a 0600 file\n",
		len(events), len(arms), len(repeats))
	return nil
}

// writeTokenFile stores the token in a file only the user can read, as a real deployment would
// (chmod 600), and returns its path and a function removing it.
func writeTokenFile(token string) (string, func(), error) {
	dir, err := os.MkdirTemp("", "redcap-token-")
	if err != nil {
		return "", nil, fmt.Errorf("token directory: %w", err)
	}
	cleanup := func() { os.RemoveAll(dir) }
	path := dir + string(os.PathSeparator) + "study.token"
	if err := os.WriteFile(path, []byte(token+"\n"), 0o600); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("token file: %w", err)
	}
	return path, cleanup, nil
}
