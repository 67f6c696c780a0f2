package main

import (
	"github.com/redcapgen/redcapgen/generator"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// apiSourceFor builds the API source from -url and -token-env or -token-file. The client reads and
// checks the token at once, so a bad token fails before any request; it is never printed.
func apiSourceFor(o options, getenv func(string) string) (generator.Source, error) {
	var ts redcap.TokenSource
	if o.tokenEnv != "" {
		ts = redcap.TokenFromGetenv(o.tokenEnv, getenv)
	} else {
		ts = redcap.TokenFromFile(o.tokenFile)
	}
	client, err := redcap.NewClient(o.url, ts, redcap.WithUserAgent("redcapgen/"+generatorVersion()))
	if err != nil {
		return nil, err
	}
	return generator.APISource{Client: client}, nil
}
