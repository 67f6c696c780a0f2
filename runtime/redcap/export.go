package redcap

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"time"
)

// DefaultBatchSize is the number of records per import request when none is given (REDCapR's
// default). Exports choose their batch size from the project's size instead (see
// ExportOptions.BatchSize).
const DefaultBatchSize = 100

// ExportOptions selects what Stream and ExportAll export.
type ExportOptions struct {
	// BatchSize is the number of records per request. When 0, Stream chooses it from the size of
	// the export, which the record ID pass shows (records, rows per record) and the columns asked
	// for: an export of up to 250,000 values (250 records of 1,000 columns, 5,000 of 50) is one
	// request after the ID pass; a larger one goes in equal batches of about 100,000 values
	// (about 2 MB of JSON), so memory stays flat.
	BatchSize int
	// Fields limits the export to these fields (checkbox base names); the record ID field is
	// always added, since without it REDCap drops the record ID and event columns.
	Fields []string
	// Forms limits the export to these forms.
	Forms []string
	// Events limits the export to these unique event names.
	Events []string
	// DateRangeBegin and DateRangeEnd keep the records created or changed in that window (REDCap
	// reads its log, inclusive to the second), sent as wall-clock times in the times' own
	// location: REDCap compares them in the server's zone. Sync takes care of zones for you.
	DateRangeBegin, DateRangeEnd time.Time
	// FilterLogic selects rows with a REDCap logic expression, in the ID pass and every batch.
	// It is checked against the schema first (CheckFilterLogic): a typo is a *FilterLogicError
	// naming its position, and nothing is sent.
	FilterLogic string
	// Progress, when set, is called after each batch with the records done and the total.
	Progress func(done, total int)
	// ReuseRecord makes Stream decode every batch into the records of the batch before,
	// recycled in place (see Record.Recycle), like encoding/csv's Reader.ReuseRecord: the loop
	// body must not keep a record, or anything reached through it, past its iteration. It cuts
	// what Stream allocates per record to little more than the values' text. ExportAll ignores it.
	ReuseRecord bool
}

// Stream exports the project's records as typed values, in REDCap's record order. It first
// exports the record IDs, then the records in batches; rows of one record are decoded together
// by the generated DecodeRows. A batch's records are yielded only once the whole batch is read,
// decoded and complete: when a requested record is missing or came back twice, an unrequested
// one came back, the answer is cut short or a record does not decode, Stream yields no record of
// that batch, only an error naming the batch and the records. Each answer is decoded as it
// arrives, never held whole; memory holds the ID list and one batch of records. Stop early by breaking out of the loop; after an error
// Stream stops.
func Stream[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, opts ExportOptions) iter.Seq2[*R, error] {
	return stream[R, P](ctx, c, opts, nil)
}

// stream is Stream; counted, when set, learns the number of records from the ID pass before the
// first batch (ExportAll sizes its slice with it).
func stream[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, opts ExportOptions, counted func(int)) iter.Seq2[*R, error] {
	return func(yield func(*R, error) bool) {
		schema := P(new(R)).Schema()
		if schema == nil || schema.Layout == nil || schema.RecordIDField == "" {
			yield(nil, errors.New("redcap: export: the record type has no schema (layout and record ID field)"))
			return
		}
		if err := c.checkDriftOnce(ctx, schema); err != nil {
			yield(nil, err)
			return
		}
		ids, err := exportRecordIDs(ctx, c, schema, opts)
		if err != nil {
			yield(nil, err)
			return
		}
		if counted != nil {
			counted(ids.Len())
		}
		size := exportBatchSize(opts, schema, ids)
		var pool []*R // records recycled from batch to batch, with ReuseRecord
		done := 0
		for start := 0; start < ids.Len(); start += size {
			batch := ids.Slice(start, min(start+size, ids.Len()))
			if err := ctx.Err(); err != nil {
				yield(nil, fmt.Errorf("redcap: export: %w", err))
				return
			}
			n := done/size + 1
			req := exportRequest(schema, opts)
			req.Records, req.Batch = batch, n
			recs, grown, err := exportBatch[R, P](ctx, c, req, schema, pool)
			if err != nil {
				yield(nil, fmt.Errorf("redcap: export batch %d (records %s): %w", n, idRange(batch), err))
				return
			}
			if opts.ReuseRecord {
				pool = grown
			}
			for _, rec := range recs {
				if !yield(rec, nil) {
					return
				}
			}
			done += len(batch)
			if opts.Progress != nil {
				opts.Progress(done, ids.Len())
			}
		}
	}
}

