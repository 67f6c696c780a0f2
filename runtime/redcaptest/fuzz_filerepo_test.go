package redcaptest

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"
)

// repoRequest sends a multipart body to the server's handler and returns the answer.
func repoRequest(s *Server, contentType string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/api/", bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

// multipartUpload builds a fileRepository call with a file part.
func multipartUpload(tok, action, folderID, name string, content []byte) (string, []byte) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, kv := range [][2]string{{"token", tok}, {"content", "fileRepository"}, {"action", action}, {"format", "json"}, {"folder_id", folderID}} {
		_ = mw.WriteField(kv[0], kv[1])
	}
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write(content)
	_ = mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

// FuzzFileRepositoryMultipart sends arbitrary multipart bodies to content=fileRepository: the
// fake must answer with a status, never panic, and a body it cannot read has no token.
func FuzzFileRepositoryMultipart(f *testing.F) {
	s := NewUnstartedServer(demoProject(f))
	ct, body := multipartUpload(s.Token(), "import", "", "notes.txt", []byte("hello"))
	f.Add(ct, body)
	f.Add("multipart/form-data; boundary=X", []byte("--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc\r\n--X--\r\n"))
	f.Add("multipart/form-data", []byte("--\r\n"))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		rec := repoRequest(s, contentType, body)
		if rec.Code < 200 || rec.Code > 599 {
			t.Fatalf("status %d", rec.Code)
		}
	})
}

// FuzzFileRepositoryUpload uploads any file name and content into any folder_id: an upload that
// succeeds lists one more file under a name that is valid UTF-8 and keeps its extension, and
// exports the same bytes; one that fails lists nothing new.
func FuzzFileRepositoryUpload(f *testing.F) {
	for _, seed := range []struct{ folder, name, content string }{
		{"", "notes.txt", "hello"}, {"abc", "Zoë's résumé – 日本語.txt", ""}, {"1", "README", "x"},
		{"999", "x.txt", "x"}, {"", "script.PHP", "<?php"}, {"", "a.b.c", "\x00\x01\x02"},
	} {
		f.Add(seed.folder, seed.name, []byte(seed.content))
	}
	p := demoProject(f)
	f.Fuzz(func(t *testing.T, folderID, name string, content []byte) {
		s := NewUnstartedServer(p)
		s.st.fileRepository().folders[1] = &repoFolder{id: 1, name: "F"}
		ct, body := multipartUpload(s.Token(), "import", folderID, name, content)
		rec := repoRequest(s, ct, body)
		docs := s.st.fileRepository().docs
		switch {
		case rec.Code == http.StatusOK && len(docs) != 1:
			t.Fatalf("upload answered 200 but %d files are stored", len(docs))
		case rec.Code != http.StatusOK && len(docs) != 0:
			t.Fatalf("upload answered %d %s but a file is stored", rec.Code, rec.Body)
		case rec.Code != http.StatusOK:
			return
		}
		for _, d := range docs {
			if !utf8.ValidString(d.name) || !s.st.repoUploadAllowed(d.name) {
				t.Errorf("stored name %q", d.name)
			}
			a := s.st.repoExport(params{v: map[string][]string{"doc_id": {itoa(d.id)}}})
			if a.status != http.StatusOK || a.body != string(content) {
				t.Errorf("export: %d, %d bytes; want the %d bytes uploaded", a.status, len(a.body), len(content))
			}
		}
	})
}

// FuzzFolderName creates a folder of any name in any parent: a created folder's stored name
// holds no character REDCap removes, at most 150 characters, and creating it again is refused
// as a duplicate.
func FuzzFolderName(f *testing.F) {
	for _, seed := range []string{"Adm: <b>bold</b> / slash * star ? \"q\" é", strings.Repeat("L", 160), "", "a|b\\c", "ÆØÅ – “x”"} {
		f.Add(seed, "")
		f.Add(seed, "1")
	}
	p := demoProject(f)
	f.Fuzz(func(t *testing.T, name, parent string) {
		s := NewUnstartedServer(p)
		s.st.fileRepository().folders[1] = &repoFolder{id: 1, name: "F"}
		s.st.repo.nextFolderID = 2
		pv := params{v: map[string][]string{"format": {"json"}, "name": {name}, "folder_id": {parent}}}
		a := s.st.repoCreateFolder(pv)
		if a.status != http.StatusOK {
			if len(s.st.repo.folders) != 1 {
				t.Fatalf("refused (%s) but a folder was created", a.body)
			}
			return
		}
		f := s.st.repo.folders[2]
		if f == nil {
			t.Fatalf("answered %s but folder 2 does not exist", a.body)
		}
		if strings.ContainsAny(f.name, `\/:*?"<>|`) || utf8.RuneCountInString(f.name) > maxFolderName || folderName(f.name) != f.name {
			t.Errorf("stored name %q of %q", f.name, name)
		}
		if again := s.st.repoCreateFolder(pv); again.status != http.StatusBadRequest {
			t.Errorf("the same name again: %d %s, want the duplicate error", again.status, again.body)
		}
	})
}
