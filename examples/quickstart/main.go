// Command quickstart shows redcapgen end to end without a REDCap server: it starts the in-process
// fake REDCap (runtime/redcaptest) from the generated package's embedded snapshot of the example
// dictionary, imports typed records, shows what pre-flight validation says about a bad record,
// streams the records back and prints a summary.
//
// Run it from the repository root:
//
//	go run ./examples/quickstart
//
// The study package below is generated from study.csv by the go:generate line; regenerate it with
// `go generate ./examples/...` after editing the dictionary.
package main

//go:generate go run ../../cmd/redcapgen -dict study.csv -package study -out study

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// dictionaryFile is the data dictionary the study package is generated from.
const dictionaryFile = "study.csv"

// tokenVar is the environment variable the program reads the API token from, as a real program
// would. The fake server's token is put there in-process; it is never printed.
const tokenVar = "REDCAP_API_TOKEN"

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "quickstart: %v\n", err)
		os.Exit(1)
	}
}

// run is the whole example; it writes only deterministic text to out.
func run(ctx context.Context, out io.Writer) error {
	server, err := redcaptest.NewServerFromSnapshot(study.Snapshot, redcaptest.WithProjectInfo("Quick start study", 1))
	if err != nil {
		return fmt.Errorf("start the fake REDCap: %w", err)
	}
	defer server.Close()
	if err := os.Setenv(tokenVar, server.Token()); err != nil {
		return fmt.Errorf("set %s: %w", tokenVar, err)
	}
	client, err := redcap.NewClient(server.URL(), redcap.TokenFromEnv(tokenVar))
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	fields, err := dataFieldCount(ctx, client)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Fake REDCap started with %q (%d fields); token read from $%s\n",
		dictionaryFile, fields, tokenVar)

	records := sampleRecords()
	res, err := redcap.Import(ctx, client, records, redcap.ImportOptions{BatchSize: 2})
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	fmt.Fprintf(out, "Imported %d records in %d batches: %v\n", len(res.Landed()), len(res.Batches), res.Landed())

	if err := showPreflight(ctx, client, out); err != nil {
		return err
	}
	return summarize(ctx, client, out)
}

// dataFieldCount asks the server for its dictionary and counts the fields that hold data
// (descriptive fields hold none).
func dataFieldCount(ctx context.Context, client *redcap.Client) (int, error) {
	fields, err := client.MetadataFields(ctx, nil, nil)
	if err != nil {
		return 0, fmt.Errorf("export the dictionary: %w", err)
	}
	n := 0
	for _, f := range fields {
		if f.FieldType != "descriptive" {
			n++
		}
	}
	return n, nil
}
