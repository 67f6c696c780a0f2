package redcap

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
)

// RepositoryEntry is one line of a File Repository listing: a folder (FolderID set) or a file
// (DocID set).
type RepositoryEntry struct {
	FolderID int    // the folder's id; 0 for a file
	DocID    int    // the file's document id; 0 for a folder
	Name     string // the name REDCap stored (accents and characters not allowed in file names removed)
}

// IsFolder reports whether the entry is a folder.
func (e RepositoryEntry) IsFolder() bool { return e.FolderID != 0 }

// UnmarshalJSON reads a listing entry, whose ids REDCap sends as JSON numbers.
func (e *RepositoryEntry) UnmarshalJSON(b []byte) error {
	var w struct {
		FolderID flexInt `json:"folder_id"`
		DocID    flexInt `json:"doc_id"`
		Name     string  `json:"name"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = RepositoryEntry{FolderID: int(w.FolderID), DocID: int(w.DocID), Name: w.Name}
	return nil
}

// FolderOptions are the optional settings of a new File Repository folder.
type FolderOptions struct {
	// ParentID is the folder to create it in (0: the top level).
	ParentID int
	// DAGID restricts the folder to a data access group (its data_access_group_id); RoleID to a
	// user role (REDCap's internal role id). REDCap ignores ids it does not know.
	DAGID, RoleID int
	// AdminOnly makes the folder visible to administrators only.
	AdminOnly bool
}

// ListFileRepository lists a File Repository folder (0: the top level): its sub-folders, then its
// files, each sorted by name as REDCap sorts them.
func (c *Client) ListFileRepository(ctx context.Context, folderID int) ([]RepositoryEntry, error) {
	p := jsonParams()
	if folderID != 0 {
		p.Set("folder_id", strconv.Itoa(folderID))
	}
	cl := call{content: "fileRepository", action: "list", params: p, read: true}
	body, err := c.post(ctx, cl)
	if err != nil {
		return nil, err
	}
	var entries []RepositoryEntry
	if err := c.decodeJSON(cl, body, &entries); err != nil {
		return nil, err
	}
	return entries, nil
}

// CreateRepositoryFolder creates a File Repository folder and returns its id. REDCap refuses a
// name already used in the same folder (compared without regard to case). A write: never
// retried.
func (c *Client) CreateRepositoryFolder(ctx context.Context, name string, o FolderOptions) (int, error) {
	p := jsonParams()
	p.Set("name", name)
	setID(p, "folder_id", o.ParentID)
	setID(p, "dag_id", o.DAGID)
	setID(p, "role_id", o.RoleID)
	if o.AdminOnly {
		p.Set("admin_only", "1")
	}
	cl := call{content: "fileRepository", action: "createFolder", params: p}
	body, err := c.post(ctx, cl)
	if err != nil {
		return 0, err
	}
	var created []struct {
		FolderID flexInt `json:"folder_id"`
	}
	if err := c.decodeJSON(cl, body, &created); err != nil {
		return 0, err
	}
	if len(created) != 1 || created[0].FolderID <= 0 {
		return 0, fmt.Errorf("redcap: %s: answer holds no folder id; first line: %q", cl.name(), c.snippet(body))
	}
	return int(created[0].FolderID), nil
}

// UploadRepositoryFile uploads a file into a File Repository folder (0: the top level), writing it
// from r as the request is sent (never held whole in memory). REDCap stores name cleaned of
// accents and characters it does not keep, adds " (1)" when the folder already has a file of
// that name, and refuses names without an extension and restricted file types. The answer does
// not tell the new document id: list the folder to find it. opts.MaxSize and opts.Size work as
// for UploadFile. A write: never retried.
func (c *Client) UploadRepositoryFile(ctx context.Context, folderID int, name string, r io.Reader, opts UploadOptions) error {
	size, known := uploadSize(r, opts.Size)
	if known && opts.MaxSize > 0 && size > opts.MaxSize {
		return fmt.Errorf("redcap: content=fileRepository action=import: %w: %d bytes, the limit is %d", ErrFileTooLarge, size, opts.MaxSize)
	}
	p := jsonParams()
	setID(p, "folder_id", folderID)
	cl := call{content: "fileRepository", action: "import", params: p}
	return c.uploadOnce(ctx, cl, name, r, size, known, opts.MaxSize)
}

// DownloadRepositoryFile copies a File Repository file into w as it arrives and returns its
// stored name, the MIME type REDCap detected and its size. REDCap still answers for a file
// deleted from the repository. A download is a read: it is retried as configured, but only while
// nothing has been written to w.
func (c *Client) DownloadRepositoryFile(ctx context.Context, docID int, w io.Writer) (FileInfo, error) {
	p := jsonParams()
	p.Set("doc_id", strconv.Itoa(docID))
	return c.download(ctx, call{content: "fileRepository", action: "export", params: p, read: true}, w)
}

// DeleteRepositoryFile removes a file from the File Repository listing. REDCap keeps the file's
// bytes (it can still be downloaded) and answers the same for a file deleted before. A write:
// never retried.
func (c *Client) DeleteRepositoryFile(ctx context.Context, docID int) error {
	p := jsonParams()
	p.Set("doc_id", strconv.Itoa(docID))
	_, err := c.post(ctx, call{content: "fileRepository", action: "delete", params: p})
	return err
}

// setID sets an id parameter when it is not 0.
func setID(p url.Values, name string, id int) {
	if id != 0 {
		p.Set(name, strconv.Itoa(id))
	}
}
