package redcap

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// ImportOptions controls Import.
type ImportOptions struct {
	// BatchSize is the number of records per request (default DefaultBatchSize).
	BatchSize int
	// Overwrite sends overwriteBehavior=overwrite: a blank value then ERASES the stored value,
	// checkboxes included. Leave it false (normal) unless blanks must erase data.
	Overwrite bool
	// ForceAutoNumber lets REDCap number the records; their IDs are placeholders, and
	// ImportResult.AutoIDs maps each to the ID REDCap gave it.
	ForceAutoNumber bool
	// SkipPreflight sends batches without validating them first. By default every record is
	// validated (Record.Validate) and a batch with a value REDCap would refuse is not sent: its
	// BatchError wraps a *ValidationError holding every violation; its text lists the refused
	// values and counts the warnings by rule.
	SkipPreflight bool
	// RedactIdentifiers hides values of identifier fields in pre-flight errors
	// (WithRedactedValues on the client hides every value).
	RedactIdentifiers bool
	// ContinueOnError sends the remaining batches after one fails. By default Import stops and
	// reports the remaining batches as not sent.
	ContinueOnError bool
	// Progress, when set, is called after each batch with the records handled and the total.
	Progress func(done, total int)
	// RecomputeCalcs sends no values of computed fields (calc, @CALCTEXT, @CALCDATE). REDCap
	// drops such values either way and, after each batch, computes on every record of the batch
	// the computed fields that are columns of the batch's first row or use one of them: a batch
	// sent with its computed columns gets them all computed, one sent without them only those
	// whose inputs it carries.
	RecomputeCalcs bool
}

// Import writes records to REDCap in batches and reports what became of each batch. Each batch
// is validated first (unless SkipPreflight), sent once with returnContent=ids (auto_ids with
// ForceAutoNumber), and landed only when REDCap confirms exactly the IDs sent. Imports are never
// retried. Instances numbered 0 are sent as "new": for such a batch Import exports the records
// concerned just before and just after sending it, and reports the numbers REDCap gave them in
// ImportResult.NewInstances (REDCap's answer does not say; not done with ForceAutoNumber). The
// result is never nil. The error is nil only when every batch landed; otherwise it
// is a summary wrapping a *BatchError per failed batch, and the result lists landed, failed and
// unsent batches.
func Import[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, records []R, opts ImportOptions) (*ImportResult, error) {
	schema := P(new(R)).Schema()
	if schema == nil || schema.Layout == nil {
		return &ImportResult{}, errors.New("redcap: import: the record type has no schema; nothing was sent")
	}
	if err := checkImportIDs[R, P](records); err != nil {
		return &ImportResult{}, err
	}
	if err := c.checkDriftOnce(ctx, schema); err != nil {
		return &ImportResult{}, fmt.Errorf("redcap: import: nothing was sent: %w", err)
	}
	size := opts.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	res := &ImportResult{}
	for n, chunk := 1, records; len(chunk) > 0; n++ {
		batch := chunk[:min(size, len(chunk))]
		chunk = chunk[len(batch):]
		ids := make([]string, len(batch))
		for i := range batch {
			ids[i] = P(&batch[i]).RecordID()
		}
		res.Batches = append(res.Batches, ImportBatch{Number: n, IDs: ids, Status: BatchNotSent})
	}
	goNames := goFieldNames(schema)
	var scratch importScratch
	stop := false
	var failed []error
	for i := range res.Batches {
		b := &res.Batches[i]
		if stop {
			break
		}
		if err := ctx.Err(); err != nil {
			failed = append(failed, fmt.Errorf("redcap: import stopped before batch %d: %w", b.Number, err))
			break
		}
		start := (b.Number - 1) * size
		status, err := importBatch[R, P](ctx, c, records[start:start+len(b.IDs)], b.Number, opts, res, &scratch)
		b.Status = status
		if err != nil {
			fillGoFields(err, goNames)
			be := &BatchError{Number: b.Number, IDs: b.IDs, Status: status, Err: err}
			b.Err = be
			failed = append(failed, be)
			stop = !opts.ContinueOnError
		}
		if opts.Progress != nil {
			opts.Progress(start+len(b.IDs), len(records))
		}
	}
	if len(failed) > 0 {
		return res, fmt.Errorf("redcap: import: %s: %w", res.summary(), errors.Join(failed...))
	}
	return res, nil
}

// importScratch is the storage one Import reuses from batch to batch: the encoded rows, their
// JSON, and the request body (reused once the transport has closed the previous one; see
// bodyBuffer).
type importScratch struct {
	rows []Row
	data bytes.Buffer
	bw   *bufio.Writer // writes into data
	body bodyBuffer
}

