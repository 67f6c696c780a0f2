package redcap

import (
	"io"
	"mime/multipart"
	"net/url"
	"slices"
)

// fileUpload is a file sent as the multipart part "file", read from r as the request is sent.
type fileUpload struct {
	name string
	r    io.Reader
}

// body returns the multipart/form-data body of form plus the file, and its Content-Type. The
// body is written by a goroutine as the transport reads it, so the file is never held whole;
// closing the body ends the goroutine.
func (u *fileUpload) body(form url.Values) (io.ReadCloser, string) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		pw.CloseWithError(u.write(mw, form)) // nil closes with io.EOF
	}()
	return pr, mw.FormDataContentType()
}

// write writes the form fields (sorted by name), then the file, then the closing boundary.
func (u *fileUpload) write(mw *multipart.Writer, form url.Values) error {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range form[k] {
			if err := mw.WriteField(k, v); err != nil {
				return err
			}
		}
	}
	fw, err := mw.CreateFormFile("file", u.name)
	if err != nil {
		return err
	}
	if _, err := io.Copy(fw, u.r); err != nil {
		return err
	}
	return mw.Close()
}
