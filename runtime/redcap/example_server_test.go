package redcap_test

import (
	"log"
	"os"
	"path/filepath"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// quickstartCSV is the data dictionary the example package study is generated from.
var quickstartCSV = filepath.Join("..", "..", "examples", "quickstart", "study.csv")

// fakeREDCap starts an in-process REDCap (package redcaptest) for the project of a dictionary
// file, holding the given records (REDCap's flat JSON; "" for none), and a client for it. The
// client takes its token from an environment of its own, as a program takes it from its
// environment.
func fakeREDCap(dictPath, records string, opts ...redcaptest.Option) (*redcaptest.Server, *redcap.Client) {
	data, err := os.ReadFile(dictPath)
	if err != nil {
		log.Fatal(err)
	}
	p, err := dictionary.Read(filepath.Base(dictPath), data)
	if err != nil {
		log.Fatal(err)
	}
	srv := redcaptest.NewServer(p, opts...)
	if records != "" {
		if err := srv.LoadJSON([]byte(records)); err != nil {
			log.Fatal(err)
		}
	}
	env := map[string]string{"REDCAP_API_TOKEN": srv.Token()}
	getenv := func(name string) string { return env[name] }
	client, err := redcap.NewClient(srv.URL(), redcap.TokenFromGetenv("REDCAP_API_TOKEN", getenv))
	if err != nil {
		log.Fatal(err)
	}
	return srv, client
}
