package redcaptest

import (
	"fmt"
	"net/http"
	"strings"
)

// repoImport answers action=import: the multipart part "file" goes into folder_id (the top level
// when it is blank or not a number). The answer is empty. A name already used in the folder gets
// " (1)", " (2)"... before its extension.
func (st *state) repoImport(p params) answer {
	ef := p.errorFormat()
	if p.file == nil {
		return errorAnswer(http.StatusBadRequest, ef, "No valid file was uploaded")
	}
	folder, bad := st.repoFolderParam(p)
	if bad != nil {
		return *bad
	}
	if int64(len(p.file.data)) > st.fileRules.uploadMax {
		return errorAnswer(http.StatusBadRequest, ef, msgFileUploadFailed)
	}
	name := storedFileName(p.file.name)
	if !st.repoUploadAllowed(name) {
		return errorAnswer(http.StatusBadRequest, ef, "ERROR: The file cannot be uploaded.")
	}
	repo := st.fileRepository()
	name = repo.freeName(folder, name)
	id := st.nextDocID
	st.nextDocID++
	repo.docs[id] = &repoDoc{id: id, folder: folder, name: name, data: p.file.data}
	return answer{status: http.StatusOK, format: ef}
}

// freeName returns name, or name with " (n)" before its extension when a listed file of the
// folder already has it (compared without regard to case).
func (r *fileRepo) freeName(folder int, name string) string {
	taken := map[string]bool{}
	for _, d := range r.docs {
		if d.folder == folder && !d.deleted {
			taken[strings.ToLower(d.name)] = true
		}
	}
	base, ext := name, ""
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		base, ext = name[:i], name[i:]
	}
	for n := 1; taken[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s (%d)%s", base, n, ext)
	}
	return name
}

// repoExport answers action=export: the file's bytes, with the type REDCap detects from the
// content and the stored name in the Content-Type (no Content-Disposition). A deleted file is
// still exported, as REDCap does.
func (st *state) repoExport(p params) answer {
	d, bad := st.docParam(p)
	if bad != nil {
		return *bad
	}
	return answer{status: http.StatusOK, contentType: downloadContentType(detectMIME(d.data), d.name), body: string(d.data)}
}

// repoDelete answers action=delete: the file leaves the listing; the answer is empty. Deleting it
// again succeeds again.
func (st *state) repoDelete(p params) answer {
	d, bad := st.docParam(p)
	if bad != nil {
		return *bad
	}
	d.deleted = true
	return answer{status: http.StatusOK, format: p.errorFormat()}
}
