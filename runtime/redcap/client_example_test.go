package redcap_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// A client reads its token from the environment; the token never appears in logs or errors.
func ExampleNewClient() {
	client, err := redcap.NewClient("https://redcap.example.edu/api/", redcap.TokenFromEnv("REDCAP_API_TOKEN"),
		redcap.WithLogger(slog.New(slog.NewTextHandler(os.Stderr, nil))))
	if err != nil {
		log.Fatal(err)
	}
	info, err := client.ProjectInfo(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Title, info.MissingDataCodes)
}

// Stream exports typed records in batches. Here the server is an in-process REDCap holding two
// records of the quickstart project, and study is the package redcapgen generated from that
// project's dictionary.
func ExampleStream() {
	srv, client := fakeREDCap(quickstartCSV, `[
		{"record_id":"1","first_name":"Ada","dob":"1990-02-03","sex":"0","race___1":"1","race___3":"1","height_cm":"170"},
		{"record_id":"2","first_name":"Ben","sex":"1"}
	]`)
	defer srv.Close()
	for rec, err := range redcap.Stream[study.Record](context.Background(), client, redcap.ExportOptions{BatchSize: 500}) {
		if err != nil {
			log.Fatal(err) // names the batch and the records missing, duplicated or undecodable
		}
		d := &rec.Demographics
		sex, _ := d.Sex.Get()
		fmt.Printf("record %s: %s, %s, race %v\n", rec.ID, d.FirstName, sex.Label(), d.Race.Checked())
		if dob, ok := d.DOB.Get(); ok {
			fmt.Println("  born", dob.Time(time.UTC).Format("2 January 2006"))
		}
		if d.HeightCm.IsBlank() {
			fmt.Println("  no height")
		}
	}
	// Output:
	// record 1: Ada, Female, race [1 3]
	//   born 3 February 1990
	// record 2: Ben, Male, race []
	//   no height
}

// Import writes records built in code and reports what landed. Each batch is validated first: a
// batch holding a value REDCap would refuse is not sent, and its error holds every violation,
// errors (refused values) and warnings (what REDCap's data entry would flag) alike.
func ExampleImport() {
	srv, client := fakeREDCap(quickstartCSV, "")
	defer srv.Close()
	ada := study.Record{ID: "1"}
	ada.Demographics.FirstName = redcap.Of(redcap.Text("Ada"))
	ada.Demographics.Sex = redcap.Of(study.SexFemale)
	ada.Demographics.Race.Set(study.RaceAsian)
	ada.Demographics.HeightCm = redcap.Of(redcap.Number("170"))
	ben := study.Record{ID: "2"}
	ben.Demographics.FirstName = redcap.Of(redcap.Text("Ben"))
	ben.Demographics.DOB = redcap.Decode("2023-02-29", nil, redcap.ParseDate) // no such day

	ctx := context.Background()
	res, err := redcap.Import(ctx, client, []study.Record{ada, ben}, redcap.ImportOptions{BatchSize: 1})
	fmt.Println("landed:", res.Landed())
	for _, b := range res.Batches {
		fmt.Printf("batch %d %v: %s\n", b.Number, b.IDs, b.Status)
	}
	var verr *redcap.ValidationError
	if errors.As(err, &verr) {
		for _, v := range verr.Violations {
			fmt.Printf("%s: record %s field %s (%s) rule %s\n", v.Severity, v.Record, v.Field, v.GoField, v.Rule)
		}
	}
	// Output:
	// landed: [1]
	// batch 1 [1]: landed
	// batch 2 [2]: refused by pre-flight validation
	// error: record 2 field dob (DOB) rule validation:date_ymd
	// warning: record 2 field sex (Sex) rule required
}
