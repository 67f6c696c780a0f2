package redcaptest

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/redcapgen/redcapgen/dictionary"
)

// REDCap's answers to content=file.
const (
	msgFileBadAction    = `The value of the parameter "action" is not valid`
	msgFileNoUpload     = "No valid file was uploaded"
	msgFileNotPermitted = "ERROR: The file cannot be uploaded because its file type is not permitted."
	msgFileUploadFailed = "There was a problem with the uploaded file"
	msgFileNoDownload   = "There is no file to download for this record"
	msgFileNoDelete     = "There is no file to delete for this record"
	msgFileBadEvent     = "invalid event"
)

// fileMethod answers content=file: import (a multipart upload), export (download, or with
// fileinfo its size and name) and delete of the file in one file field of one record. The event
// and repeat_instance parameters select the row (fileRow).
func (st *state) fileMethod(p params) answer {
	ef := p.errorFormat()
	action := p.get("action")
	switch action {
	case "import", "export", "delete":
	default:
		return errorAnswer(http.StatusBadRequest, ef, msgFileBadAction)
	}
	field, id := p.get("field"), p.get("record")
	if fl := st.sch.byName[field]; fl == nil || fl.Type != dictionary.TypeFile {
		return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The field '%s' does not exist or is not a 'file' field", field))
	}
	rec := st.records[id]
	if rec == nil {
		switch action {
		case "import":
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The record '%s' does not exist. It must exist to upload a file", id))
		case "delete":
			return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The record '%s' does not exist", id))
		}
		return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The record %q does not exist", id))
	}
	k, ok := st.fileRow(p, field)
	if !ok {
		return errorAnswer(http.StatusBadRequest, ef, msgFileBadEvent)
	}
	switch action {
	case "import":
		return st.uploadFile(p, rec, k, field)
	case "delete":
		return st.deleteFile(p, rec, k, field)
	}
	return st.downloadFile(p, rec, k, field)
}

// fileRow is the row a file call addresses. In a longitudinal project event must name an event
// (false otherwise); in a classic project it is ignored. repeat_instance counts only where the
// field's form repeats (or its event does); there a missing, non-numeric or non-positive
// instance means 1.
func (st *state) fileRow(p params, field string) (rowKey, bool) {
	var k rowKey
	if st.longitudinal() {
		k.event = p.get("event")
		if _, ok := st.event(k.event); !ok {
			return rowKey{}, false
		}
	}
	form := st.sch.formOf[field]
	repeatingForm := st.repeatingForm(k.event, form)
	if !repeatingForm && !st.repeatingEvent(k.event) {
		return k, true
	}
	k.inst = 1
	if n, err := strconv.Atoi(p.get("repeat_instance")); err == nil && n > 0 {
		k.inst = n
	}
	if repeatingForm {
		k.form = form
	}
	return k, true
}

// uploadFile stores the uploaded file in the row, replacing any file there. The record must
// exist, but not necessarily in the row's event or instance: the row is created.
func (st *state) uploadFile(p params, rec *record, k rowKey, field string) answer {
	ef := p.errorFormat()
	f := p.file
	switch {
	case f == nil && p.fileElsewhere:
		return errorAnswer(http.StatusBadRequest, ef, msgFileNotPermitted)
	case f == nil:
		return errorAnswer(http.StatusBadRequest, ef, msgFileNoUpload)
	case int64(len(f.data)) > st.fileRules.uploadMax:
		return errorAnswer(http.StatusBadRequest, ef, msgFileUploadFailed)
	case st.fileRules.forbiddenName(f.name):
		return errorAnswer(http.StatusBadRequest, ef, msgFileNotPermitted)
	case st.fileRules.overLimit(len(f.data)):
		return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The uploaded file exceeded the maximum file size limit of %d MB for File Upload fields.", st.fileRules.limitMB))
	}
	stored := &upload{name: storedFileName(f.name), contentType: detectMIME(f.data), data: f.data}
	row := rec.row(k, true)
	delete(st.files, docID(row.get(field))) // the file it replaces
	id := st.nextDocID
	st.nextDocID++
	st.files[id] = stored
	row.set(field, itoa(id))
	idKey := rowKey{event: k.event}
	if k.form == "" {
		idKey.inst = k.inst
	}
	rec.row(idKey, true).set(st.sch.recordID, rec.id)
	return answer{status: http.StatusOK, format: ef}
}

// deleteFile removes the row's file; the row's other values stay.
func (st *state) deleteFile(p params, rec *record, k rowKey, field string) answer {
	ef := p.errorFormat()
	row := rec.rows[k]
	doc := row.get(field)
	if doc == "" {
		return errorAnswer(http.StatusBadRequest, ef, msgFileNoDelete)
	}
	delete(st.files, docID(doc))
	row.set(field, "")
	if len(row.vals) == 0 {
		delete(rec.rows, k)
	}
	return answer{status: http.StatusOK, format: ef}
}

// downloadFile answers the row's file: its bytes with the MIME type and stored name in the
// Content-Type (REDCap sends no Content-Disposition), or with fileinfo its size and name as JSON.
// A record without data in the event does not exist for a download.
func (st *state) downloadFile(p params, rec *record, k rowKey, field string) answer {
	ef := p.errorFormat()
	if !hasEvent(rec, k.event) {
		return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The record %q does not exist", rec.id))
	}
	f := st.files[docID(rec.rows[k].get(field))]
	if f == nil {
		return errorAnswer(http.StatusBadRequest, ef, msgFileNoDownload)
	}
	if v := p.get("fileinfo"); v != "" && v != "0" {
		return okAnswer("json", `{"size":`+itoa(len(f.data))+`,"name":`+phpJSONASCII(f.name)+`}`)
	}
	return answer{status: http.StatusOK, contentType: downloadContentType(f.contentType, f.name), body: string(f.data)}
}

// hasEvent reports whether the record has data in the event ("" in a classic project: always).
func hasEvent(rec *record, event string) bool {
	for k := range rec.rows {
		if k.event == event {
			return true
		}
	}
	return false
}

// docID reads a stored document id (0, which no file has, when it is none).
func docID(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// fileOf returns the stored file of a document id, or nil.
func (st *state) fileOf(doc string) *upload { return st.files[docID(doc)] }

// fileName is what a flat export shows for a file field: the stored file name (the document id
// when the file is unknown).
func (st *state) fileName(doc string) string {
	if f := st.fileOf(doc); f != nil {
		return f.name
	}
	return doc
}
