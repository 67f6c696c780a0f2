package redcaptest

import (
	"slices"
	"strconv"
	"strings"
)

// reportRow is one stored row a report shows.
type reportRow struct {
	rec *record
	key rowKey
	v   *valueRow
}

// reportRows returns the rows of a report in its order: the rows a record export of the report's
// fields gives (only those of its events), filtered by its logic at event or record level, then
// sorted by its sort fields.
func (st *state) reportRows(r Report, sp exportSpec) []reportRow {
	keep := st.rowFilter(reportLogic(r))
	var out []reportRow
	for _, id := range st.sortedRecordIDs() {
		rec := st.records[id]
		if !st.visible(rec) {
			continue
		}
		var rows []reportRow
		matched := false
		for _, k := range st.sortedKeys(rec) {
			v := rec.rows[k]
			if !st.rowSelected(sp, k, v) {
				continue
			}
			ok := keep == nil || keep(rec, k)
			matched = matched || ok
			if ok || r.RecordLevel {
				rows = append(rows, reportRow{rec: rec, key: k, v: v})
			}
		}
		if matched {
			out = append(out, rows...)
		}
	}
	if len(r.Sort) > 0 {
		slices.SortStableFunc(out, func(a, b reportRow) int {
			for _, s := range r.Sort {
				c := compareSortValues(st.sortValue(s.Field, a), st.sortValue(s.Field, b))
				if s.Descending {
					c = -c
				}
				if c != 0 {
					return c
				}
			}
			return 0
		})
	}
	return out
}

// sortValue is the stored value of a sort field on a row ("" where its form does not belong).
func (st *state) sortValue(field string, row reportRow) string {
	if field == st.sch.recordID {
		return row.rec.id
	}
	form := st.sch.formOf[field]
	if form == "" {
		form = strings.TrimSuffix(field, "_complete")
	}
	if !st.belongs(form, row.key) {
		return ""
	}
	return row.v.get(field)
}

// compareSortValues orders two values as numbers when both are, else as text.
func compareSortValues(a, b string) int {
	fa, errA := strconv.ParseFloat(a, 64)
	fb, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		switch {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		}
		return 0
	}
	return strings.Compare(a, b)
}
