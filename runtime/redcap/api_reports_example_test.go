package redcap_test

import (
	"context"
	"fmt"
	"log"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

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