// exportBatch requests one batch and decodes its answer as it arrives (see decodeBatch): an
// answer that is not a flat JSON export is refused on its first bytes, and the answer is never
// held whole. When reading the answer fails, the batch is requested again (see postStream).
func exportBatch[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, req ExportRequest, s *Schema, pool []*R) (recs, grown []*R, err error) {
	p, err := req.params()
	if err != nil {
		return nil, pool, err
	}
	grown = pool
	err = c.postStream(ctx, call{content: "record", action: "export", params: p, batch: req.Batch, read: true}, func(body io.Reader) error {
		recs, grown, err = decodeBatch[R, P](body, s, req.Records, grown)
		return err
	})
	return recs, grown, err
}

// ExportAll exports every selected record into a slice. Prefer Stream for large projects.
func ExportAll[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, opts ExportOptions) ([]R, error) {
	opts.ReuseRecord = false // every record is kept
	var out []R
	for rec, err := range stream[R, P](ctx, c, opts, func(n int) { out = make([]R, 0, n) }) {
		if err != nil {
			return nil, err
		}
		out = append(out, *rec)
	}
	return out, nil
}

// exportRequest is the request of every batch: the options, with the record ID field added.
func exportRequest(s *Schema, opts ExportOptions) ExportRequest {
	req := ExportRequest{Forms: opts.Forms, Events: opts.Events, FilterLogic: opts.FilterLogic,
		DateRangeBegin: opts.DateRangeBegin, DateRangeEnd: opts.DateRangeEnd}
	if len(opts.Fields) > 0 || len(opts.Forms) > 0 {
		req.Fields = withFirst(opts.Fields, s.RecordIDField)
	}
	return req
}

// withFirst returns list with s at the front unless it holds s already.
func withFirst(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append([]string{s}, list...)
}

// exportRecordIDs exports the record ID column and returns each record once, in REDCap's order.
// The answer is read as it arrives into the packed ID list, never held whole; when reading it
// fails, the whole ID pass is sent again (bounded by the client's retries) and the list restarts.
func exportRecordIDs(ctx context.Context, c *Client, s *Schema, opts ExportOptions) (*recordIDs, error) {
	idCol, ok := s.Layout.Index(s.RecordIDField)
	if !ok {
		return nil, fmt.Errorf("redcap: export: the layout has no record ID column %q", s.RecordIDField)
	}
	if err := CheckFilterLogic(opts.FilterLogic, s); err != nil {
		return nil, err
	}
	req := ExportRequest{Fields: []string{s.RecordIDField}, Events: opts.Events, FilterLogic: opts.FilterLogic,
		DateRangeBegin: opts.DateRangeBegin, DateRangeEnd: opts.DateRangeEnd}
	p, err := req.params()
	if err != nil {
		return nil, fmt.Errorf("redcap: export record IDs: %w", err)
	}
	var ids *recordIDsBuilder
	err = c.postStream(ctx, call{content: "record", action: "export", params: p, read: true}, func(body io.Reader) error {
		ids = newRecordIDsBuilder()
		return ReadRows(body, s.Layout, func(r *Row) error {
			if !r.Has(idCol) || r.Get(idCol) == "" {
				return fmt.Errorf("row without a record ID (%s)", s.RecordIDField)
			}
			return ids.add(r.Get(idCol))
		})
	})
	if err != nil {
		return nil, fmt.Errorf("redcap: export record IDs: %w", err)
	}
	return ids.list(), nil
}
