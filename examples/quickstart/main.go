// Command quickstart shows redcapgen end to end without a REDCap server: it starts the in-process
// fake REDCap (runtime/redcaptest) with the example dictionary, imports typed records, shows what
// pre-flight validation says about a bad record, streams the records back and prints a summary.
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
	_ "embed"
	"fmt"
	"io"
	"os"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

//go:embed study.csv
var studyCSV []byte

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
	project, err := dictionary.Read("study.csv", studyCSV)
	if err != nil {
		return fmt.Errorf("read the dictionary: %w", err)
	}
	server := redcaptest.NewServer(project, redcaptest.WithProjectInfo("Quick start study", 1))
	defer server.Close()
	if err := os.Setenv(tokenVar, server.Token()); err != nil {
		return fmt.Errorf("set %s: %w", tokenVar, err)
	}
	client, err := redcap.NewClient(server.URL(), redcap.TokenFromEnv(tokenVar))
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	fmt.Fprintf(out, "Fake REDCap started with %q (%d fields); token read from $%s\n",
		project.Source, len(project.DataFields()), tokenVar)

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
