package redcaptest

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/generator/dictionary"
)

// fileMethod answers content=file: import (multipart upload), export and delete of the file in
// one file field of one record (event and repeat_instance select the row).
func (st *state) fileMethod(p params) answer {
	ef := p.errorFormat()
	field := p.get("field")
	fl := st.sch.byName[field]
	if fl == nil || fl.Type != dictionary.TypeFile {
		return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The field '%s' does not exist or is not a 'file' field", field))
	}
	k := rowKey{event: p.get("event")}
	if st.longitudinal() && k.event == "" {
		k.event = st.proj.Events[0].UniqueName
	}
	if n, err := strconv.Atoi(p.get("repeat_instance")); err == nil && n > 0 {
		k.inst = n
		if st.repeatingForm(k.event, st.sch.formOf[field]) {
			k.form = st.sch.formOf[field]
		}
	}
	rec := st.records[p.get("record")]
	switch p.get("action") {
	case "import":
		if p.file == nil {
			return errorAnswer(http.StatusBadRequest, ef, "No valid file was uploaded")
		}
		if rec == nil {
			rec = newRecord(p.get("record"))
			st.records[rec.id] = rec
			rec.row(rowKey{event: k.event}, true).set(st.sch.recordID, rec.id)
		}
		id := st.nextDocID
		st.nextDocID++
		st.files[id] = p.file
		rec.row(k, true).set(field, itoa(id))
		return answer{status: http.StatusOK, format: ef}
	case "delete":
		if rec == nil || rec.rows[k].get(field) == "" {
			return errorAnswer(http.StatusBadRequest, ef, "There is no file to delete for this record")
		}
		rec.rows[k].set(field, "")
		return answer{status: http.StatusOK, format: ef}
	}
	if rec == nil || rec.rows[k].get(field) == "" {
		return errorAnswer(http.StatusBadRequest, ef, "There is no file to download for this record")
	}
	f := st.fileOf(rec.rows[k].get(field))
	if f == nil {
		return errorAnswer(http.StatusBadRequest, ef, "There is no file to download for this record")
	}
	ct := f.contentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	ct += `; name="` + f.name + `"`
	if strings.HasPrefix(ct, "text/") {
		ct += ";charset=UTF-8"
	}
	return answer{status: http.StatusOK, contentType: ct, body: string(f.data)}
}

// fileOf returns the stored file of a document id, or nil.
func (st *state) fileOf(docID string) *upload {
	n, err := strconv.Atoi(docID)
	if err != nil {
		return nil
	}
	return st.files[n]
}

// fileName is what a flat export shows for a file field: the file name (the document id when the
// file is unknown).
func (st *state) fileName(docID string) string {
	if f := st.fileOf(docID); f != nil {
		return f.name
	}
	return docID
}