// importBatch validates, encodes and sends one batch.
func importBatch[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, batch []R, number int, opts ImportOptions, res *ImportResult, scratch *importScratch) (BatchStatus, error) {
	if !opts.SkipPreflight {
		if err := preflight[R, P](batch, ValidatorOptions{RedactIdentifiers: opts.RedactIdentifiers, RedactValues: c.redactValues}); err != nil {
			return BatchRefused, err
		}
	}
	rows := scratch.rows[:0]
	for i := range batch {
		var err error
		if rows, err = P(&batch[i]).EncodeRows(rows); err != nil {
			return BatchRefused, fmt.Errorf("encode record %q: %w", P(&batch[i]).RecordID(), err)
		}
	}
	scratch.rows = rows
	if opts.RecomputeCalcs {
		omitComputed(rows, P(&batch[0]).Schema())
	}
	data := &scratch.data
	data.Reset()
	if scratch.bw == nil {
		scratch.bw = bufio.NewWriterSize(data, writeBufferSize)
	}
	scratch.bw.Reset(data)
	if err := writeRows(scratch.bw, rows); err != nil {
		return BatchRefused, err
	}
	var fresh *newInstancePlan
	if !opts.ForceAutoNumber {
		if fresh = planNewInstances(P(&batch[0]).Schema().Layout, rows); fresh != nil {
			before, err := fresh.instancesNow(ctx, c, P(&batch[0]).Schema().Layout)
			if err != nil {
				return BatchFailed, fmt.Errorf("nothing was sent: export the instances of the records before adding new ones: %w", err)
			}
			fresh.before = before
		}
	}
	req := ImportRequest{Overwrite: opts.Overwrite, ForceAutoNumber: opts.ForceAutoNumber, ReturnContent: ReturnIDs, Batch: number}
	if opts.ForceAutoNumber {
		req.ReturnContent = ReturnAutoIDs
	}
	resp, err := c.importRecords(ctx, data.Bytes(), req, &scratch.body)
	if err != nil {
		var ae *APIError
		if errors.As(err, &ae) && ae.Status >= 400 && ae.Status < 500 {
			return BatchFailed, err
		}
		return BatchUncertain, err
	}
	sent := make([]string, len(batch))
	for i := range batch {
		sent[i] = P(&batch[i]).RecordID()
	}
	if err := confirmIDs(sent, resp.IDs); err != nil {
		return BatchUncertain, err
	}
	for _, a := range resp.AutoIDs {
		if res.AutoIDs == nil {
			res.AutoIDs = make(map[string]string)
		}
		res.AutoIDs[a.Sent] = a.New
	}
	if fresh != nil {
		after, err := fresh.instancesNow(ctx, c, P(&batch[0]).Schema().Layout)
		if err != nil {
			return BatchLanded, fmt.Errorf("the batch landed, but its new instance numbers could not be read back: %w", err)
		}
		added, err := fresh.assigned(after)
		res.NewInstances = append(res.NewInstances, added...)
		if err != nil {
			return BatchLanded, fmt.Errorf("the batch landed, but its new instance numbers are uncertain: %w", err)
		}
	}
	return BatchLanded, nil
}

// preflight validates every record of a batch with a Validator made from the records' schema. It
// returns a *ValidationError (every violation, warnings included) when REDCap would refuse a value.
func preflight[R any, P interface {
	*R
	Record
}](batch []R, opts ValidatorOptions) error {
	if len(batch) == 0 {
		return nil
	}
	v := NewValidator(P(&batch[0]).Schema(), opts)
	for i := range batch {
		P(&batch[i]).Validate(v)
	}
	return v.Err()
}

// confirmIDs checks that REDCap saved exactly the records sent.
func confirmIDs(sent, saved []string) error {
	want := map[string]bool{}
	for _, id := range sent {
		want[id] = true
	}
	got := map[string]bool{}
	var unexpected []string
	for _, id := range saved {
		got[id] = true
		if !want[id] {
			unexpected = append(unexpected, id)
		}
	}
	var unconfirmed []string
	for _, id := range sent {
		if !got[id] {
			unconfirmed = append(unconfirmed, id)
		}
	}
	if len(unexpected) == 0 && len(unconfirmed) == 0 {
		return nil
	}
	var parts []string
	if len(unconfirmed) > 0 {
		parts = append(parts, "not confirmed "+quoteList(unconfirmed, 20))
	}
	if len(unexpected) > 0 {
		parts = append(parts, "not sent but reported saved "+quoteList(unexpected, 20))
	}
	return fmt.Errorf("REDCap answered %d OK but did not confirm the IDs sent: %s", http.StatusOK, strings.Join(parts, "; "))
}

// checkImportIDs refuses blank and repeated record IDs before anything is sent.
func checkImportIDs[R any, P interface {
	*R
	Record
}](records []R) error {
	first := make(map[string]int, len(records))
	for i := range records {
		id := P(&records[i]).RecordID()
		if id == "" {
			return fmt.Errorf("redcap: import: record %d of %d has a blank record ID (give new records a placeholder ID with ForceAutoNumber); nothing was sent", i+1, len(records))
		}
		if j, dup := first[id]; dup {
			return fmt.Errorf("redcap: import: record ID %q appears twice (records %d and %d); merge them; nothing was sent", id, j+1, i+1)
		}
		first[id] = i
	}
	return nil
}

// fillGoFields sets GoField on every refused value of an *APIError.
func fillGoFields(err error, goNames map[string]string) {
	var ae *APIError
	if !errors.As(err, &ae) {
		return
	}
	for i := range ae.Values {
		if g, ok := goNames[ae.Values[i].Field]; ok {
			ae.Values[i].GoField = g
		}
	}
}
