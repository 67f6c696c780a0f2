// Command sync is a nightly incremental sync: each run reports the records created or changed
// and the records deleted in a REDCap project since the previous run, and stores the cursor for
// the next one in a file.
//
// Against a REDCap server (or redcapfake), with the token in $REDCAP_API_TOKEN and the server's
// time zone (REDCap compares times on its own wall clock):
//
//	go run ./examples/sync -url https://redcap.example.edu/api/ -zone America/Chicago -state cursor.txt
//
// Without -url it shows itself on the in-process fake REDCap: a first run, an edit and a
// deletion, a second run. Run it from the repository root:
//
//	go run ./examples/sync
package main

//go:generate go run ../../cmd/redcapgen -dict study.csv -package study -out study

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/examples/sync/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Getenv); err != nil {
		fmt.Fprintf(os.Stderr, "sync: %v\n", err)
		os.Exit(1)
	}
}

// config is one run's settings.
type config struct {
	url     string
	token   redcap.TokenSource
	zone    *time.Location
	state   string        // file holding the cursor between runs
	overlap time.Duration // redcap.SyncOptions.Overlap
}

// run reads the flags and runs one sync, or the demonstration without -url.
func run(ctx context.Context, args []string, out io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	url := fs.String("url", "", "REDCap API URL (without it: a demonstration on the in-process fake)")
	tokenEnv := fs.String("token-env", "REDCAP_API_TOKEN", "environment variable holding the API token")
	zone := fs.String("zone", "", "the REDCap server's time zone, e.g. America/Chicago (required with -url)")
	state := fs.String("state", "sync-cursor.txt", "file keeping the cursor between runs")
	overlap := fs.Duration("overlap", redcap.DefaultSyncOverlap, "how far back each run starts before the previous one (longer than the slowest import)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *url == "" {
		return demo(ctx, out)
	}
	if *zone == "" {
		return errors.New("-zone is required: the REDCap server's time zone, e.g. America/Chicago")
	}
	loc, err := time.LoadLocation(*zone)
	if err != nil {
		return fmt.Errorf("-zone: %w", err)
	}
	tok := redcap.TokenFromGetenv(*tokenEnv, getenv)
	return syncOnce(ctx, config{url: *url, token: tok, zone: loc, state: *state, overlap: *overlap}, out)
}

// syncOnce reads the cursor, syncs, prints what changed and stores the next cursor. The cursor
// is written only after the changes were handled (here: printed), so a failed run is repeated.
func syncOnce(ctx context.Context, cfg config, out io.Writer) error {
	client, err := redcap.NewClient(cfg.url, cfg.token, redcap.WithServerZone(cfg.zone))
	if err != nil {
		return err
	}
	since, err := readCursor(cfg.state)
	if err != nil {
		return err
	}
	res, err := redcap.Sync[study.Record](ctx, client, since, redcap.SyncOptions{Overlap: cfg.overlap})
	if err != nil {
		return err
	}
	from := since.String()
	if since.IsZero() {
		from = "the beginning"
	}
	fmt.Fprintf(out, "Since %s: %d changed, %d deleted\n", from, len(res.Changed), len(res.Deleted))
	for _, r := range res.Changed {
		fmt.Fprintf(out, "  changed record %s (demographics %s, visit %s)\n", r.ID, status(r.Demographics.Complete), status(r.Visit.Complete))
	}
	for _, id := range res.Deleted {
		fmt.Fprintf(out, "  deleted record %s\n", id)
	}
	if err := writeCursor(cfg.state, res.Next); err != nil {
		return err
	}
	fmt.Fprintf(out, "  next cursor %s (in %s)\n", res.Next, filepath.Base(cfg.state))
	return nil
}

// status names a form status, without any record value.
func status(v redcap.Value[redcap.FormStatus]) string {
	if s, ok := v.Get(); ok {
		return strings.ToLower(s.Label())
	}
	return "blank"
}

// readCursor reads the stored cursor; a missing file means the first run.
func readCursor(path string) (redcap.SyncCursor, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return redcap.SyncCursor{}, nil
	}
	if err != nil {
		return redcap.SyncCursor{}, fmt.Errorf("read the cursor: %w", err)
	}
	c, err := redcap.ParseSyncCursor(strings.TrimSpace(string(b)))
	if err != nil {
		return redcap.SyncCursor{}, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// writeCursor replaces the stored cursor atomically (a temporary file, then a rename).
func writeCursor(path string, c redcap.SyncCursor) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".cursor-*")
	if err != nil {
		return fmt.Errorf("write the cursor: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(c.String() + "\n"); err != nil {
		tmp.Close()
		return fmt.Errorf("write the cursor: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write the cursor: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write the cursor: %w", err)
	}
	return nil
}
