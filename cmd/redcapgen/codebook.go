package main

import (
	"github.com/redcapgen/redcapgen/generator"
	"github.com/redcapgen/redcapgen/templates"
)

// renderCodebook renders the codebook -codebook names, before anything is written.
func renderCodebook(path string, res *generator.Result) ([]byte, error) {
	format, err := templates.CodebookFormatFor(path)
	if err != nil {
		return nil, err
	}
	return templates.Codebook(res.Project, res.Names, format)
}
