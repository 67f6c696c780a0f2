package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// run is the whole program: flags, token, server, clean stop when ctx ends. It returns the exit
// code: 0 after a clean stop, 1 on failure, 2 on usage errors.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("redcapfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dict := fs.String("dict", "", "data dictionary `file` (.csv, .json, .xml) of the project to serve, or a generated package's redcap_snapshot_gen.txt (required)")
	addr := fs.String("addr", "127.0.0.1:8089", "`address` to listen on")
	data := fs.String("data", "", "flat JSON records `file` to preload")
	reports := fs.String("reports", "", "JSON `file` of report definitions to serve through content=report: an array of {\"report_id\", \"title\", \"fields\", \"advanced_logic\", \"filters\", \"events\", \"record_level\", \"sort\", \"output_dags\", \"combine_checkbox_values\", \"keep_line_breaks\"}")
	superFile := fs.String("super-token-file", "", "serve a whole REDCap site: `path` to write a generated 64-character super token to (mode 0600) when REDCAP_SUPER_TOKEN is not set; the super token creates projects (content=project), each with its own token")
	tokenFile := fs.String("token-file", "", "`path` to write a generated token to (mode 0600) when REDCAP_API_TOKEN is not set")
	uploadMB := fs.Int("upload-limit-mb", 2, "largest upload the web server accepts, in `MB` (PHP's upload_max_filesize)")
	fieldMB := fs.Int("file-field-limit-mb", 0, "the project's own size limit for File Upload fields, in `MB` (0: none)")
	baseURL := fs.String("base-url", "", "the site's public base `URL` (REDCap's own base URL setting, such as https://redcap.example.edu/): survey links and logged page views start with it; default: the URL each request reached")
	today := fs.String("today", "", "pin 'today' in calculations and filterLogic to `YYYY-MM-DD` ('now' is that day at 12:00:00 UTC); default: the real clock")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: redcapfake [-dict FILE] [-super-token-file PATH] [-addr HOST:PORT] [-data FILE] [-reports FILE] [-token-file PATH] [-today YYYY-MM-DD]\n"+
			"       [-upload-limit-mb N] [-file-field-limit-mb N] [-base-url URL]\n\n"+
			"Serves a fake REDCap API for the project. The token comes from REDCAP_API_TOKEN\n"+
			"or is generated and written to -token-file. With a super token (REDCAP_SUPER_TOKEN, or\n"+
			"generated and written to -super-token-file) it serves a site where content=project creates\n"+
			"projects, as client test suites do; -dict is then optional.\n\n"+
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
	site := *superFile != "" || strings.TrimSpace(getenv("REDCAP_SUPER_TOKEN")) != ""
	if (*dict == "" && !site) || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "redcapfake: -dict is required (unless a super token serves a site) and no arguments are taken")
		fs.Usage()
		return 2
	}
	if *uploadMB < 1 || *fieldMB < 0 {
		fmt.Fprintf(stderr, "redcapfake: -upload-limit-mb %d, -file-field-limit-mb %d: want at least 1 MB and 0 (no limit) or more\n", *uploadMB, *fieldMB)
		fs.Usage()
		return 2
	}
	if *dict == "" && (*data != "" || *reports != "" || *tokenFile != "") {
		fmt.Fprintln(stderr, "redcapfake: -data, -reports and -token-file need the -dict project")
		fs.Usage()
		return 2
	}
	cfg := config{dict: *dict, addr: *addr, data: *data, reports: *reports, tokenFile: *tokenFile, superFile: *superFile,
		site: site, uploadLimit: int64(*uploadMB) << 20, fileFieldLimitMB: *fieldMB}
	if *baseURL != "" {
		if err := checkBaseURL(*baseURL); err != nil {
			fmt.Fprintf(stderr, "redcapfake: %v\n", err)
			fs.Usage()
			return 2
		}
		cfg.baseURL = *baseURL
	}
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
	superFile                            string           // -super-token-file
	site                                 bool             // serve a site: a super token creates projects
	clock                                func() time.Time // the pinned clock of -today; nil for the real time
	uploadLimit                          int64            // -upload-limit-mb in bytes
	fileFieldLimitMB                     int              // -file-field-limit-mb; 0: none
	baseURL                              string           // -base-url; "": each request's
}

// checkBaseURL accepts an absolute http or https URL with a host and neither query nor fragment,
// as REDCap's base URL setting is.
func checkBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("-base-url %q: want an absolute http or https URL such as https://redcap.example.edu/, without query, fragment or user", s)
	}
	return nil
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
	shared := []redcaptest.Option{redcaptest.WithUploadLimit(cfg.uploadLimit), redcaptest.WithFileFieldLimit(cfg.fileFieldLimitMB), redcaptest.WithBaseURL(cfg.baseURL)}
	if cfg.clock != nil {
		shared = append(shared, redcaptest.WithClock(cfg.clock))
	}
	var handler http.Handler
	what := "a REDCap site (create projects with the super token)"
	var srv *redcaptest.Server
	if cfg.dict != "" {
		var err error
		if srv, what, err = loadProject(cfg, shared, getenv); err != nil {
			return err
		}
		handler = srv.Handler()
	}
	if cfg.site {
		st := superToken
		st.path, st.generate = cfg.superFile, redcaptest.NewSuperToken
		super, err := loadSecret(st, getenv)
		if err != nil {
			return err
		}
		site, err := redcaptest.NewSite(super, shared...)
		if err != nil {
			return err
		}
		if srv != nil {
			site.Add(srv)
			what += " on a REDCap site"
		}
		handler = site.Handler()
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	hs := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "redcapfake: serving %s at http://%s/api/\n", what, ln.Addr())
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

// loadProject reads the -dict project and its -data and -reports into an unstarted server; it
// also returns the project's source, to name it.
func loadProject(cfg config, shared []redcaptest.Option, getenv func(string) string) (*redcaptest.Server, string, error) {
	p, err := readProject(cfg.dict)
	if err != nil {
		return nil, "", err
	}
	at := apiToken
	at.path, at.generate = cfg.tokenFile, redcaptest.NewToken
	token, err := loadSecret(at, getenv)
	if err != nil {
		return nil, "", err
	}
	opts := append(append([]redcaptest.Option(nil), shared...), redcaptest.WithToken(token))
	if p.Format == dictionary.FormatProjectXML {
		// A project XML also holds settings, roles and surveys that its export writes back.
		raw, err := os.ReadFile(cfg.dict)
		if err != nil {
			return nil, "", fmt.Errorf("read dictionary: %w", err)
		}
		opts = append(opts, redcaptest.WithProjectXML(raw))
	}
	srv := redcaptest.NewUnstartedServer(p, opts...)
	if cfg.data != "" {
		b, err := readData(cfg.data)
		if err != nil {
			return nil, "", err
		}
		if err := srv.LoadJSON(b); err != nil {
			return nil, "", fmt.Errorf("preload %s: %w", cfg.data, err)
		}
	}
	if cfg.reports != "" {
		if err := addReports(srv, cfg.reports); err != nil {
			return nil, "", err
		}
	}
	return srv, p.Source, nil
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
