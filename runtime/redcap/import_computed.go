package redcap

// omitComputed takes the columns of computed fields (calc, @CALCTEXT, @CALCDATE) out of rows
// for import: REDCap drops a value imported into a calc field, and an import carrying a computed
// field's column keeps REDCap from computing that field, so sending them would leave computed
// values stale.
func omitComputed(rows []Row, s *Schema) {
	if len(rows) == 0 || s == nil {
		return
	}
	var cols []int
	for i := range s.Fields {
		if s.Fields[i].Computed == "" {
			continue
		}
		if j, ok := rows[0].Layout.Index(s.Fields[i].Name); ok {
			cols = append(cols, j)
		}
	}
	for r := range rows {
		for _, j := range cols {
			rows[r].Present[j] = false
		}
	}
}
