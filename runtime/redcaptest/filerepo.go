package redcaptest

import (
	"net/http"
	"strconv"
	"strings"
)

// fileRepo is the project's File Repository: folders and the files uploaded into them.
type fileRepo struct {
	folders      map[int]*repoFolder
	nextFolderID int
	docs         map[int]*repoDoc
}

// repoFolder is one folder; parent 0 is the top level.
type repoFolder struct {
	id, parent int
	name       string
	dag        string // unique name of the DAG the folder is restricted to ("" for none)
	roleID     int    // role the folder is restricted to (0 for none)
	adminOnly  bool
}

// repoDoc is one uploaded file. A deleted file leaves the listing but keeps its bytes: REDCap
// still exports it by doc_id.
type repoDoc struct {
	id, folder int
	name       string
	data       []byte
	deleted    bool
}

const (
	msgNoFileRepoRight = `The API request cannot complete because currently you do not have "File Repository" rights, which are required for this operation.`
	msgBadRepoAction   = `The value of the parameter "action" is not valid`
	msgBadDocID        = "Invalid doc_id or missing doc_id"
)

// fileRepository returns the repository, creating it on first use.
func (st *state) fileRepository() *fileRepo {
	if st.repo == nil {
		st.repo = &fileRepo{folders: map[int]*repoFolder{}, nextFolderID: 1, docs: map[int]*repoDoc{}}
	}
	return st.repo
}

// fileRepositoryMethod answers content=fileRepository: createFolder, list, import, export and
// delete, each action spelled in lower case as REDCap requires.
func (st *state) fileRepositoryMethod(p params) answer {
	ef := p.errorFormat()
	if st.tokenRights().NoFileRepository {
		return errorAnswer(http.StatusForbidden, ef, msgNoFileRepoRight)
	}
	switch p.get("action") {
	case "createFolder":
		return st.repoCreateFolder(p)
	case "list":
		return st.repoList(p)
	case "import":
		return st.repoImport(p)
	case "export":
		return st.repoExport(p)
	case "delete":
		return st.repoDelete(p)
	}
	return errorAnswer(http.StatusBadRequest, ef, msgBadRepoAction)
}

// repoFolderParam reads folder_id as the list and import actions do: blank or not a number means
// the top level (0); a number must name a folder the user may see.
func (st *state) repoFolderParam(p params) (int, *answer) {
	raw := p.get("folder_id")
	id, err := strconv.Atoi(raw)
	if err != nil || id == 0 {
		return 0, nil
	}
	if f := st.fileRepository().folders[id]; f != nil && st.mayUseFolder(f) {
		return id, nil
	}
	a := errorAnswer(http.StatusBadRequest, p.errorFormat(), unknownFolderMessage(raw))
	return 0, &a
}

// unknownFolderMessage is REDCap's error for a folder that does not exist or is hidden.
func unknownFolderMessage(id string) string {
	return "The File Repository folder folder_id=" + id + " does not exist or else you do not have permission to that folder because it is DAG-restricted or Role-restricted."
}

// mayUseFolder reports whether the token's user sees the folder: a user in a DAG does not see
// folders restricted to another DAG (the fake's user is in no role and sees admin-only folders,
// as the site administrator does).
func (st *state) mayUseFolder(f *repoFolder) bool {
	return st.rights.DAG == "" || f.dag == "" || f.dag == st.rights.DAG
}

// docParam reads doc_id: a known document, deleted or not.
func (st *state) docParam(p params) (*repoDoc, *answer) {
	id, err := strconv.Atoi(strings.TrimSpace(p.get("doc_id")))
	if d := st.fileRepository().docs[id]; err == nil && d != nil {
		return d, nil
	}
	a := errorAnswer(http.StatusBadRequest, p.errorFormat(), msgBadDocID)
	return nil, &a
}
