package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator"
)

// Exit statuses, as go generate and CI expect them. Generation: 0 written, 1 failed, 2 usage
// error. -check: 0 current, 1 the package must be regenerated, 2 usage or source error (the
// check could not be made: bad flags, an unreadable or refused dictionary, an API failure).
const (
	exitOK    = 0
	exitFail  = 1 // generation failed; with -check, the package must be regenerated
	exitUsage = 2 // usage error; with -check, also any error that kept the check from being made
)

// options are the parsed command-line flags.
type options struct {
	dict, url, tokenEnv, tokenFile string
	pkg, out, names, events        string
	codebook                       string
	timeout                        time.Duration
	check, jsonOut, verbose        bool
	version                        bool
}

// run is the whole command; main only calls it, so tests drive it in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "redcapgen: %v\n", err)
		return exitUsage
	}
	if opts.version {
		fmt.Fprintf(stdout, "redcapgen %s\n", generatorVersion())
		return exitOK
	}
	src, err := sourceFor(opts, getenv)
	if err != nil {
		printError(stderr, err)
		if opts.check {
			return exitUsage
		}
		return exitFail // a bad URL or token: the flags were well formed
	}
	cfg := generator.Config{
		Source:           src,
		EventsFile:       opts.events,
		Package:          opts.pkg,
		NamesFile:        opts.names,
		GeneratorVersion: generatorVersion(),
	}
	if opts.check {
		return runCheck(ctx, cfg, opts, stdout, stderr)
	}
	return runGenerate(ctx, cfg, opts, stdout, stderr)
}

// runGenerate generates and writes the package, silent on success unless -v.
func runGenerate(ctx context.Context, cfg generator.Config, opts options, stdout, stderr io.Writer) int {
	res, err := generator.Generate(ctx, cfg)
	if err != nil {
		printError(stderr, err)
		return exitFail
	}
	printWarnings(stderr, res.Project, opts.verbose)
	var codebook []byte
	if opts.codebook != "" {
		if codebook, err = renderCodebook(opts.codebook, res); err != nil {
			printError(stderr, err)
			return exitFail
		}
	}
	report, err := generator.Write(opts.out, res.Files)
	if err != nil {
		printError(stderr, err)
		return exitFail
	}
	if opts.codebook != "" {
		if err := generator.WriteFileAtomic(opts.codebook, codebook); err != nil {
			printError(stderr, err)
			return exitFail
		}
	}
	if opts.verbose {
		for _, f := range report.Written {
			fmt.Fprintf(stdout, "wrote %s\n", f)
		}
		for _, f := range report.Unchanged {
			fmt.Fprintf(stdout, "unchanged %s\n", f)
		}
		for _, f := range report.Deleted {
			fmt.Fprintf(stdout, "deleted %s\n", f)
		}
	}
	return exitOK
}

// runCheck compares without writing: 0 when current, 1 with a report when not, 2 when the
// check could not be made.
func runCheck(ctx context.Context, cfg generator.Config, opts options, stdout, stderr io.Writer) int {
	report, err := generator.Check(ctx, cfg, opts.out)
	if err != nil {
		printError(stderr, err)
		return exitUsage
	}
	if opts.jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		out := struct {
			Current  bool `json:"current"`
			Breaking bool `json:"breaking"`
			*generator.CheckReport
		}{report.Current(), report.Breaking(), report}
		if err := enc.Encode(out); err != nil {
			printError(stderr, err)
			return exitUsage
		}
	} else {
		printCheckReport(stdout, report)
	}
	if report.Current() {
		return exitOK
	}
	return exitFail
}

// printError prints an error, one problem per line, each prefixed with "redcapgen: ".
func printError(w io.Writer, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(w, "redcapgen: %s\n", line)
	}
}

// printWarnings prints dictionary warnings: a count, or each one with -v.
func printWarnings(w io.Writer, p *dictionary.Project, verbose bool) {
	if len(p.Warnings) == 0 {
		return
	}
	if !verbose {
		fmt.Fprintf(w, "redcapgen: %d dictionary warnings (run with -v to list them)\n", len(p.Warnings))
		return
	}
	for _, warning := range p.Warnings {
		fmt.Fprintf(w, "redcapgen: %s\n", warning.Error())
	}
}

// generatorVersion reads the module version from build info.
func generatorVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
