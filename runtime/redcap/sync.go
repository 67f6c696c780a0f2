package redcap

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DefaultSyncOverlap is how far before the server's time at the start of a sync the next cursor
// is set, when SyncOptions.Overlap is 0.
const DefaultSyncOverlap = 10 * time.Minute

// SyncOptions configures Sync.
type SyncOptions struct {
	// Export selects what is exported (fields, forms, events, filter logic, batch size,
	// progress). Its DateRangeBegin and DateRangeEnd must be zero: Sync sets the range.
	Export ExportOptions
	// Overlap is how far before the server's time at the start of this sync the next cursor is
	// set (DefaultSyncOverlap when 0). REDCap stamps a change with the time its request started,
	// so an import that was still running when the sync started becomes visible later with an
	// earlier time: the overlap must be longer than the slowest import, or that import's changes
	// are missed by both syncs. Changes within the overlap are reported again by the next sync.
	Overlap time.Duration
}

// SyncResult is what changed in the project since a cursor.
type SyncResult[R any] struct {
	// Changed are the records created or changed since the cursor (a value set, erased or
	// imported, a form status, a file uploaded or deleted, a DAG assignment, an instance
	// deleted), each whole, as it is now.
	Changed []R
	// Deleted are the IDs of the records deleted since the cursor that do not exist again, in
	// the order they were deleted. It may name records the caller never saw (created and deleted
	// between two syncs).
	Deleted []string
	// Next is the cursor to store and pass to the next Sync.
	Next SyncCursor
}

