package main

import (
	"fmt"

	"github.com/redcapgen/redcapgen/generator"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// apiSourceFor builds the API source from -url and -token-env or -token-file. The token is read
// when the first request is made, and never printed.
func apiSourceFor(o options, getenv func(string) string) (generator.Source, error) {
	var ts redcap.TokenSource
	if o.tokenEnv != "" {
		if getenv(o.tokenEnv) == "" {
			return nil, fmt.Errorf("environment variable %s (from -token-env) is not set or empty", o.tokenEnv)
		}
		ts = redcap.TokenFromEnv(o.tokenEnv)
	} else {
		ts = redcap.TokenFromFile(o.tokenFile)
	}
	client, err := redcap.NewClient(o.url, ts, redcap.WithUserAgent("redcapgen/"+generatorVersion()))
	if err != nil {
		return nil, err
	}
	return generator.APISource{Client: client}, nil
}
