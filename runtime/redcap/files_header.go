package redcap

import (
	"mime"
	"strings"
)

// ParseFileContentType reads the Content-Type REDCap sends with a downloaded file: the MIME type,
// then the stored file name as `name="<name>"`, written raw (UTF-8, nothing escaped), and for
// text types PHP's ";charset=UTF-8" after it:
//
//	application/pdf; name="Zoe's consent final (v2) - 日本語.pdf"
//	text/plain; name="notes v2.txt";charset=UTF-8
//
// It returns the MIME type without parameters and the name ("" when the header has none). As the
// name is not escaped, it runs from the opening quote to the last quote of the header; a header
// in standard MIME syntax (a quoted-string with escapes, or RFC 2231 encoding) is read as such.
func ParseFileContentType(header string) (mediaType, name string) {
	head, params, _ := strings.Cut(header, ";")
	mediaType = strings.ToLower(strings.TrimSpace(head))
	const key = `name="`
	rest := strings.TrimLeft(params, " \t")
	if strings.HasPrefix(rest, key) {
		if end := strings.LastIndexByte(rest, '"'); end >= len(key) {
			return mediaType, rest[len(key):end]
		}
	}
	if _, mp, err := mime.ParseMediaType(header); err == nil {
		return mediaType, mp["name"]
	}
	return mediaType, ""
}

// dispositionName reads the file name of a Content-Disposition header ("" when none). REDCap
// sends none; a proxy or a later version might.
func dispositionName(header string) string {
	if header == "" {
		return ""
	}
	if _, mp, err := mime.ParseMediaType(header); err == nil {
		return mp["filename"]
	}
	return ""
}
