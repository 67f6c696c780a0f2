package redcaptest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/url"
)

// parseMultipart reads a multipart/form-data body as PHP does: parts without a file name are
// parameters, the part named "file" with a file name is the upload, and a file in a part of
// any other name is noted (REDCap refuses it). It fails on a body that is no multipart body of
// the boundary contentType names, or is cut short.
func parseMultipart(contentType string, body []byte) (params, error) {
	_, mp, err := mime.ParseMediaType(contentType)
	if err != nil {
		return params{}, fmt.Errorf("multipart content type: %w", err)
	}
	boundary := mp["boundary"]
	if boundary == "" {
		return params{}, errors.New("multipart content type without a boundary")
	}
	p := params{v: url.Values{}}
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		part, err := r.NextPart()
		if errors.Is(err, io.EOF) {
			return p, nil
		}
		if err != nil {
			return params{}, fmt.Errorf("multipart part: %w", err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return params{}, fmt.Errorf("multipart part %q: %w", part.FormName(), err)
		}
		switch name, file := part.FormName(), part.FileName(); {
		case name == "":
		case file == "":
			p.v.Add(name, string(data))
		case name == "file" && p.file == nil:
			p.file = &upload{name: file, contentType: part.Header.Get("Content-Type"), data: data}
		case name != "file":
			p.fileElsewhere = true
		}
	}
}
