package redcap_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// threeRecords are three records of the quickstart project.
const threeRecords = `[
	{"record_id":"1","first_name":"Ada","dob":"1990-02-03","sex":"0","race___1":"1","height_cm":"170"},
	{"record_id":"2","first_name":"Ben","sex":"1","race___2":"1","height_cm":"182"},
	{"record_id":"3","first_name":"Cy","sex":"1","height_cm":"175.5"}
]`

// StreamReport exports a report made in REDCap's report editor into generated records. A report
// carries some fields only: Columns says which, and the others stay blank.
func ExampleStreamReport() {
	men := redcaptest.Report{ID: 42, Title: "Men", Fields: []string{"record_id", "first_name", "height_cm"}, Logic: "[sex] = '1'"}
	srv, client := fakeREDCap(quickstartCSV, threeRecords, redcaptest.WithReports(men))
	defer srv.Close()
	for rr, err := range redcap.StreamReport[study.Record](context.Background(), client, 42) {
		var column *redcap.ReportColumnError
		switch {
		case errors.Is(err, redcap.ErrReportNotFound):
			log.Fatal("no report 42 in this project")
		case errors.As(err, &column):
			log.Fatalf("report column %s cannot be decoded: %s", column.Column, column.Problem)
		case err != nil:
			log.Fatal(err)
		}
		d := rr.Record.Demographics
		fmt.Println(rr.Record.ID, d.FirstName, d.HeightCm, rr.Columns.HasField("sex"), d.Sex.IsBlank())
	}
	// Output:
	// 2 Ben 182 false true
	// 3 Cy 175.5 false true
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
