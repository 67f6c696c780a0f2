package redcap_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// manualClock is a server clock the test moves by hand.
type manualClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *manualClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *manualClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// hookTransport runs a hook before each request it forwards (numbered from 1), so that other
// users' writes land between the requests of one sync.
type hookTransport struct {
	n    int
	hook func(n int)
}

func (h *hookTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	h.n++
	if h.hook != nil {
		h.hook(h.n)
	}
	return http.DefaultTransport.RoundTrip(r)
}

// syncSummary is what a sync reported: changed record IDs (with names) and deleted IDs.
type syncSummary struct {
	Changed []string
	Deleted []string
}

func summarize(res *redcap.SyncResult[person]) syncSummary {
	s := syncSummary{Deleted: res.Deleted}
	for _, r := range res.Changed {
		s.Changed = append(s.Changed, r.ID+"="+r.Name)
	}
	return s
}

// TestSyncWithWritesDuringTheExport runs four syncs against the fake while other writes land
// before, between and during them: every change is reported by some sync, and a change is
// reported twice only when it landed during a sync (after its cursor was taken).
func TestSyncWithWritesDuringTheExport(t *testing.T) {
	zone := time.FixedZone("UTC-5", -5*3600)
	clock := &manualClock{t: time.Date(2026, 12, 2, 9, 0, 0, 0, zone)}
	srv, writer := startFake(t, redcaptest.WithClock(clock.now))
	ctx := context.Background()
	at := func(hhmmss string) time.Time {
		t, _ := time.ParseInLocation("15:04:05", hhmmss, zone)
		return time.Date(2026, 12, 2, t.Hour(), t.Minute(), t.Second(), 0, zone)
	}
	put := func(recs ...person) {
		t.Helper()
		if _, err := redcap.Import(ctx, writer, recs, redcap.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	del := func(ids ...string) {
		t.Helper()
		if _, err := writer.DeleteRecords(ctx, ids, redcap.DeleteOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	put(people(6)...) // a-f at 09:00:00

	hooks := &hookTransport{}
	reader := syncClient(t, srv, zone, hooks)
	opts := redcap.SyncOptions{Overlap: 10 * time.Second, Export: redcap.ExportOptions{BatchSize: 1}}
	run := func(clockAt string, since redcap.SyncCursor, hook func(n int)) (syncSummary, redcap.SyncCursor) {
		t.Helper()
		clock.set(at(clockAt))
		hooks.n, hooks.hook = 0, hook
		res, err := redcap.Sync[person](ctx, reader, since, opts)
		hooks.hook = nil
		if err != nil {
			t.Fatalf("sync at %s: %v", clockAt, err)
		}
		return summarize(res), res.Next
	}

	got, c1 := run("09:00:30", redcap.SyncCursor{}, nil)
	want := syncSummary{Changed: []string{"a=Name a", "b=Name b", "c=Name c", "d=Name d", "e=Name e", "f=Name f"}}
	check(t, "first sync", got, want)
	if c1.String() != "2026-12-02 09:00:20 UTC-5" {
		t.Errorf("first cursor %q, want the server's time at the start minus the overlap", c1)
	}

	// Between the syncs: b edited, c deleted, d deleted and created again.
	clock.set(at("09:05:00"))
	put(person{ID: "b", Name: "Bea"})
	del("c", "d")
	put(person{ID: "d", Name: "Dee"})

	got, c2 := run("09:10:00", c1, func(n int) {
		switch n {
		case 2: // after the log request, before the ID pass
			clock.set(at("09:10:01"))
			put(person{ID: "e", Name: "Eve"})
			del("f")
		case 3: // after the ID pass, before the first batch
			clock.set(at("09:10:02"))
			del("b")
			put(person{ID: "g", Name: "Gus"})
		}
	})
	check(t, "second sync", got, syncSummary{Changed: []string{"d=Dee", "e=Eve"}, Deleted: []string{"c"}})
	if c2.String() != "2026-12-02 09:09:50 UTC-5" {
		t.Errorf("second cursor %q", c2)
	}

	// The writes made during the second sync, and only they (e again: it changed after the
	// second cursor was taken).
	got, c3 := run("09:20:00", c2, nil)
	check(t, "third sync", got, syncSummary{Changed: []string{"e=Eve", "g=Gus"}, Deleted: []string{"f", "b"}})

	got, _ = run("09:30:00", c3, nil)
	check(t, "fourth sync", got, syncSummary{})
}

func check(t *testing.T, what string, got, want syncSummary) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", what, diff)
	}
}

// syncClient is a client of the fake that knows the server's zone and sends through hooks.
func syncClient(t *testing.T, srv *redcaptest.Server, zone *time.Location, hooks *hookTransport) *redcap.Client {
	t.Helper()
	t.Setenv("REDCAP_SYNC_TEST_TOKEN", srv.Token())
	c, err := redcap.NewClient(srv.URL(), redcap.TokenFromEnv("REDCAP_SYNC_TEST_TOKEN"), redcap.WithServerZone(zone),
		redcap.WithHTTPClient(&http.Client{Transport: hooks}), redcap.WithRetry(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSyncRefusesMixedZones: a cursor made in one zone is refused by a client of another, and a
// client without a zone cannot sync or read the log.
func TestSyncRefusesMixedZones(t *testing.T) {
	srv, _ := startFake(t)
	ctx := context.Background()
	cur, err := redcap.ParseSyncCursor("2026-12-02 09:00:00 Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	c := syncClient(t, srv, time.UTC, &hookTransport{})
	if _, err := redcap.Sync[person](ctx, c, cur, redcap.SyncOptions{}); err == nil || !strings.Contains(err.Error(), `zone "Europe/Paris"`) {
		t.Errorf("sync with a cursor of another zone: %v", err)
	}
	t.Setenv("REDCAP_SYNC_TEST_TOKEN", srv.Token())
	noZone, err := redcap.NewClient(srv.URL(), redcap.TokenFromEnv("REDCAP_SYNC_TEST_TOKEN"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := redcap.Sync[person](ctx, noZone, redcap.SyncCursor{}, redcap.SyncOptions{}); err == nil || !strings.Contains(err.Error(), "WithServerZone") {
		t.Errorf("sync without a zone: %v", err)
	}
	if _, err := noZone.ExportLog(ctx, redcap.LogRequest{}); err == nil || !strings.Contains(err.Error(), "WithServerZone") {
		t.Errorf("log export without a zone: %v", err)
	}
}

// TestSyncCursorText: a cursor's text reads back to the same cursor; bad texts are refused.
func TestSyncCursorText(t *testing.T) {
	for _, tc := range []struct {
		text string
		ok   bool
	}{
		{"", true},
		{"2026-12-02 09:00:00 UTC", true},
		{"2026-12-02 09:00:00 America/Chicago", true},
		{"2026-12-02 09:00 UTC", false},
		{"2026-12-02T09:00:00 UTC", false},
		{"2026-12-02 09:00:00", false},
		{"yesterday", false},
	} {
		c, err := redcap.ParseSyncCursor(tc.text)
		if (err == nil) != tc.ok {
			t.Errorf("ParseSyncCursor(%q): %v", tc.text, err)
			continue
		}
		if err != nil {
			continue
		}
		b, _ := c.MarshalText()
		var back redcap.SyncCursor
		if err := back.UnmarshalText(b); err != nil || back != c || string(b) != tc.text {
			t.Errorf("%q: text %q, read back %v (%v)", tc.text, b, back, err)
		}
	}
}

// TestExportLogFromFake reads the fake's log through the typed export: newest first, times in
// the server's zone, and each filter applied.
func TestExportLogFromFake(t *testing.T) {
	zone := time.FixedZone("UTC+1", 3600)
	clock := &manualClock{t: time.Date(2026, 12, 2, 15, 29, 0, 0, zone)}
	srv, writer := startFake(t, redcaptest.WithClock(clock.now))
	ctx := context.Background()
	if _, err := redcap.Import(ctx, writer, people(2), redcap.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	clock.set(time.Date(2026, 12, 2, 15, 30, 5, 0, zone))
	if _, err := writer.DeleteRecords(ctx, []string{"a"}, redcap.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	c := syncClient(t, srv, zone, &hookTransport{})
	for _, tc := range []struct {
		name string
		req  redcap.LogRequest
		want []string // action | details | record
	}{
		{"deletions", redcap.LogRequest{Type: redcap.LogRecordDelete}, []string{"Delete record (API) a|record_id = 'a'|a"}},
		{"record b", redcap.LogRequest{Record: "b"}, []string{"Create record (API) b|record_id = 'b', name = 'Name b', age = '41', race(1) = checked, baseline_complete = '2'|b"}},
		{"since 15:30", redcap.LogRequest{Type: redcap.LogRecord, Begin: time.Date(2026, 12, 2, 14, 30, 59, 0, time.UTC)}, []string{"Delete record (API) a|record_id = 'a'|a"}},
		{"until 15:30", redcap.LogRequest{Type: redcap.LogRecord, End: time.Date(2026, 12, 2, 15, 30, 0, 0, zone)}, []string{
			"Create record (API) b|record_id = 'b', name = 'Name b', age = '41', race(1) = checked, baseline_complete = '2'|b",
			"Create record (API) a|record_id = 'a', name = 'Name a', age = '40', race(1) = checked, baseline_complete = '2'|a"}},
		{"unknown user", redcap.LogRequest{User: "nobody"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries, err := c.ExportLog(ctx, tc.req)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range entries {
				got = append(got, e.Action+"|"+e.Details+"|"+e.Record)
				if e.Time.Location() != zone || e.Time.Second() != 0 {
					t.Errorf("%s: time %v, want the minute in the server's zone", e.Action, e.Time)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	entries, err := c.ExportLog(ctx, redcap.LogRequest{Type: redcap.LogRecordDelete})
	if err != nil || len(entries) != 1 || !entries[0].Time.Equal(time.Date(2026, 12, 2, 15, 30, 0, 0, zone)) {
		t.Errorf("deletion entry %+v (%v), want it at 15:30 server time", entries, err)
	}
}

// TestSyncEach hands the changed records over one by one, with the same deletions and cursor as
// Sync; an error of the callback stops the sync and comes back.
func TestSyncEach(t *testing.T) {
	clock := &manualClock{t: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)}
	srv, writer := startFake(t, redcaptest.WithClock(clock.now))
	ctx := context.Background()
	if _, err := redcap.Import(ctx, writer, people(4), redcap.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	c := syncClient(t, srv, time.UTC, &hookTransport{})
	opts := redcap.SyncOptions{Overlap: time.Second, Export: redcap.ExportOptions{BatchSize: 3}}
	clock.set(time.Date(2026, 12, 2, 9, 1, 0, 0, time.UTC))
	var ids []string
	res, err := redcap.SyncEach[person](ctx, c, redcap.SyncCursor{}, opts, func(r *person) error {
		ids = append(ids, r.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a", "b", "c", "d"}, ids); diff != "" || res.Changed != nil || res.Next.String() != "2026-12-02 09:00:59 UTC" {
		t.Errorf("records (-want +got):\n%s; result %+v", diff, res)
	}
	clock.set(time.Date(2026, 12, 2, 9, 2, 0, 0, time.UTC))
	if _, err := redcap.Import(ctx, writer, []person{{ID: "a", Name: "Ann"}, {ID: "b", Name: "Bo"}}, redcap.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	clock.set(time.Date(2026, 12, 2, 9, 3, 0, 0, time.UTC))
	stop := errors.New("disk full")
	calls := 0
	_, err = redcap.SyncEach[person](ctx, c, res.Next, opts, func(*person) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("callback error: %v after %d calls, want the callback's error after 1", err, calls)
	}
}
