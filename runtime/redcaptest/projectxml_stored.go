package redcaptest

import (
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// writeStoredClinicalData writes the ClinicalData REDCap writes for a classic project when
// fields[] names a field that does not exist: from its storage rows instead of the ordered
// export, each record's values in the order they were stored (checkbox columns only when
// checked), then the record's data access group as an item __GROUPID__ holding the group's id.
func (st *state) writeStoredClinicalData(b *strings.Builder, oid, version string, sp exportSpec, files bool) {
	b.WriteString(`<ClinicalData StudyOID="Project.` + oid + `" MetaDataVersionOID="Metadata.` + oid + `_` + version + `">` + "\n")
	w := st.newClinicalWriter(b, files)
	keep := st.rowFilter(sp.filter)
	rid := st.sch.recordID
	ridForm := st.sch.formOf[rid]
	wrote := false
	for _, id := range st.exportedRecordIDs(sp) {
		rec := st.records[id]
		if !st.visible(rec) {
			continue
		}
		opened := false
		for _, sv := range st.valuesEAV(rec) {
			if keep != nil && !keep(rec, sv.key) {
				continue
			}
			field, form, val, ok := st.storedItem(sp, sv, rec, files)
			if !ok {
				continue
			}
			r := flatRow{rec: rec, key: sv.key}
			if !opened {
				w.openSubject(r)
				opened, wrote = true, true
			}
			if sv.col == rid {
				w.item(ridForm, rid, rid, "", r)
				continue
			}
			w.item(form, field, sv.col, val, r)
		}
		if opened && rec.dag != "" {
			for _, d := range st.proj.DAGs {
				if d.UniqueName == rec.dag {
					w.item(ridForm, "__GROUPID__", "__GROUPID__", itoa(d.ID), flatRow{rec: rec})
				}
			}
		}
	}
	w.finish(wrote)
}

// storedItem maps one stored value to its item: field, form and value, or false when the value
// is not written.
func (st *state) storedItem(sp exportSpec, sv storedValue, rec *record, files bool) (string, string, string, bool) {
	val := rec.rows[sv.key].get(sv.col)
	form := st.formOfColumn(sv.col)
	field := sv.col
	if c, ok := st.sch.columns[sv.col]; ok {
		field = c.field
	}
	if val == "" || len(sp.fields) > 0 && !sp.selected(field, form) && sv.col != st.sch.recordID {
		return "", "", "", false
	}
	fl := st.sch.byName[field]
	switch {
	case fl == nil:
		return field, form, val, st.isFormComplete(sv.col)
	case fl.Type == dictionary.TypeCheckbox:
		return field, form, val, val == "1"
	case fl.Type == dictionary.TypeFile:
		return field, form, val, false
	}
	return field, form, val, st.mayExport(fl)
}
