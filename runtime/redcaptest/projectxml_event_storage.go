package redcaptest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// storageRow is one row handed to the writer: the record and its row in storage (unset for the
// row in place of a record's instances) and its stored values in storage order.
type storageRow struct {
	record string
	placed bool // false: the row that stands for the record's repeating instances
	key    rowKey
	cols   []string
}

// When every event of a longitudinal project's events[] is unknown, REDCap 15.7.6 neither refuses
// the project XML export nor filters by event: it reads every event's storage rows without the
// export's templates and hands them to its ODM writer, which then writes something no ODM reader
// takes. writeEventStorageClinicalData writes that ClinicalData:
//
//   - one row per record and event with data outside repeating instruments and events: the stored
//     values in the storage index's order (field names in MySQL's Unicode collation, where "_"
//     comes before digits), the record ID among them; checkbox values, kept as one row per
//     checked code, are missing, and file fields come only with exportFiles;
//   - after a record's rows, when the record has data in a repeating instrument or event, one row
//     without record ID or event in place of its instances: an empty SubjectKey and a
//     StudyEventData of event "" that is never closed, after which the next subject opens
//     without closing anything;
//   - the writer walks those rows with REDCap's own rules: an item is written only if its form is
//     designated for the row's event and does not repeat there, a FormData opens when the form
//     changes, an ItemGroupData when the form or the section header changes (the form status
//     having "Form Status" as header), and the closing tags at the end are written whatever is
//     open.
func (st *state) writeEventStorageClinicalData(b *strings.Builder, oid, version string, sp exportSpec, files bool) {
	b.WriteString(`<ClinicalData StudyOID="Project.` + oid + `" MetaDataVersionOID="Metadata.` + oid + `_` + version + `">` + "\n")
	rows := st.eventStorageRows(sp, files)
	w := &storageWriter{st: st, b: b, starts: st.odmGroupStarts()}
	for _, r := range rows {
		w.row(r)
	}
	if len(rows) > 0 {
		b.WriteString("\t\t\t\t</ItemGroupData>\n\t\t\t</FormData>\n\t\t</StudyEventData>\n\t</SubjectData>\n")
	}
	b.WriteString("</ClinicalData>\n")
}

// eventStorageRows returns the rows REDCap reads from storage for the export's records.
func (st *state) eventStorageRows(sp exportSpec, files bool) []storageRow {
	keep := st.rowFilter(sp.filter)
	var rows []storageRow
	for _, id := range st.exportedRecordIDs(sp) {
		rec := st.records[id]
		if !st.visible(rec) {
			continue
		}
		repeats := false
		var keys []rowKey
		for k, v := range rec.rows {
			if len(v.order) == 0 || keep != nil && !keep(rec, k) {
				continue
			}
			if k.form != "" || k.inst > 0 || st.repeatingEvent(k.event) {
				repeats = true
				continue
			}
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b rowKey) int { return st.eventIndex(a.event) - st.eventIndex(b.event) })
		for _, k := range keys {
			v := rec.rows[k]
			var cols []string
			for _, col := range v.order {
				if st.storedAsItself(col, v.get(col), files) {
					cols = append(cols, col)
				}
			}
			slices.SortFunc(cols, compareStorageNames)
			rows = append(rows, storageRow{record: rec.id, placed: true, key: k, cols: cols})
		}
		if repeats {
			rows = append(rows, storageRow{})
		}
	}
	return rows
}

// storedAsItself reports whether a stored value reaches the writer under its own column name:
// not a checkbox code (stored as a row per checked code), not a file unless files are exported,
// not blank.
func (st *state) storedAsItself(col, val string, files bool) bool {
	if val == "" {
		return false
	}
	if c, ok := st.sch.columns[col]; ok && c.field != col {
		return false
	}
	if fl := st.sch.byName[col]; fl != nil {
		if fl.Type == dictionary.TypeCheckbox || fl.Type == dictionary.TypeFile && !files {
			return false
		}
		return st.mayExport(fl) || col == st.sch.recordID
	}
	return st.isFormComplete(col)
}

