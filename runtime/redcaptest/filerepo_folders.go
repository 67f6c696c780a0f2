package redcaptest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// repoCreateFolder answers action=createFolder: name, optional folder_id (the parent), dag_id,
// role_id and admin_only. It answers the new folder's id.
func (st *state) repoCreateFolder(p params) answer {
	ef := p.errorFormat()
	repo := st.fileRepository()
	sent := p.get("name")
	if sent == "" {
		return errorAnswer(http.StatusBadRequest, ef, "new folder 'name' not provided")
	}
	parent := 0
	if raw := p.get("folder_id"); raw != "" {
		id, err := strconv.Atoi(raw)
		if err != nil || id < 0 {
			return errorAnswer(http.StatusBadRequest, ef, "folder_id is not valid")
		}
		if f := repo.folders[id]; id != 0 && (f == nil || !st.mayUseFolder(f)) {
			return errorAnswer(http.StatusBadRequest, ef, unknownFolderMessage(raw))
		}
		parent = id
	}
	name := folderName(sent)
	for _, f := range repo.folders {
		if f.parent == parent && strings.EqualFold(f.name, name) {
			return errorAnswer(http.StatusBadRequest, ef, `ERROR: The folder name "`+sent+`" could not be created because a folder with that same name already exists in this directory. You should create a new folder with a different name instead.`)
		}
	}
	f := &repoFolder{id: repo.nextFolderID, parent: parent, name: name, adminOnly: p.flag("admin_only")}
	repo.nextFolderID++
	// Unknown groups and roles are ignored: the folder is then not restricted.
	if id, err := strconv.Atoi(p.get("dag_id")); err == nil {
		if i := slices.IndexFunc(st.proj.DAGs, func(d dictionary.DAG) bool { return d.ID == id }); i >= 0 {
			f.dag = st.proj.DAGs[i].UniqueName
		}
	}
	if id, err := strconv.Atoi(p.get("role_id")); err == nil && id > 0 {
		f.roleID = id
	}
	repo.folders[f.id] = f
	format := p.dataFormat()
	switch format {
	case "json":
		return okAnswer(format, `[{"folder_id":`+itoa(f.id)+`}]`)
	case "csv":
		return okAnswer(format, "folder_id\n"+itoa(f.id))
	}
	return okAnswer(format, "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<items>\n<item><folder_id>"+itoa(f.id)+"</folder_id></item>\n</items>\n")
}

// repoEntry is one line of a folder listing: a sub-folder or a file.
type repoEntry struct {
	folderID, docID int
	name            string
}

// repoList answers action=list: the sub-folders of folder_id (the top level when it is blank or
// not a number), then its files, each sorted by name without regard to case.
func (st *state) repoList(p params) answer {
	folder, bad := st.repoFolderParam(p)
	if bad != nil {
		return *bad
	}
	repo := st.fileRepository()
	var folders, files []repoEntry
	for _, f := range repo.folders {
		if f.parent == folder && st.mayUseFolder(f) {
			folders = append(folders, repoEntry{folderID: f.id, name: f.name})
		}
	}
	for _, d := range repo.docs {
		if d.folder == folder && !d.deleted {
			files = append(files, repoEntry{docID: d.id, name: d.name})
		}
	}
	byName := func(a, b repoEntry) int {
		if c := strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)); c != 0 {
			return c
		}
		return (a.folderID + a.docID) - (b.folderID + b.docID)
	}
	slices.SortFunc(folders, byName)
	slices.SortFunc(files, byName)
	format := p.dataFormat()
	return okAnswer(format, renderRepoList(format, append(folders, files...)))
}

// renderRepoList writes a listing as REDCap does: JSON objects with folder_id or doc_id, CSV
// with both columns (no header at all for an empty list), XML items.
func renderRepoList(format string, entries []repoEntry) string {
	var b strings.Builder
	switch format {
	case "json":
		b.WriteByte('[')
		for i, e := range entries {
			if i > 0 {
				b.WriteByte(',')
			}
			if e.folderID != 0 {
				b.WriteString(`{"folder_id":` + itoa(e.folderID))
			} else {
				b.WriteString(`{"doc_id":` + itoa(e.docID))
			}
			b.WriteString(`,"name":` + phpJSONString(e.name) + `}`)
		}
		b.WriteByte(']')
	case "csv":
		if len(entries) == 0 {
			return ""
		}
		b.WriteString("folder_id,doc_id,name")
		for _, e := range entries {
			b.WriteByte('\n')
			if e.folderID != 0 {
				b.WriteString(itoa(e.folderID) + ",,")
			} else {
				b.WriteString("," + itoa(e.docID) + ",")
			}
			b.WriteString(csvQuote(e.name, ','))
		}
	default:
		b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<items>\n")
		for _, e := range entries {
			if e.folderID != 0 {
				b.WriteString("<item><folder_id>" + itoa(e.folderID) + "</folder_id>")
			} else {
				b.WriteString("<item><doc_id>" + itoa(e.docID) + "</doc_id>")
			}
			b.WriteString("<name><![CDATA[" + strings.ReplaceAll(e.name, "]]>", "]]]]><![CDATA[>") + "]]></name></item>\n")
		}
		b.WriteString("</items>\n")
	}
	return b.String()
}
