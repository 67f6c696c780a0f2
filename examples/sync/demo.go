package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/redcapgen/redcapgen/examples/sync/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// tokenVar is where the demonstration puts the fake server's token, as a real run reads it.
const tokenVar = "REDCAP_API_TOKEN"

// demoOverlap is the demonstration's overlap: its clock moves minutes between runs, so a short
// overlap keeps each run's report to what happened since the run before.
const demoOverlap = 10 * time.Second

// demo runs the sync twice against the in-process fake REDCap, with an edit and a deletion
// between the runs, and the cursor kept in a temporary file as a real run keeps it.
func demo(ctx context.Context, out io.Writer) error {
	fake, err := startFake(ctx)
	if err != nil {
		return err
	}
	defer fake.server.Close()
	dir, err := os.MkdirTemp("", "sync-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	cfg := config{url: fake.server.URL(), token: redcap.TokenFromEnv(tokenVar), zone: time.UTC,
		state: filepath.Join(dir, "sync-cursor.txt"), overlap: demoOverlap}

	fake.clock.set(demoTime("09:00:30"))
	fmt.Fprintln(out, "First run (09:00:30):")
	if err := syncOnce(ctx, cfg, out); err != nil {
		return err
	}
	fake.clock.set(demoTime("09:05:00"))
	fmt.Fprintln(out, "At 09:05 record 2's visit is completed and record 3 is deleted.")
	if err := fake.editAndDelete(ctx); err != nil {
		return err
	}
	fake.clock.set(demoTime("09:10:00"))
	fmt.Fprintln(out, "Second run (09:10:00):")
	return syncOnce(ctx, cfg, out)
}

// demoFake is the fake REDCap of the demonstration, its clock and a client of its own (another
// user's edits).
type demoFake struct {
	server *redcaptest.Server
	clock  *demoClock
	editor *redcap.Client
}

// startFake starts the fake REDCap from the generated package's snapshot (its server zone is
// UTC) with records 1-3 imported at 09:00, and puts its token in $REDCAP_API_TOKEN.
func startFake(ctx context.Context) (*demoFake, error) {
	clock := &demoClock{t: demoTime("09:00:00")}
	server, err := redcaptest.NewServerFromSnapshot(study.Snapshot, redcaptest.WithClock(clock.now))
	if err != nil {
		return nil, fmt.Errorf("start the fake REDCap: %w", err)
	}
	if err := os.Setenv(tokenVar, server.Token()); err != nil {
		server.Close()
		return nil, err
	}
	editor, err := redcap.NewClient(server.URL(), redcap.TokenFromEnv(tokenVar))
	if err != nil {
		server.Close()
		return nil, err
	}
	var recs []study.Record
	for _, id := range []string{"1", "2", "3"} {
		var r study.Record
		r.ID = id
		r.Demographics.Sex = redcap.Of(study.SexUnknown)
		r.Demographics.Complete = redcap.Of(redcap.Complete)
		r.Visit.Complete = redcap.Of(redcap.Incomplete)
		recs = append(recs, r)
	}
	if _, err := redcap.Import(ctx, editor, recs, redcap.ImportOptions{}); err != nil {
		server.Close()
		return nil, fmt.Errorf("import: %w", err)
	}
	return &demoFake{server: server, clock: clock, editor: editor}, nil
}

// editAndDelete completes record 2's visit and deletes record 3, as another user would.
func (f *demoFake) editAndDelete(ctx context.Context) error {
	var r study.Record
	r.ID = "2"
	r.Visit.Smoker = redcap.Of(study.SmokerNo)
	r.Visit.Complete = redcap.Of(redcap.Complete)
	if _, err := redcap.Import(ctx, f.editor, []study.Record{r}, redcap.ImportOptions{}); err != nil {
		return fmt.Errorf("edit: %w", err)
	}
	if _, err := f.editor.DeleteRecords(ctx, []string{"3"}, redcap.DeleteOptions{}); err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	return nil
}

// demoClock is the fake server's clock, moved by the demonstration.
type demoClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *demoClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *demoClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// demoTime is a time of 2 December 2026, UTC.
func demoTime(hhmmss string) time.Time {
	t, _ := time.Parse(time.DateTime, "2026-12-02 "+hhmmss)
	return t
}
