package redcap_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// StreamReport exports a report made in REDCap's report editor into typed records; study stands
// for a generated record type. The report carries some fields only: Columns says which.
func ExampleStreamReport() {
	client, err := redcap.NewClient("https://redcap.example.edu/api/", redcap.TokenFromEnv("REDCAP_API_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	for rr, err := range redcap.StreamReport[study](context.Background(), client, 42) {
		var column *redcap.ReportColumnError
		switch {
		case errors.Is(err, redcap.ErrReportNotFound):
			log.Fatal("no report 42 in this project")
		case errors.As(err, &column):
			log.Fatalf("report column %s cannot be decoded: %s", column.Column, column.Problem)
		case err != nil:
			log.Fatal(err)
		}
		if rr.Columns.HasField("age") {
			fmt.Println(rr.Record.ID, rr.Record.Age)
		}
	}
}

// ExportReport gives a report as REDCap writes it, in any format.
func ExampleClient_ExportReport() {
	client, err := redcap.NewClient("https://redcap.example.edu/api/", redcap.TokenFromEnv("REDCAP_API_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	csv, err := client.ExportReport(context.Background(), redcap.ReportRequest{
		ReportID: 42, Format: redcap.ReportCSV, RawOrLabel: redcap.Label, RawOrLabelHeaders: redcap.Label, CSVDelimiter: ";",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s", csv)
}
