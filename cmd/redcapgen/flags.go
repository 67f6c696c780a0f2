package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/redcapgen/redcapgen/generator/naming"
	"github.com/redcapgen/redcapgen/templates"
)

const usageText = `usage: redcapgen -dict FILE -package NAME [-out DIR] [flags]
       redcapgen -url URL (-token-env VAR | -token-file PATH) -package NAME [-out DIR] [flags]

Generates a typed Go package from a REDCap data dictionary. In a Go file:

	//go:generate go run github.com/redcapgen/redcapgen/cmd/redcapgen -dict study.csv -package study -out .

There is no token flag: the API token comes from an environment variable or a file.

Flags:
`

// parseFlags parses and checks the command line.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("redcapgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	fs.StringVar(&o.dict, "dict", "", "dictionary `file`: Data Dictionary CSV, API JSON/XML metadata, or project XML")
	fs.StringVar(&o.url, "url", "", "REDCap API `URL` (https://.../api/) to fetch the dictionary from")
	fs.StringVar(&o.tokenEnv, "token-env", "", "environment `variable` holding the API token (with -url)")
	fs.StringVar(&o.tokenFile, "token-file", "", "`file` holding the API token (with -url)")
	fs.StringVar(&o.pkg, "package", "", "generated package `name` (a lower-case Go identifier)")
	fs.StringVar(&o.out, "out", ".", "output `directory`")
	fs.StringVar(&o.names, "names", "", "names `file` pinning Go names (kind:redcap_name = GoName)")
	fs.StringVar(&o.events, "events", "", "event design `file` (project XML or JSON) for a dictionary without events")
	fs.StringVar(&o.codebook, "codebook", "", "also write a codebook to `FILE.md` or FILE.html")
	fs.DurationVar(&o.timeout, "timeout", defaultTimeout, "with -url, give up when the REDCap API has not answered within `duration` (0: wait forever)")
	fs.BoolVar(&o.check, "check", false, "write nothing; exit 1 with a report when the package is not current")
	fs.BoolVar(&o.jsonOut, "json", false, "with -check, print the report as JSON")
	fs.BoolVar(&o.verbose, "v", false, "list written files and dictionary warnings")
	fs.BoolVar(&o.version, "version", false, "print the generator version and exit")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.version {
		return o, nil
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q (flags go before nothing else)", fs.Args())
	}
	switch {
	case o.dict == "" && o.url == "":
		return o, errors.New("give -dict FILE or -url URL")
	case o.dict != "" && o.url != "":
		return o, errors.New("give either -dict or -url, not both")
	case o.url != "" && (o.tokenEnv == "") == (o.tokenFile == ""):
		return o, errors.New("with -url, give exactly one of -token-env VAR or -token-file PATH")
	case o.dict != "" && (o.tokenEnv != "" || o.tokenFile != ""):
		return o, errors.New("-token-env and -token-file go with -url only")
	case o.pkg == "":
		return o, errors.New("give -package NAME")
	case naming.CheckPackageName(o.pkg) != nil:
		return o, fmt.Errorf("-package %s: %w", o.pkg, naming.CheckPackageName(o.pkg))
	case o.jsonOut && !o.check:
		return o, errors.New("-json goes with -check")
	case o.timeout < 0:
		return o, errors.New("-timeout must not be negative (0 waits forever)")
	}
	if o.codebook != "" {
		// Refuse a bad codebook name before anything is written.
		if _, err := templates.CodebookFormatFor(o.codebook); err != nil {
			return o, err
		}
	}
	return o, nil
}
