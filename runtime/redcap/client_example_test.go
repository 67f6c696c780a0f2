package redcap_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"

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

// Stream exports typed records in batches; study stands for a generated record type.
func ExampleStream() {
	client, err := redcap.NewClient("https://redcap.example.edu/api/", redcap.TokenFromFile("/home/me/.redcap-token"))
	if err != nil {
		log.Fatal(err)
	}
	for rec, err := range redcap.Stream[study](context.Background(), client, redcap.ExportOptions{BatchSize: 500}) {
		if err != nil {
			log.Fatal(err) // names the batch and the records missing, duplicated or undecodable
		}
		fmt.Println(rec.ID, rec.Age)
	}
}

// Import reports what landed; a refused batch lists every refused value.
func ExampleImport() {
	client, err := redcap.NewClient("https://redcap.example.edu/api/", redcap.TokenFromEnv("REDCAP_API_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	records := []study{{ID: "1", Age: "42"}}
	res, err := redcap.Import(context.Background(), client, records, redcap.ImportOptions{BatchSize: 200})
	var refused *redcap.APIError
	if errors.As(err, &refused) {
		for _, v := range refused.Values {
			fmt.Printf("record %s field %s (%s): %q: %s\n", v.Record, v.Field, v.GoField, v.Value, v.Message)
		}
	}
	fmt.Println("landed:", res.Landed())
}
