package redcap_test

import (
	"log"
	"os"
	"path/filepath"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// quickstartCSV is the data dictionary of the quickstart project, which the example package
// examples/quickstart/study is generated from.
var quickstartCSV = filepath.Join("..", "..", "examples", "quickstart", "study.csv")

// filesCSV and filesDesign are the dictionary and event design of a longitudinal project with
// file upload and signature fields, which the package golden/file_fields/want is generated from.
var (
	filesCSV    = filepath.Join("..", "..", "golden", "file_fields", "input.csv")
	filesDesign = filepath.Join("..", "..", "golden", "file_fields", "design.json")
)

// fakeREDCap starts an in-process REDCap (package redcaptest) for the project of a dictionary
// file, holding the given records (REDCap's flat JSON; "" for none), and a client for it.
func fakeREDCap(dictPath, records string, opts ...redcaptest.Option) (*redcaptest.Server, *redcap.Client) {
	srv := fakeServer(dictPath, "", records, opts...)
	return srv, clientOf(srv)
}

// fakeServer starts an in-process REDCap for the project of a dictionary file and, unless
// designPath is "", an event design (arms, events, form-event mapping, repeating forms), holding
// the given records.
func fakeServer(dictPath, designPath, records string, opts ...redcaptest.Option) *redcaptest.Server {
	data, err := os.ReadFile(dictPath)
	if err != nil {
		log.Fatal(err)
	}
	return fakeServerOf(filepath.Base(dictPath), data, designPath, records, opts...)
}

// fakeServerOf is fakeServer for a dictionary held in memory.
func fakeServerOf(dictName string, dict []byte, designPath, records string, opts ...redcaptest.Option) *redcaptest.Server {
	p, err := dictionary.Read(dictName, dict)
	if err != nil {
		log.Fatal(err)
	}
	if designPath != "" {
		design, err := os.ReadFile(designPath)
		if err != nil {
			log.Fatal(err)
		}
		if err := generator.ApplyEventDesign(p, filepath.Base(designPath), design); err != nil {
			log.Fatal(err)
		}
	}
	srv := redcaptest.NewServer(p, opts...)
	if records != "" {
		if err := srv.LoadJSON([]byte(records)); err != nil {
			log.Fatal(err)
		}
	}
	return srv
}

// clientOf returns a client of the server. It takes the token from an environment of its own,
// as a program takes it from its environment.
func clientOf(srv *redcaptest.Server, opts ...redcap.Option) *redcap.Client {
	env := map[string]string{"REDCAP_API_TOKEN": srv.Token()}
	getenv := func(name string) string { return env[name] }
	client, err := redcap.NewClient(srv.URL(), redcap.TokenFromGetenv("REDCAP_API_TOKEN", getenv), opts...)
	if err != nil {
		log.Fatal(err)
	}
	return client
}
