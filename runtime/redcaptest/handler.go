package redcaptest

import (
	"bytes"
	"crypto/subtle"
	"io"
	"net/http"
	"strings"
	"time"
)

// Handler returns the server's http.Handler. It answers on every path, like REDCap's API script
// answers on /api/ and on its version-specific path.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(s.serveHTTP)
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	// Read the whole body first: only then does net/http notice a client that goes away, which
	// ends the request's context.
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeAnswer(w, errorAnswer(http.StatusRequestEntityTooLarge, "xml", "redcaptest: request body unreadable or too large"))
		return
	}
	s.serveBody(w, r, body)
}

// serveBody answers a request whose body was read whole (also through a Site).
func (s *Server) serveBody(w http.ResponseWriter, r *http.Request, body []byte) {
	r.Body = io.NopCloser(bytes.NewReader(body))
	if s.cfg.latency > 0 {
		select {
		case <-time.After(s.cfg.latency):
		case <-r.Context().Done():
			return
		}
	}
	if s.cfg.dropConnection {
		dropConnection(w)
		return
	}
	if status, ok := s.takeFailure(); ok {
		writeAnswer(w, answer{status: status, format: "json", body: `{"error":"redcaptest: injected failure"}`})
		return
	}
	a := s.answer(r, body)
	s.setDateHeader(w)
	if a.stream != nil {
		// A streamed answer reads the state as it is written.
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.cfg.truncate {
			a = a.rendered() // truncation needs the whole body
		}
	}
	if s.cfg.truncate && a.status == http.StatusOK && len(a.body) > 1 {
		w.Header().Set("Content-Length", itoa(len(a.body)))
		a.body = a.body[:len(a.body)/2]
	}
	writeAnswer(w, a)
}

// dropConnection hijacks the connection and closes it without an answer.
func dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	conn.Close()
}

// FailNext makes the server's next n requests fail with the given status, like the option of the
// same name, from now on: for tests that break the server mid-conversation.
func (s *Server) FailNext(n, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cfg.failNext, s.cfg.failStatus = n, status
}

// SetProduction moves the project to production status (dictionary imports refused) or back to
// development.
func (s *Server) SetProduction(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.setProduction(on)
}

// SetRecordLimit changes the record limit (0: none), like WithRecordLimit.
func (s *Server) SetRecordLimit(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.recordLimit = n
}

// takeFailure consumes one injected failure, if any are left.
func (s *Server) takeFailure() (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cfg.failNext <= 0 {
		return 0, false
	}
	s.cfg.failNext--
	return s.cfg.failStatus, true
}

// answer handles one request: method, token, content, then the method itself.
func (s *Server) answer(r *http.Request, body []byte) answer {
	if r.Method != http.MethodPost {
		s.log(Request{Method: r.Method})
		return errorAnswer(http.StatusNotImplemented, "xml", "The requested method is not implemented.")
	}
	p := parseParams(r, body)
	s.log(Request{Method: r.Method, Content: p.get("content"), Action: p.get("action"), Format: p.get("format")})
	ef := p.errorFormat()
	if !s.tokenOK(p.get("token")) {
		return errorAnswer(http.StatusForbidden, ef, msgNoAPIPermission)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.baseURL = s.cfg.baseURL
	if s.st.baseURL == "" {
		s.st.baseURL = requestBaseURL(r)
	}
	s.st.logPageView(r)
	a := s.dispatch(p)
	s.st.logCall(p, a)
	return a
}

// tokenOK compares the token case-insensitively and in constant time.
func (s *Server) tokenOK(tok string) bool {
	if len(tok) != len(s.token) {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.ToUpper(tok)), []byte(s.token)) == 1
}

func (s *Server) log(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
}

const msgNoAPIPermission = "You do not have permissions to use the API"

// dispatch routes by content and action. The caller holds s.mu.
func (s *Server) dispatch(p params) answer {
	ef := p.errorFormat()
	action := p.get("action")
	if action == "" && p.has("data") {
		action = "import"
	}
	if a, ok := s.st.checkRights(p.get("content"), action, ef); !ok {
		return a
	}
	switch p.get("content") {
	case "version":
		return answer{status: http.StatusOK, format: "csv", body: "15.7.6"}
	case "project":
		if p.get("data") != "" {
			return errorAnswer(http.StatusForbidden, ef, msgCreateProject)
		}
		return s.st.projectInfo(p)
	case "project_settings":
		return s.st.importProjectSettings(p)
	case "metadata":
		if action == "import" {
			return s.st.importMetadata(p)
		}
		return s.st.exportMetadata(p)
	case "instrument":
		return s.st.exportInstruments(p)
	case "exportFieldNames":
		return s.st.exportFieldNames(p)
	case "arm":
		switch p.get("action") {
		case "import":
			return s.st.importArms(p)
		case "delete":
			return s.st.deleteArms(p)
		}
		return s.st.exportArms(p)
	case "event":
		switch p.get("action") {
		case "import":
			return s.st.importEvents(p)
		case "delete":
			return s.st.deleteEvents(p)
		}
		return s.st.exportEvents(p)
	case "formEventMapping":
		if action == "import" {
			return s.st.importMappings(p)
		}
		return s.st.exportMappings(p)
	case "repeatingFormsEvents":
		if action == "import" {
			return s.st.importRepeating(p)
		}
		return s.st.exportRepeating(p)
	case "dag":
		return s.st.dagMethod(p)
	case "user":
		return s.st.userMethod(p, action)
	case "userRole":
		return s.st.roleMethod(p, action)
	case "userRoleMapping":
		return s.st.roleMappingMethod(p, action)
	case "userDagMapping":
		return s.st.dagMappingMethod(p, action)
	case "record":
		return s.recordMethod(p)
	case "generateNextRecordName":
		return answer{status: http.StatusOK, format: p.dataFormat(), body: s.st.nextRecordName()}
	case "file":
		return s.st.fileMethod(p)
	case "fieldValidation":
		return fieldValidationAnswer(p)
	case "log":
		return s.st.exportLog(p)
	case "participantList":
		return s.st.exportParticipantList(p)
	case "surveyLink", "surveyAccessCode", "surveyReturnCode", "surveyQueueLink":
		return s.st.surveyMethod(p)
	case "fileRepository":
		return s.st.fileRepositoryMethod(p)
	case "report":
		return s.st.exportReport(p)
	case "project_xml":
		return s.st.exportProjectXML(p)
	case "pdf":
		return s.st.exportPDF(p)
	case "appRightsCheck":
		return appRightsCheck(p)
	}
	return errorAnswer(http.StatusBadRequest, ef, `The value of the parameter "content" is not valid`)
}

const msgCreateProject = "You do not have permissions to use the API 'Create Project' method. You must have been granted a 64-character Super API Token from a REDCap administrator in order to utilize this method."

// recordMethod handles content=record: import, delete, rename, else export (REDCap falls back to
// export for a bogus action).
func (s *Server) recordMethod(p params) answer {
	switch p.get("action") {
	case "delete":
		return s.st.deleteRecords(p)
	case "rename":
		return s.st.renameRecord(p)
	case "import":
		return s.importCall(p)
	case "":
		if p.has("data") {
			return s.importCall(p)
		}
	}
	return s.st.exportRecordsStreamed(p)
}

// importCall counts import calls for FailAtImport and runs the import.
func (s *Server) importCall(p params) answer {
	s.imports++
	if s.cfg.failAtImport > 0 && s.imports == s.cfg.failAtImport {
		return errorAnswer(http.StatusInternalServerError, p.errorFormat(), "redcaptest: injected import failure; nothing was saved")
	}
	return s.st.importRecords(p)
}
