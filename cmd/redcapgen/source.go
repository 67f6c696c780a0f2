package main

import (
	"github.com/redcapgen/redcapgen/generator"
)

// sourceFor picks the dictionary source the flags name.
func sourceFor(o options, getenv func(string) string) (generator.Source, error) {
	if o.dict != "" {
		return generator.FileSource{Path: o.dict}, nil
	}
	return apiSourceFor(o, getenv)
}
