package redcaptest

import (
	"net/http"
	"path"
	"slices"
	"strings"
)

// defaultUploadMax is PHP's default upload_max_filesize ("2M"), the server limit REDCap answers
// "There was a problem with the uploaded file" above.
const defaultUploadMax = 2 << 20

// defaultForbiddenExtensions are the file types the fake refuses by default: executables and
// scripts (server-side PHP included), like the restricted list of a REDCap site.
var defaultForbiddenExtensions = []string{
	"php", "php3", "php4", "php5", "php7", "phtml", "phar", "ade", "adp", "apk", "appx", "bat", "cab", "chm", "cmd", "com", "cpl", "dll", "dmg", "exe",
	"hta", "ins", "isp", "iso", "jar", "jse", "lib", "lnk", "mde", "msc", "msi", "msp", "mst",
	"nsh", "pif", "ps1", "scr", "sct", "shb", "sys", "vb", "vbe", "vbs", "vxd", "wsc", "wsf", "wsh",
}

// fileRules are what an upload is checked against.
type fileRules struct {
	uploadMax int64    // bytes; the web server's limit
	limitMB   int      // the project's File Upload field limit in MB (0: none)
	forbidden []string // lower-case extensions without the dot
}

func newFileRules(cfg *config) fileRules {
	r := fileRules{uploadMax: cfg.uploadMax, limitMB: cfg.fileLimitMB, forbidden: cfg.forbiddenExts}
	if r.uploadMax <= 0 {
		r.uploadMax = defaultUploadMax
	}
	if r.forbidden == nil {
		r.forbidden = defaultForbiddenExtensions
	}
	return r
}

// WithUploadLimit sets the largest file the web server accepts, in bytes (PHP's
// upload_max_filesize; 2 MiB by default). A larger upload is refused with "There was a problem
// with the uploaded file". Requests are also capped at 64 MiB whole.
func WithUploadLimit(bytes int64) Option { return func(c *config) { c.uploadMax = bytes } }

// WithFileFieldLimit sets the project's own size limit for File Upload fields in MB (0: none): a
// larger upload is refused with REDCap's "exceeded the maximum file size limit" message.
func WithFileFieldLimit(mb int) Option { return func(c *config) { c.fileLimitMB = mb } }

// WithForbiddenExtensions replaces the file types whose upload is refused ("exe", without the
// dot; matched case-insensitively). The default is a list of executables and scripts.
func WithForbiddenExtensions(exts ...string) Option {
	return func(c *config) {
		c.forbiddenExts = make([]string, 0, len(exts))
		for _, e := range exts {
			c.forbiddenExts = append(c.forbiddenExts, strings.ToLower(strings.TrimPrefix(e, ".")))
		}
	}
}

// SetFileFieldLimit changes the project's File Upload field limit in MB (0: none) from now on, as
// an administrator does in the Control Center.
func (s *Server) SetFileFieldLimit(mb int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.fileRules.limitMB = mb
}

// forbiddenName reports whether the file's extension is on the restricted list.
func (r fileRules) forbiddenName(name string) bool {
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
	return ext != "" && slices.Contains(r.forbidden, ext)
}

// overLimit reports whether a file of n bytes exceeds the project's File Upload field limit.
func (r fileRules) overLimit(n int) bool {
	return r.limitMB > 0 && int64(n) > int64(r.limitMB)<<20
}

// detectMIME names a file's type from its content, as REDCap does on download (it ignores the
// type the upload declared): "application/x-empty" for a zero-byte file, else the type content
// sniffing finds, without parameters ("text/plain", "application/pdf", "image/png"), or a Targa
// image for what libmagic takes for one (looksLikeTGA).
func detectMIME(data []byte) string {
	if len(data) == 0 {
		return "application/x-empty"
	}
	if looksLikeTGA(data) {
		return "image/x-tga"
	}
	ct := http.DetectContentType(data)
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.TrimSpace(ct)
}

// downloadContentType is the Content-Type of a download: the MIME type and the stored name in
// double quotes, raw UTF-8, nothing escaped; PHP adds ";charset=UTF-8" to text types.
func downloadContentType(mime, name string) string {
	ct := mime + `; name="` + name + `"`
	if strings.HasPrefix(mime, "text/") {
		ct += ";charset=UTF-8"
	}
	return ct
}
