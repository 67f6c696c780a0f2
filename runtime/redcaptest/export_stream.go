package redcaptest

import (
	"bufio"
	"io"
	"net/http"
)

// exportRecordsStreamed answers content=record, action=export like exportRecords, but a flat
// JSON export (the ID pass and the batches of redcap.Stream) is written row by row as it is
// sent instead of being built whole: a million-row export then costs the server one row at a
// time, not the answer several times over.
func (st *state) exportRecordsStreamed(p params) answer {
	if p.dataFormat() != "json" {
		return st.exportRecords(p)
	}
	sp, aerr := st.parseExportSpec(p)
	if crashes, _ := st.exportCrash(sp, "json"); aerr != nil || sp.eav || crashes ||
		sp.filter != "" && st.filterNamesUnknownField(sp.filter) {
		return st.exportRecords(p) // errors, EAV and the answers of bad filter logic
	}
	return answer{status: http.StatusOK, format: "json", stream: func(w io.Writer) error {
		return st.streamFlatJSON(sp, w)
	}}
}

// streamFlatJSON writes a flat JSON export to w row by row, byte for byte as renderFlat
// renders it. It returns the first write error (the client went away).
func (st *state) streamFlatJSON(sp exportSpec, w io.Writer) error {
	cols := st.columnsFor(sp)
	bw := bufio.NewWriterSize(w, 32<<10)
	var cells []cell
	sep := byte('[')
	err := st.eachFlatRow(sp, func(fr flatRow) error {
		if err := bw.WriteByte(sep); err != nil {
			return err
		}
		sep = ','
		cells = cells[:0]
		for i, v := range fr.vals {
			cells = append(cells, cell{s: v, num: cols[i].kind == colRepeatInstance && v != ""})
		}
		writeJSONObject(bw, fr.cols, cells)
		return nil
	})
	if err != nil {
		return err
	}
	if sep == '[' { // no rows
		_, _ = bw.WriteString(emptyExport("json"))
	} else {
		_ = bw.WriteByte(']')
	}
	return bw.Flush()
}

// eachFlatRow calls fn with each row of a flat export in order, without collecting them: the
// row's vals are reused for the next row, so fn must not keep them. An error from fn stops the
// walk and is returned.
func (st *state) eachFlatRow(sp exportSpec, fn func(flatRow) error) error {
	cols := st.columnsFor(sp)
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	vals := make([]string, len(cols))
	keep := st.rowFilter(sp.filter)
	for _, id := range st.exportedRecordIDs(sp) {
		rec := st.records[id]
		if !sp.inDateRange(rec.id) || !st.visible(rec) {
			continue
		}
		for _, k := range st.sortedKeys(rec) {
			v := rec.rows[k]
			if !st.rowSelected(sp, k, v) {
				continue
			}
			if keep != nil && !keep(rec, k) {
				continue
			}
			for i, c := range cols {
				vals[i] = st.cellValue(sp, c, rec, k, v)
			}
			if err := fn(flatRow{rec: rec, key: k, cols: names, vals: vals, inst: k.inst > 0}); err != nil {
				return err
			}
		}
	}
	return nil
}
