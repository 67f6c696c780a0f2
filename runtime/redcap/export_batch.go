package redcap

import "slices"

// Stream's batch sizes when ExportOptions.BatchSize is 0, in values (rows × columns; a value is
// about 20 bytes of flat JSON). An export of up to oneRequestValues is one request after the ID
// pass, as fast as a single raw export; a larger one goes in equal batches of about batchValues,
// so that the client holds about 2 MB of answer at a time however large the project is, and the
// server's work per request stays small.
const (
	oneRequestValues = 250_000
	batchValues      = 100_000
)

// exportBatchSize returns the records per export request: opts.BatchSize when set, else chosen
// from the rows per record the ID pass saw and the columns the export carries.
func exportBatchSize(opts ExportOptions, s *Schema, ids *recordIDs) int {
	if opts.BatchSize > 0 {
		return opts.BatchSize
	}
	records := ids.Len()
	if records == 0 {
		return 1
	}
	rowsPerRecord := max(1, (ids.rows+records-1)/records)
	perRecord := max(1, exportColumns(opts, s)*rowsPerRecord)
	if records*perRecord <= oneRequestValues {
		return records
	}
	size := max(1, batchValues/perRecord)
	batches := (records + size - 1) / size
	return (records + batches - 1) / batches
}

// exportColumns estimates the columns of an export: the whole layout, or the columns of the
// fields and forms asked for (with the record ID and the event and repeat columns).
func exportColumns(opts ExportOptions, s *Schema) int {
	if len(opts.Fields) == 0 && len(opts.Forms) == 0 {
		return s.Layout.Len()
	}
	n := 4 // record ID, event and repeat columns
	for i := range s.Fields {
		f := &s.Fields[i]
		if !slices.Contains(opts.Fields, f.Name) && !slices.Contains(opts.Forms, f.Form) {
			continue
		}
		n += max(1, len(f.CheckboxColumns))
	}
	return n
}
