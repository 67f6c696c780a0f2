package main

import (
	"github.com/redcapgen/redcapgen/generator"
	"github.com/redcapgen/redcapgen/templates"
)

// writeCodebook renders the codebook and writes it atomically.
func writeCodebook(path string, res *generator.Result) error {
	format, err := templates.CodebookFormatFor(path)
	if err != nil {
		return err
	}
	data, err := templates.Codebook(res.Project, res.Names, format)
	if err != nil {
		return err
	}
	return generator.WriteFileAtomic(path, data)
}
