package redcap

import (
	"fmt"
	"strings"
)

// BatchStatus says what became of one import batch.
type BatchStatus uint8

// The fates of an import batch.
const (
	// BatchNotSent: never sent, because an earlier batch failed (or the context ended).
	BatchNotSent BatchStatus = iota
	// BatchLanded: REDCap saved it and confirmed every record ID sent.
	BatchLanded
	// BatchFailed: REDCap refused it. Imports are all or nothing: none of its records changed.
	BatchFailed
	// BatchRefused: not sent, because pre-flight validation found values REDCap would refuse
	// (or the records could not be encoded).
	BatchRefused
	// BatchUncertain: sent, but the answer was lost (timeout, dropped connection, server crash)
	// or did not confirm the IDs sent. It may have landed: check in REDCap before sending again.
	BatchUncertain
)

// String names the status.
func (s BatchStatus) String() string {
	switch s {
	case BatchNotSent:
		return "not sent"
	case BatchLanded:
		return "landed"
	case BatchFailed:
		return "refused by REDCap"
	case BatchRefused:
		return "refused by pre-flight validation"
	case BatchUncertain:
		return "uncertain (may have landed)"
	}
	return fmt.Sprintf("BatchStatus(%d)", uint8(s))
}

// ImportBatch is one batch of an import: its records and what became of them.
type ImportBatch struct {
	Number int         // 1-based
	IDs    []string    // record IDs in the batch, in input order
	Status BatchStatus // what happened
	Err    error       // why it did not land (a *BatchError); nil when landed or not sent
}

// ImportResult reports every batch of an import, landed or not.
type ImportResult struct {
	Batches []ImportBatch
	// AutoIDs maps each ID sent to the ID REDCap assigned, with ForceAutoNumber.
	AutoIDs map[string]string
	// NewInstances lists every instance sent with Number 0 ("new") and the number REDCap gave
	// it, per record, event and instrument in the order first sent, numbers ascending. Import
	// finds them by exporting the records before and after each such batch, so another client
	// adding instances to the same records at the same moment could blur them.
	NewInstances []NewInstance
}

// Landed returns the IDs (as sent) of every record in a landed batch.
func (r *ImportResult) Landed() []string {
	if r == nil {
		return nil
	}
	var ids []string
	for _, b := range r.Batches {
		if b.Status == BatchLanded {
			ids = append(ids, b.IDs...)
		}
	}
	return ids
}

// count returns how many records have the status.
func (r *ImportResult) count(s BatchStatus) int {
	n := 0
	for _, b := range r.Batches {
		if b.Status == s {
			n += len(b.IDs)
		}
	}
	return n
}

// summary says in one line what landed and what did not.
func (r *ImportResult) summary() string {
	total := 0
	for _, b := range r.Batches {
		total += len(b.IDs)
	}
	parts := []string{fmt.Sprintf("%d of %d records landed", r.count(BatchLanded), total)}
	for _, s := range []BatchStatus{BatchFailed, BatchRefused, BatchUncertain, BatchNotSent} {
		if n := r.count(s); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	return strings.Join(parts, ", ")
}

// BatchError says why one import batch did not land.
type BatchError struct {
	Number int
	IDs    []string
	Status BatchStatus
	Err    error // an *APIError (values with GoField filled), a *ValidationError, or a transport error
}

// Error names the batch, its records, its fate and the cause.
func (e *BatchError) Error() string {
	return fmt.Sprintf("batch %d (%d records %s) %s: %v", e.Number, len(e.IDs), idRange(e.IDs), e.Status, e.Err)
}

// Unwrap returns the cause.
func (e *BatchError) Unwrap() error { return e.Err }

// goFieldNames maps every export column of the schema (fields and checkbox columns) to its Go
// field name.
func goFieldNames(s *Schema) map[string]string {
	m := make(map[string]string, len(s.Fields))
	for _, f := range s.Fields {
		if f.GoName == "" {
			continue
		}
		m[f.Name] = f.GoName
		for _, col := range f.CheckboxColumns {
			m[col] = f.GoName
		}
	}
	return m
}
