package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// tokenPattern is a REDCap project token.
var tokenPattern = regexp.MustCompile(`^[0-9A-Fa-f]{32}$`)

// run is the whole program: flags, token, server, clean stop when ctx ends. It returns the exit
// code: 0 after a clean stop, 1 on failure, 2 on usage errors.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("redcapfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dict := fs.String("dict", "", "data dictionary `file` (.csv, .json, .xml) of the project to serve, or a generated package's redcap_snapshot_gen.txt (required)")
	addr := fs.String("addr", "127.0.0.1:8089", "`address` to listen on")
	data := fs.String("data", "", "flat JSON records `file` to preload")
	reports := fs.String("reports", "", "JSON `file` of report definitions to serve through content=report: an array of {\"report_id\", \"title\", \"fields\", \"advanced_logic\", \"filters\", \"events\", \"record_level\", \"sort\", \"output_dags\", \"combine_checkbox_values\", \"keep_line_breaks\"}")
	tokenFile := fs.String("token-file", "", "`path` to write a generated token to (mode 0600) when REDCAP_API_TOKEN is not set")
	today := fs.String("today", "", "pin 'today' in calculations and filterLogic to `YYYY-MM-DD` ('now' is that day at 12:00:00 UTC); default: the real clock")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: redcapfake -dict FILE [-addr HOST:PORT] [-data FILE] [-reports FILE] [-token-file PATH] [-today YYYY-MM-DD]\n\n"+
			"Serves a fake REDCap API for the project. The token comes from REDCAP_API_TOKEN\n"+
			"or is generated and written to -token-file.\n\n"+
			"REDCap has no API method that creates reports; -reports defines them, e.g.\n"+
			"  [{\"report_id\": 42, \"title\": \"Men\", \"fields\": [\"record_id\", \"sex\", \"race\"],\n"+
			"    \"advanced_logic\": \"[sex] = '1'\", \"sort\": [{\"field\": \"record_id\", \"descending\": true}]}]\n"+
			"Without advanced_logic, \"filters\" are the editor's simple filter rows:\n"+
			"  [{\"field\": \"race\", \"operator\": \"CHECKED\", \"value\": \"1\"}, {\"field\": \"age\", \"operator\": \"GTE\", \"value\": \"18\", \"or\": true}]\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *dict == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "redcapfake: -dict is required and no arguments are taken")
		fs.Usage()
		return 2
	}
	cfg := config{dict: *dict, addr: *addr, data: *data, reports: *reports, tokenFile: *tokenFile}
	if *today != "" {
		day, err := parseToday(*today)
		if err != nil {
			fmt.Fprintf(stderr, "redcapfake: %v\n", err)
			fs.Usage()
			return 2
		}
		cfg.clock = func() time.Time { return day }
	}
	if err := serve(ctx, cfg, stdout, getenv); err != nil {
		fmt.Fprintf(stderr, "redcapfake: %v\n", err)
		return 1
	}
	return 0
}

// config are the parsed flags.
type config struct {
	dict, addr, data, reports, tokenFile string
	clock                                func() time.Time // the pinned clock of -today; nil for the real time
}

// parseToday reads -today: a calendar date as YYYY-MM-DD. The pinned clock stands at 12:00:00 UTC
// of that day for the whole run, so 'today' is that date and 'now' that date at noon.
func parseToday(s string) (time.Time, error) {
	day, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("-today %q: want a calendar date as YYYY-MM-DD, such as 2026-12-02", s)
	}
	return day.Add(12 * time.Hour), nil
}

// serve loads the project, starts the server and blocks until ctx ends.
func serve(ctx context.Context, cfg config, stdout io.Writer, getenv func(string) string) error {
	p, err := readProject(cfg.dict)
	if err != nil {
		return err
	}
	token, err := loadToken(cfg.tokenFile, getenv)
	if err != nil {
		return err
	}
	opts := []redcaptest.Option{redcaptest.WithToken(token)}
	if cfg.clock != nil {
		opts = append(opts, redcaptest.WithClock(cfg.clock))
	}
	if p.Format == dictionary.FormatProjectXML {
		// A project XML also holds settings, roles and surveys that its export writes back.
		raw, err := os.ReadFile(cfg.dict)
		if err != nil {
			return fmt.Errorf("read dictionary: %w", err)
		}
		opts = append(opts, redcaptest.WithProjectXML(raw))
	}
	srv := redcaptest.NewUnstartedServer(p, opts...)
	if cfg.data != "" {
		b, err := readData(cfg.data)
		if err != nil {
			return err
		}
		if err := srv.LoadJSON(b); err != nil {
			return fmt.Errorf("preload %s: %w", cfg.data, err)
		}
	}
	if cfg.reports != "" {
		if err := addReports(srv, cfg.reports); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "redcapfake: serving %s at http://%s/api/\n", p.Source, ln.Addr())
	if cfg.clock != nil {
		fmt.Fprintf(stdout, "redcapfake: today is %s\n", cfg.clock().Format(time.DateOnly))
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	fmt.Fprintln(stdout, "redcapfake: stopped")
	return nil
}

// readProject reads the project to serve: a generated package's snapshot
// (redcap_snapshot_gen.txt), or any dictionary file redcapgen reads.
func readProject(path string) (*dictionary.Project, error) {
	if !startsLikeSnapshot(path) {
		p, err := dictionary.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read dictionary: %w", err)
		}
		return p, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read snapshot: %w", err)
	}
	p, err := snapshot.ParseSnapshot(data)
	if err != nil {
		return nil, fmt.Errorf("read snapshot %s: %w", filepath.Base(path), err)
	}
	if len(p.Fields()) == 0 {
		return nil, fmt.Errorf("read snapshot %s: it declares no field", filepath.Base(path))
	}
	p.Source = filepath.Base(path)
	return p, nil
}

// startsLikeSnapshot reports whether the file's first bytes are a snapshot header; a file that
// cannot be read is left to the dictionary reader to report.
func startsLikeSnapshot(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 64)
	n, _ := io.ReadFull(f, head)
	return snapshot.IsSnapshot(head[:n])
}

// loadToken takes the token from REDCAP_API_TOKEN, or generates one and writes it to path with
// mode 0600. Without either there is no safe way to hand the token over, so it refuses.
func loadToken(path string, getenv func(string) string) (string, error) {
	if tok := strings.TrimSpace(getenv("REDCAP_API_TOKEN")); tok != "" {
		if !tokenPattern.MatchString(tok) {
			return "", errors.New("REDCAP_API_TOKEN must be 32 hexadecimal characters")
		}
		return strings.ToUpper(tok), nil
	}
	if path == "" {
		return "", errors.New("no token: set REDCAP_API_TOKEN or give -token-file to receive a generated one")
	}
	tok, err := redcaptest.NewToken()
	if err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return "", fmt.Errorf("write token file: %w", err)
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return "", fmt.Errorf("write token file: %w", err)
	}
	if _, err := f.WriteString(tok + "\n"); err != nil {
		f.Close()
		return "", fmt.Errorf("write token file: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("write token file: %w", err)
	}
	return tok, nil
}
