package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// defaultTimeout bounds fetching a dictionary from the API (-timeout): a few requests of metadata,
// so CI and go generate never hang on a server that does not answer.
const defaultTimeout = 2 * time.Minute

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
	return timeoutSource{Source: generator.APISource{Client: client}, limit: o.timeout}, nil
}

// timeoutSource gives up loading when limit has passed (0: no limit).
type timeoutSource struct {
	generator.Source
	limit time.Duration
}

// Load loads within the limit; past it, the error says so and names the flag.
func (s timeoutSource) Load(ctx context.Context) (*dictionary.Project, error) {
	if s.limit <= 0 {
		return s.Source.Load(ctx)
	}
	limited, cancel := context.WithTimeout(ctx, s.limit)
	defer cancel()
	p, err := s.Source.Load(limited)
	if err != nil && ctx.Err() == nil && errors.Is(limited.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("the REDCap API did not answer within %s (raise -timeout if the project is large and the server slow): %w", s.limit, err)
	}
	return p, err
}
