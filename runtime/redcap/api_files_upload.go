package redcap

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"slices"
	"strings"
	"time"
)

// UploadOptions tune UploadFile.
type UploadOptions struct {
	// MaxSize refuses a file over this many bytes (0: no limit of the caller's). A file whose
	// size is known is refused before anything is sent; otherwise the bytes are counted as they
	// are sent and the upload is abandoned at the first byte over the limit. Either way the error
	// matches ErrFileTooLarge.
	MaxSize int64
	// Size is the file's size in bytes when the caller knows it and the reader cannot tell (a
	// reader with a Len method, such as *bytes.Reader, or an *os.File tells it); 0 means unknown
	// then. With a known size the request carries a Content-Length; else it is sent chunked.
	Size int64
}

// UploadFile sends the file read from body to the field of ref as name, replacing any file the
// field holds (REDCap stores a sanitised form of the name and detects the MIME type from the
// content). The multipart request is written through a pipe as it is sent, so the file is never
// held in memory whole. An upload is a write and is never retried. REDCap's refusals are
// *FileError values (errors.Is: ErrFileRefused, ErrFileTooLarge, ErrNotFileField,
// ErrNoSuchRecord, ErrInvalidEvent) wrapping the *APIError. body is not read after UploadFile
// returns.
func (c *Client) UploadFile(ctx context.Context, ref FileRef, name string, body io.Reader, opts UploadOptions) error {
	size, known := uploadSize(body, opts.Size)
	if known && opts.MaxSize > 0 && size > opts.MaxSize {
		return fileError("upload", ref, fmt.Errorf("%w: %d bytes, the limit is %d", ErrFileTooLarge, size, opts.MaxSize))
	}
	cl := call{content: "file", action: "import", params: ref.params()}
	if err := c.uploadOnce(ctx, cl, name, body, size, known, opts.MaxSize); err != nil {
		return fileError("upload", ref, err)
	}
	return nil
}

// uploadSize is the body's size when it can be known: given, from a Len method, or from an
// open file's size past its offset.
func uploadSize(body io.Reader, given int64) (int64, bool) {
	if given > 0 {
		return given, true
	}
	switch b := body.(type) {
	case interface{ Len() int }:
		return int64(b.Len()), true
	case *os.File:
		st, err := b.Stat()
		if err != nil || !st.Mode().IsRegular() {
			return 0, false
		}
		off, err := b.Seek(0, io.SeekCurrent)
		if err != nil {
			return 0, false
		}
		return max(st.Size()-off, 0), true
	}
	return 0, false
}

// uploadOnce sends the multipart request of the call, with the file read from body as part
// "file", and reads the answer.
func (c *Client) uploadOnce(ctx context.Context, cl call, name string, body io.Reader, size int64, known bool, maxSize int64) error {
	start := time.Now()
	head, tail, contentType, err := c.multipartFrame(cl, name)
	if err != nil {
		return fmt.Errorf("redcap: %s: build request: %w", cl.name(), err)
	}
	pr, pw := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		pw.CloseWithError(writeUpload(pw, head, tail, body, size, known, maxSize))
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.apiURL, pr)
	if err != nil {
		pr.Close()
		<-done
		return fmt.Errorf("redcap: %s: build request: %w", cl.name(), err)
	}
	if known {
		req.ContentLength = int64(len(head)) + size + int64(len(tail))
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.http.Do(req)
	pr.CloseWithError(errUploadEnded) // the transport is done with the body: stop the writer
	<-done
	if err != nil {
		c.logRequest(ctx, cl, 0, 0, 0, time.Since(start), err)
		if errors.Is(err, ErrFileTooLarge) {
			return fmt.Errorf("%w: over the limit of %d bytes (counted while sending)", ErrFileTooLarge, maxSize)
		}
		return fmt.Errorf("redcap: %s: %w", cl.name(), err)
	}
	defer resp.Body.Close()
	answer, rerr := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	c.logRequest(ctx, cl, 0, resp.StatusCode, len(answer), time.Since(start), rerr)
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		_, err := c.statusError(cl, resp, answer)
		return err
	}
	return nil
}

// errUploadEnded stops the body writer once the transport no longer reads the body.
var errUploadEnded = errors.New("redcap: upload request ended")

// multipartFrame renders the multipart body around the file's bytes: head holds the parameters
// (token, content, action and the file's address, each its own part) and the file part's header;
// tail closes the body.
func (c *Client) multipartFrame(cl call, name string) (head, tail []byte, contentType string, err error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fields := map[string]string{"token": c.token.text(), "content": cl.content, "action": cl.action}
	for k, vs := range cl.params {
		fields[k] = vs[0]
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if err := mw.WriteField(k, fields[k]); err != nil {
			return nil, nil, "", err
		}
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename="`+uploadName(name)+`"`)
	h.Set("Content-Type", "application/octet-stream")
	if _, err := mw.CreatePart(h); err != nil {
		return nil, nil, "", err
	}
	n := buf.Len()
	if err := mw.Close(); err != nil {
		return nil, nil, "", err
	}
	b := buf.Bytes()
	return b[:n:n], b[n:], mw.FormDataContentType(), nil
}

// uploadName is the file name as sent: quotes, backslashes and control characters, which
// REDCap would not keep and which multipart headers cannot carry unescaped, are left out.
func uploadName(name string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' || r == '\\' {
			return -1
		}
		return r
	}, name)
}

// writeUpload writes the body: head, the file (exactly size bytes when known, else every byte,
// counted against maxSize), tail.
func writeUpload(w io.Writer, head, tail []byte, body io.Reader, size int64, known bool, maxSize int64) error {
	if _, err := w.Write(head); err != nil {
		return err
	}
	if known {
		n, err := io.CopyN(w, body, size)
		if err != nil {
			return fmt.Errorf("the file ended after %d of %d bytes: %w", n, size, err)
		}
		var more [1]byte
		if _, err := io.ReadFull(body, more[:]); err == nil {
			return fmt.Errorf("the file is longer than its size of %d bytes", size)
		}
	} else {
		lw := &limitWriter{w: w, max: maxSize}
		if _, err := io.Copy(lw, body); err != nil {
			return err
		}
	}
	_, err := w.Write(tail)
	return err
}

// limitWriter passes bytes on until more than max (when > 0) have come.
type limitWriter struct {
	w   io.Writer
	n   int64
	max int64
}

// Write counts p and refuses it when it takes the total over max.
func (l *limitWriter) Write(p []byte) (int, error) {
	if l.max > 0 && l.n+int64(len(p)) > l.max {
		return 0, ErrFileTooLarge
	}
	n, err := l.w.Write(p)
	l.n += int64(n)
	return n, err
}
