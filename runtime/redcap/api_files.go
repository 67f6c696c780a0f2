package redcap

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"time"
)

// FileRef names the file of one file upload or signature field: record, field, and where the
// field's form is in the record.
type FileRef struct {
	// Record is the record ID.
	Record string
	// Field is the REDCap name of the file field.
	Field string
	// Event is the unique event name; REDCap requires it in a longitudinal project and ignores
	// it in a classic one.
	Event string
	// Instance is the repeat instance where the field's form or event repeats (0 or 1: the first);
	// REDCap ignores it elsewhere.
	Instance int
}

// FileInfo describes a stored file.
type FileInfo struct {
	// Name is the name REDCap stored the file under (its sanitised form of the uploaded name).
	Name string
	// ContentType is the MIME type REDCap detected from the file's content ("application/pdf",
	// "text/plain"), without parameters; "" from StatFile, which REDCap does not tell.
	ContentType string
	// Size is the file's size in bytes.
	Size int64
}

// params are the parameters that address the file.
func (r FileRef) params() url.Values {
	p := url.Values{"returnFormat": {"json"}, "record": {r.Record}, "field": {r.Field}}
	if r.Event != "" {
		p.Set("event", r.Event)
	}
	if r.Instance > 0 {
		p.Set("repeat_instance", strconv.Itoa(r.Instance))
	}
	return p
}

// DownloadFile copies the file of ref into w as it arrives (never held whole in memory) and
// returns its stored name, MIME type and size, which REDCap sends in its Content-Type header.
// A download is a read: it is retried as configured, but only while nothing has been written
// to w; a connection lost mid-file returns an error after the bytes written so far. REDCap's
// refusals are *FileError values (errors.Is: ErrNoFile, ErrNotFileField, ErrNoSuchRecord,
// ErrInvalidEvent) wrapping the *APIError.
func (c *Client) DownloadFile(ctx context.Context, ref FileRef, w io.Writer) (FileInfo, error) {
	info, err := c.download(ctx, call{content: "file", action: "export", params: ref.params(), read: true}, w)
	if err != nil {
		return info, fileError("download", ref, err)
	}
	return info, nil
}

// download sends a file download, copying the body into w, and retries it as configured while
// nothing has been written to w.
func (c *Client) download(ctx context.Context, cl call, w io.Writer) (FileInfo, error) {
	for attempt := 0; ; attempt++ {
		info, written, retryable, err := c.downloadOnce(ctx, cl, attempt, w)
		if err == nil {
			return info, nil
		}
		if written > 0 || !retryable || attempt >= c.retryMax || ctx.Err() != nil {
			return info, err
		}
		if werr := sleepCtx(ctx, backoff(c.retryBase, attempt)); werr != nil {
			return info, fmt.Errorf("%w (retry abandoned: %w)", err, werr)
		}
	}
}

// downloadOnce sends the download once and copies a 2xx body into w.
func (c *Client) downloadOnce(ctx context.Context, cl call, attempt int, w io.Writer) (info FileInfo, written int64, retryable bool, err error) {
	start := time.Now()
	resp, retryable, err := c.send(ctx, cl, attempt, start)
	if err != nil {
		return FileInfo{}, 0, retryable, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		body, rerr := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		c.logRequest(ctx, cl, attempt, resp.StatusCode, len(body), time.Since(start), rerr)
		if rerr != nil {
			return FileInfo{}, 0, isTransient(ctx, rerr), fmt.Errorf("redcap: %s: read answer (HTTP %d): %w", cl.name(), resp.StatusCode, rerr)
		}
		retryable, err = c.statusError(cl, resp, body)
		return FileInfo{}, 0, retryable, err
	}
	info.ContentType, info.Name = ParseFileContentType(resp.Header.Get("Content-Type"))
	if info.Name == "" {
		info.Name = dispositionName(resp.Header.Get("Content-Disposition"))
	}
	body := &trackedReader{r: resp.Body}
	written, werr := io.Copy(w, body)
	info.Size = written
	c.logRequest(ctx, cl, attempt, resp.StatusCode, int(body.n), time.Since(start), body.err)
	switch {
	case body.err != nil:
		return info, written, isTransient(ctx, body.err), fmt.Errorf("redcap: %s: read file (HTTP %d) after %d bytes: %w", cl.name(), resp.StatusCode, body.n, body.err)
	case werr != nil:
		return info, written, false, fmt.Errorf("redcap: %s: write file after %d bytes: %w", cl.name(), written, werr)
	}
	return info, written, false, nil
}

// maxErrorBody caps what is read of an error answer (REDCap's are short; a crash page is a few
// kilobytes).
const maxErrorBody = 1 << 20

// StatFile returns the stored name and size of the file of ref without downloading it (REDCap's
// fileinfo parameter of the file export). ContentType is left empty: REDCap does not tell it
// there. Errors are as for DownloadFile.
func (c *Client) StatFile(ctx context.Context, ref FileRef) (FileInfo, error) {
	p := ref.params()
	p.Set("fileinfo", "1")
	body, err := c.post(ctx, call{content: "file", action: "export", params: p, read: true})
	if err != nil {
		return FileInfo{}, fileError("stat", ref, err)
	}
	var info struct {
		Size int64  `json:"size"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal(body, &info); err != nil {
		return FileInfo{}, fileError("stat", ref, fmt.Errorf("redcap: content=file fileinfo: %w", err))
	}
	return FileInfo{Name: info.Name, Size: info.Size}, nil
}

// DeleteFile removes the file of ref; the record's other values stay. A delete is a write and
// is never retried. Deleting where there is no file is an error matching ErrNoFile.
func (c *Client) DeleteFile(ctx context.Context, ref FileRef) error {
	if _, err := c.post(ctx, call{content: "file", action: "delete", params: ref.params()}); err != nil {
		return fileError("delete", ref, err)
	}
	return nil
}