// Sync returns what changed in the project since the cursor: the records created or changed,
// through the generated type R, and the IDs of the records deleted, with the cursor for the next
// run. The zero cursor exports every record and reports no deletion. The client must know the
// server's zone (WithServerZone), and the cursor must have been made in that zone. Besides API
// export, the token's user needs REDCap's Logging right (the deletions come from the log).
//
// How it works, and why no change is missed:
//
//  1. It asks the log for the "Delete record" entries since the cursor (REDCap's beginTime is
//     to the minute, so it starts at the cursor's minute), and reads the server's clock from the
//     answer's Date header: the server's own time, to the second, taken before anything is
//     exported, at no extra cost. The log could tell the time too (every API call is logged as a
//     page view), but only to the minute, and only through a page-view export that lists every
//     request since the cursor. A proxy that stamps its own Date must keep time with the server;
//     the overlap absorbs small differences.
//  2. The next cursor is that time minus the overlap (SyncOptions.Overlap), converted to the
//     server's wall-clock time: a change that lands while the export runs, or that was stamped
//     earlier by an import still running, is at or after it and is reported by the next sync.
//  3. It exports the records with dateRangeBegin at the cursor (inclusive, to the second): an
//     ID pass, then the records in batches, each as it is at the moment of its batch.
//
// What is reported in the corner cases:
//   - a record changed during the export: reported now (as the export saw it) and again by the
//     next sync, which also sees the change;
//   - a record deleted during the export, after the ID pass: left out now, reported as deleted
//     by the next sync;
//   - a record deleted and created again since the cursor: in Changed, not in Deleted;
//   - an instance deleted: REDCap logs it as an update, so the record is in Changed, without
//     that instance;
//   - a record renamed: REDCap logs it as an update of the new name, so the new name is in
//     Changed and the old name is in neither list;
//   - with Export.FilterLogic, a changed record that no longer matches the filter is in neither
//     list.
//
// Changed holds every changed record in memory, so the first sync of a large project holds the
// whole project: SyncEach hands the records over one at a time instead.
func Sync[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, since SyncCursor, opts SyncOptions) (*SyncResult[R], error) {
	var changed []R
	res, err := SyncEach[R, P](ctx, c, since, opts, func(r *R) error {
		changed = append(changed, *r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Changed = changed
	return res, nil
}

// SyncEach is Sync for projects too large to hold in memory: it hands each changed record to
// changed as soon as the record's batch is read and decoded whole (changed may keep the record),
// and returns the deleted IDs and the next cursor with an empty Changed. An error from changed
// stops the sync and is returned; store the next cursor only after a sync that succeeded.
func SyncEach[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, since SyncCursor, opts SyncOptions, changed func(*R) error) (*SyncResult[R], error) {
	zone := c.serverZone
	if zone == nil {
		return nil, fmt.Errorf("redcap: sync: %w", errNoServerZone)
	}
	if !opts.Export.DateRangeBegin.IsZero() || !opts.Export.DateRangeEnd.IsZero() {
		return nil, errors.New("redcap: sync: Export.DateRangeBegin/End must be zero: Sync sets the range from the cursor")
	}
	overlap := opts.Overlap
	if overlap <= 0 {
		overlap = DefaultSyncOverlap
	}
	var from time.Time
	if !since.IsZero() {
		if since.zone != zone.String() {
			return nil, fmt.Errorf("redcap: sync: the cursor %q was made in zone %q, but the client's server zone is %q", since, since.zone, zone)
		}
		var err error
		if from, err = since.time(zone); err != nil {
			return nil, fmt.Errorf("redcap: sync: cursor %q: %w", since, err)
		}
	}
	deleted, now, err := c.syncStart(ctx, from)
	if err != nil {
		return nil, fmt.Errorf("redcap: sync: %w", err)
	}
	next := now.Add(-overlap)
	if next.Before(from) {
		next = from
	}
	exp := opts.Export
	exp.DateRangeBegin = from
	exists := map[string]bool{}
	err = syncExport[R, P](ctx, c, exp, func(r *R) error {
		exists[P(r).RecordID()] = true
		return changed(r)
	})
	if err != nil {
		return nil, fmt.Errorf("redcap: sync: %w", err)
	}
	res := &SyncResult[R]{Next: newSyncCursor(next, zone)}
	for _, id := range deleted {
		if !exists[id] {
			exists[id] = true // reported once
			res.Deleted = append(res.Deleted, id)
		}
	}
	return res, nil
}

// syncStart reads the records deleted since from (none for a zero from) and the server's time,
// before anything is exported.
func (c *Client) syncStart(ctx context.Context, from time.Time) ([]string, time.Time, error) {
	var now time.Time
	var deleted []string
	if from.IsZero() {
		if _, err := c.post(ctx, call{content: "version", params: jsonParams(), read: true, date: &now}); err != nil {
			return nil, time.Time{}, err
		}
	} else {
		entries, date, err := c.exportLog(ctx, LogRequest{Type: LogRecordDelete, Begin: from})
		if err != nil {
			return nil, time.Time{}, err
		}
		now = date
		for i := len(entries) - 1; i >= 0; i-- { // oldest first
			if entries[i].Record != "" {
				deleted = append(deleted, entries[i].Record)
			}
		}
	}
	if now.IsZero() {
		return nil, time.Time{}, errors.New("the server's answer has no Date header, so its clock cannot be read")
	}
	return deleted, now, nil
}

// syncExport exports the records of the options' date range like Stream, batch by batch, except
// that a record deleted between the ID pass and its batch is left out instead of failing the
// export. Each record goes to each once its batch is read and decoded whole.
func syncExport[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, opts ExportOptions, each func(*R) error) error {
	schema := P(new(R)).Schema()
	if schema == nil || schema.Layout == nil || schema.RecordIDField == "" {
		return errors.New("export: the record type has no schema (layout and record ID field)")
	}
	if err := c.checkDriftOnce(ctx, schema); err != nil {
		return err
	}
	ids, err := exportRecordIDs(ctx, c, schema, opts)
	if err != nil {
		return err
	}
	size := exportBatchSize(opts, schema, ids)
	for start, n := 0, 1; start < ids.Len(); start, n = start+size, n+1 {
		batch := ids.Slice(start, min(start+size, ids.Len()))
		req := exportRequest(schema, opts)
		req.Records, req.Batch = batch, n
		req.DateRangeBegin = time.Time{} // the batch asks for these records as they are now
		recs, _, err := exportBatch[R, P](ctx, c, req, schema, nil)
		var gone *missingRecordsError
		if err != nil && !errors.As(err, &gone) {
			return fmt.Errorf("export batch %d (records %s): %w", n, idRange(batch), err)
		}
		for _, r := range recs {
			if err := each(r); err != nil {
				return err
			}
		}
		if opts.Progress != nil {
			opts.Progress(start+len(batch), ids.Len())
		}
	}
	return nil
}