// compareStorageNames orders field names as MySQL's Unicode collation does for the lower-case
// letters, digits and underscores of REDCap's names: "_" before digits before letters.
func compareStorageNames(a, b string) int {
	weight := func(c byte) byte {
		if c == '_' {
			return 0
		}
		return c
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if d := cmp.Compare(weight(a[i]), weight(b[i])); d != 0 {
			return d
		}
	}
	return cmp.Compare(len(a), len(b))
}

// storageWriter is REDCap's ODM writer over storage rows, which are never repeating instances:
// its state is the writer's own variables, which carry over from one row to the next.
type storageWriter struct {
	st     *state
	b      *strings.Builder
	starts map[string]bool // item group OIDs (form.field) of the metadata

	prevRecord, prevEvent *string // nil: the writer's null
	prevForm              *string
}

// row writes one storage row.
func (w *storageWriter) row(r storageRow) {
	var record, event *string
	if r.placed {
		record, event = &r.record, &r.key.event
	}
	newRecord := phpString(w.prevRecord) != phpString(record)
	newEvent := phpString(w.prevEvent) != phpString(event)
	if newRecord {
		if w.prevRecord != nil {
			w.b.WriteString("\t\t\t\t</ItemGroupData>\n\t\t\t</FormData>\n\t\t</StudyEventData>\n\t</SubjectData>\n")
		}
		w.b.WriteString("\t<SubjectData SubjectKey=\"" + odmAttr(phpString(record)) + "\" redcap:RecordIdField=\"" + odmAttr(w.st.sch.recordID) + "\">\n")
	}
	if newRecord || newEvent {
		if !newRecord && newEvent && w.prevEvent != nil {
			w.b.WriteString("\t\t\t\t</ItemGroupData>\n\t\t\t</FormData>\n\t\t</StudyEventData>\n")
		}
		w.b.WriteString("\t\t<StudyEventData StudyEventOID=\"Event." + odmAttr(phpString(event)) + "\" StudyEventRepeatKey=\"1\" redcap:UniqueEventName=\"" + odmAttr(phpString(event)) + "\">\n")
	}
	loops := 0
	var prevSection *string
	for _, col := range r.cols {
		form, section := w.st.formOfColumn(col), w.sectionOf(col)
		if !w.st.mapped(r.key.event, form) || w.st.repeatingForm(r.key.event, form) {
			continue
		}
		newForm := phpString(w.prevForm) != form
		newSection := newForm || phpString(prevSection) != section
		if loops == 0 || newForm {
			if w.prevForm != nil && loops > 0 {
				w.b.WriteString("\t\t\t\t</ItemGroupData>\n\t\t\t</FormData>\n")
			}
			w.b.WriteString("\t\t\t<FormData FormOID=\"Form." + odmAttr(form) + "\" FormRepeatKey=\"1\">\n")
		}
		if loops == 0 || newSection {
			if !newForm && loops > 0 {
				w.b.WriteString("\t\t\t\t</ItemGroupData>\n")
			}
			oid := ""
			if w.starts[form+"."+col] {
				oid = form + "." + col
			}
			w.b.WriteString("\t\t\t\t<ItemGroupData ItemGroupOID=\"" + odmAttr(oid) + "\" ItemGroupRepeatKey=\"1\">\n")
		}
		w.item(r, col)
		w.prevForm, prevSection = &form, &section
		loops++
	}
	w.prevRecord, w.prevEvent = record, event
}

// item writes one stored value: a file as its document in base64, anything else as ItemData.
func (w *storageWriter) item(r storageRow, col string) {
	rec := w.st.records[r.record]
	val := rec.rows[r.key].get(col)
	if fl := w.st.sch.byName[col]; fl != nil && fl.Type == dictionary.TypeFile {
		f := w.st.fileOf(val)
		if f == nil {
			return
		}
		writeODMFile(w.b, col, f)
		return
	}
	w.b.WriteString("\t\t\t\t\t<ItemData ItemOID=\"" + odmAttr(col) + "\" Value=\"" + odmAttr(val) + "\"/>\n")
}

// sectionOf is the section header a field starts, "Form Status" for a form status, else "".
func (w *storageWriter) sectionOf(col string) string {
	if fl := w.st.sch.byName[col]; fl != nil {
		return fl.SectionHeader
	}
	if w.st.isFormComplete(col) {
		return "Form Status"
	}
	return ""
}

// phpString is the writer's string conversion: null becomes "".
func phpString(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
