package redcaptest

import (
	"encoding/base64"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// clinicalWriter writes the ClinicalData of a project XML the way REDCap 15.7.6 does: it walks
// the export rows and their non-blank values once, opening a SubjectData (and in longitudinal
// projects a StudyEventData) only at a row's record ID, a FormData when the form or instance
// changes or a new row starts, and an ItemGroupData at the form's start, at a field with a section
// header and at the field after one. Its quirks are REDCap's: without the record ID among the
// fields nothing is opened for a subject, in longitudinal projects nothing is written outside an
// opened event, and the closing tags at the end are written whatever is open.
type clinicalWriter struct {
	st     *state
	b      *strings.Builder
	starts map[string]bool // item group OIDs (form.field) of the metadata
	files  bool            // exportFiles: file fields are embedded in base64

	subject, event      bool   // a SubjectData, a StudyEventData is open
	record, eventKey    string // the subject and event opened last
	formKey             string // the form and instance of this row's FormData ("" at a new row)
	lastKey             string // the form and instance of the FormData opened last
	formOpen, groupOpen bool
	field               string // the field of the item written last in the form
	fieldHadHeader      bool
}

// writeClinicalData writes the <ClinicalData> element of the rows.
func (st *state) writeClinicalData(b *strings.Builder, oid, version string, cols []outColumn, rows []flatRow, files bool) {
	b.WriteString(`<ClinicalData StudyOID="Project.` + oid + `" MetaDataVersionOID="Metadata.` + oid + `_` + version + `">` + "\n")
	w := st.newClinicalWriter(b, files)
	for _, r := range rows {
		w.row(cols, r)
	}
	w.finish(len(rows) > 0)
}

// newClinicalWriter starts a writer after the ClinicalData start tag.
func (st *state) newClinicalWriter(b *strings.Builder, files bool) *clinicalWriter {
	return &clinicalWriter{st: st, b: b, starts: st.odmGroupStarts(), files: files}
}

// odmGroupStarts is the set of item group OIDs (form.field) of the metadata: the items whose
// ItemGroupData carries an OID.
func (st *state) odmGroupStarts() map[string]bool {
	starts := map[string]bool{}
	for _, groups := range st.odmMetaGroups(false, false) {
		for _, g := range groups {
			starts[g.oid] = true
		}
	}
	return starts
}

// finish writes REDCap's closing tags (whatever is open, when anything was exported) and the
// ClinicalData end tag.
func (w *clinicalWriter) finish(any bool) {
	if any {
		w.b.WriteString("\t\t\t\t</ItemGroupData>\n\t\t\t</FormData>\n")
		if w.st.longitudinal() {
			w.b.WriteString("\t\t</StudyEventData>\n")
		}
		w.b.WriteString("\t</SubjectData>\n")
	}
	w.b.WriteString("</ClinicalData>\n")
}

// row writes the values of one export row.
func (w *clinicalWriter) row(cols []outColumn, r flatRow) {
	st := w.st
	w.formKey = ""
	rid := st.sch.recordID
	ridForm := st.sch.formOf[rid]
	for i, c := range cols {
		val := r.vals[i]
		switch c.kind {
		case colRecordID:
			w.openSubject(r)
			if !st.belongs(ridForm, r.key) {
				continue
			}
			w.item(ridForm, rid, c.name, "", r)
			continue
		case colDAG:
			if val != "" && st.belongs(ridForm, r.key) {
				w.item(ridForm, rid, c.name, val, r)
			}
			continue
		case colValue, colCheckbox, colComplete:
		default:
			continue
		}
		if val == "" || !st.belongs(c.form, r.key) {
			continue
		}
		if st.longitudinal() && !w.event {
			continue
		}
		field := c.field
		if c.kind == colComplete {
			field = c.name
		}
		if fl := st.sch.byName[c.field]; fl != nil && fl.Type == dictionary.TypeFile {
			if !w.files {
				continue
			}
			w.fileItem(c, field, r)
			continue
		}
		w.item(c.form, field, c.name, val, r)
	}
}

// openSubject opens the row's SubjectData (closing the one before) when the record changes, and
// its StudyEventData when the event changes.
func (w *clinicalWriter) openSubject(r flatRow) {
	st := w.st
	eventKey := r.key.event + "\x00" + itoa(w.eventRepeatKey(r))
	if !w.subject || r.rec.id != w.record {
		if w.subject {
			w.closeForm()
			if w.event {
				w.b.WriteString("\t\t</StudyEventData>\n")
			}
			w.b.WriteString("\t</SubjectData>\n")
		}
		w.b.WriteString("\t<SubjectData SubjectKey=\"" + odmAttr(r.rec.id) + "\" redcap:RecordIdField=\"" + odmAttr(st.sch.recordID) + "\">\n")
		w.subject, w.record, w.event, w.eventKey, w.formKey = true, r.rec.id, false, "", ""
	}
	if st.longitudinal() && (!w.event || eventKey != w.eventKey) {
		if w.event {
			w.closeForm()
			w.b.WriteString("\t\t</StudyEventData>\n")
		}
		w.b.WriteString("\t\t<StudyEventData StudyEventOID=\"Event." + odmAttr(r.key.event) + "\" StudyEventRepeatKey=\"" + itoa(w.eventRepeatKey(r)) + "\" redcap:UniqueEventName=\"" + odmAttr(r.key.event) + "\">\n")
		w.event, w.eventKey, w.formKey = true, eventKey, ""
	}
}

// eventRepeatKey is the instance of a repeating event, else 1.
func (w *clinicalWriter) eventRepeatKey(r flatRow) int {
	if w.st.repeatingEvent(r.key.event) && r.key.form == "" && r.key.inst > 0 {
		return r.key.inst
	}
	return 1
}

// closeForm closes the open item group and form.
func (w *clinicalWriter) closeForm() {
	if w.formOpen {
		if w.groupOpen {
			w.b.WriteString("\t\t\t\t</ItemGroupData>\n")
		}
		w.b.WriteString("\t\t\t</FormData>\n")
	}
	w.formOpen, w.groupOpen = false, false
}

// openItem opens what an item of the form and field needs: the FormData, the ItemGroupData.
func (w *clinicalWriter) openItem(form, field, name string, r flatRow) {
	repeat := 1
	if r.key.form != "" && r.key.inst > 0 {
		repeat = r.key.inst
	}
	key := form + "\x00" + itoa(repeat)
	newForm := w.formKey == "" || key != w.formKey
	if newForm {
		if key != w.formKeyOpen() {
			w.closeForm()
		}
		w.b.WriteString("\t\t\t<FormData FormOID=\"Form." + odmAttr(form) + "\" FormRepeatKey=\"" + itoa(repeat) + "\">\n")
		w.formKey, w.formOpen, w.groupOpen, w.field = key, true, false, ""
	}
	header := w.hasHeader(field)
	if newForm || field != w.field && (header || w.fieldHadHeader) {
		if w.groupOpen {
			w.b.WriteString("\t\t\t\t</ItemGroupData>\n")
		}
		oid := ""
		if w.starts[form+"."+name] {
			oid = form + "." + name
		}
		w.b.WriteString("\t\t\t\t<ItemGroupData ItemGroupOID=\"" + odmAttr(oid) + "\" ItemGroupRepeatKey=\"1\">\n")
		w.groupOpen = true
	}
	if field != w.field {
		w.field, w.fieldHadHeader = field, header
	}
}

// formKeyOpen is the key of the FormData still open (kept across rows for the closing rule).
func (w *clinicalWriter) formKeyOpen() string {
	if !w.formOpen {
		return ""
	}
	return w.lastKey
}

// hasHeader reports whether the field (or form status) has a section header.
func (w *clinicalWriter) hasHeader(field string) bool {
	if fl := w.st.sch.byName[field]; fl != nil {
		return fl.SectionHeader != ""
	}
	return strings.HasSuffix(field, "_complete")
}

// item writes one ItemData (val "" for the record ID: its own name).
func (w *clinicalWriter) item(form, field, name, val string, r flatRow) {
	if name == w.st.sch.recordID {
		val = r.rec.id
	}
	w.openItem(form, field, name, r)
	w.lastKey = w.formKey
	w.b.WriteString("\t\t\t\t\t<ItemData ItemOID=\"" + odmAttr(name) + "\" Value=\"" + odmAttr(val) + "\"/>\n")
}

// fileItem writes a file field's document in base64 with its name and type.
func (w *clinicalWriter) fileItem(c outColumn, field string, r flatRow) {
	v := r.rec.rows[r.key]
	if v == nil {
		return
	}
	f := w.st.fileOf(v.get(c.name))
	if f == nil {
		return
	}
	w.openItem(c.form, field, c.name, r)
	w.lastKey = w.formKey
	writeODMFile(w.b, c.name, f)
}

// writeODMFile writes a file's document as an ItemDataBase64Binary with its name and type.
func writeODMFile(b *strings.Builder, item string, f *upload) {
	ct := f.contentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	b.WriteString("\t\t\t\t\t<ItemDataBase64Binary ItemOID=\"" + odmAttr(item) + "\" redcap:DocName=\"" + odmAttr(f.name) + "\" redcap:MimeType=\"" + odmAttr(ct) + "\"><![CDATA[" + base64.StdEncoding.EncodeToString(f.data) + "]]></ItemDataBase64Binary>\n")
}
