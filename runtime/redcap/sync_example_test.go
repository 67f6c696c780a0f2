package redcap_test

import (
	"context"
	"fmt"
	"log"
	"sync/atomic"
	"time"

	"github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// Sync reports what changed since the cursor of the run before: records created or changed,
// as generated records, and the IDs of records deleted. The cursor is kept as text between runs.
// Here the in-process REDCap's clock is set by hand: records made at 08:00, a first run at 09:00,
// another user's edits at 09:30, a second run at 10:00.
func ExampleSync() {
	var now atomic.Int64 // the server's clock, in Unix seconds
	at := func(hhmm string) {
		t, _ := time.Parse("2006-01-02 15:04", "2026-12-02 "+hhmm)
		now.Store(t.Unix())
	}
	serverClock := func() time.Time { return time.Unix(now.Load(), 0).UTC() }
	at("08:00")
	srv := fakeServer(quickstartCSV, "", threeRecords, redcaptest.WithClock(serverClock))
	defer srv.Close()
	client := clientOf(srv, redcap.WithServerZone(time.UTC))
	ctx := context.Background()

	at("09:00")
	first, err := redcap.Sync[study.Record](ctx, client, redcap.SyncCursor{}, redcap.SyncOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("first run:", len(first.Changed), "records; next cursor", first.Next)
	saved := first.Next.String()

	at("09:30") // another user edits record 2 and deletes record 3
	edit := study.Record{ID: "2"}
	edit.Visit.Smoker = redcap.Of(study.SmokerNo)
	if _, err := redcap.Import(ctx, client, []study.Record{edit}, redcap.ImportOptions{}); err != nil {
		log.Fatal(err)
	}
	if _, err := client.DeleteRecords(ctx, []string{"3"}, redcap.DeleteOptions{}); err != nil {
		log.Fatal(err)
	}

	at("10:00")
	since, err := redcap.ParseSyncCursor(saved)
	if err != nil {
		log.Fatal(err)
	}
	next, err := redcap.Sync[study.Record](ctx, client, since, redcap.SyncOptions{})
	if err != nil {
		log.Fatal(err)
	}
	for _, rec := range next.Changed {
		fmt.Println("changed:", rec.ID, rec.Demographics.FirstName, rec.Visit.Smoker.Raw())
	}
	fmt.Println("deleted:", next.Deleted)
	// Output:
	// first run: 3 records; next cursor 2026-12-02 08:50:00 UTC
	// changed: 2 Ben 0
	// deleted: [3]
}
