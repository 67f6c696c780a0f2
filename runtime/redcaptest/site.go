package redcaptest

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/redcapgen/redcapgen/dictionary"
)

// Site is a REDCap installation with many projects behind one API URL, for clients whose tests
// create their own projects: each project token reaches its own Server, and the site's super
// token creates projects (content=project with data, from a project XML sent as odm or empty),
// answering with the new project's token as REDCap does. A super token on any other method, and
// a token no project has, get REDCap's 403.
type Site struct {
	super string
	opts  []Option

	mu       sync.Mutex
	projects map[string]*Server // by upper-case token
	nextID   int                // the project ID the next created project gets
}

// NewSite returns a site whose super token is superToken (64 hexadecimal characters); opts apply
// to every project it creates (WithClock, WithUploadLimit, ...; a token or project info given
// there is replaced by each project's own).
func NewSite(superToken string, opts ...Option) (*Site, error) {
	if _, err := hex.DecodeString(superToken); len(superToken) != 64 || err != nil {
		return nil, fmt.Errorf("redcaptest: a super token is 64 hexadecimal characters (got %d characters)", len(superToken))
	}
	return &Site{super: strings.ToUpper(superToken), opts: opts, projects: map[string]*Server{}, nextID: 1}, nil
}

// NewSuperToken returns a new random super token: 64 upper-case hexadecimal characters.
func NewSuperToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("no randomness for a super token: %w", err)
	}
	return strings.ToUpper(hex.EncodeToString(b[:])), nil
}

// Add serves an existing project (made with NewUnstartedServer) on the site under its token.
// Projects created later get IDs above its project ID.
func (si *Site) Add(s *Server) {
	si.mu.Lock()
	defer si.mu.Unlock()
	si.projects[s.token] = s
	s.mu.Lock()
	id := s.st.projectID
	s.mu.Unlock()
	if id >= si.nextID {
		si.nextID = id + 1
	}
}

// Project returns the project a token reaches (case-insensitively), or nil.
func (si *Site) Project(token string) *Server {
	si.mu.Lock()
	defer si.mu.Unlock()
	return si.projects[strings.ToUpper(token)]
}

// Handler returns the site's http.Handler: it routes each request by its token.
func (si *Site) Handler() http.Handler { return http.HandlerFunc(si.serveHTTP) }

func (si *Site) serveHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeAnswer(w, errorAnswer(http.StatusRequestEntityTooLarge, "xml", "redcaptest: request body unreadable or too large"))
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if r.Method != http.MethodPost {
		writeAnswer(w, errorAnswer(http.StatusNotImplemented, "xml", "The requested method is not implemented."))
		return
	}
	p := parseParams(r, body)
	tok := p.get("token")
	if len(tok) == len(si.super) && subtle.ConstantTimeCompare([]byte(strings.ToUpper(tok)), []byte(si.super)) == 1 {
		writeAnswer(w, si.superCall(p))
		return
	}
	if s := si.Project(tok); s != nil && len(tok) == len(s.token) {
		s.serveBody(w, r, body)
		return
	}
	writeAnswer(w, errorAnswer(http.StatusForbidden, p.errorFormat(), msgNoAPIPermission))
}

// superCall answers a request made with the super token: only project creation is a super-token
// method.
func (si *Site) superCall(p params) answer {
	if p.get("content") != "project" || !p.has("data") {
		return errorAnswer(http.StatusForbidden, p.errorFormat(), msgNoAPIPermission)
	}
	return si.createProject(p)
}

// createProject makes a project from the settings in data (project_title and purpose required,
// purpose_other when purpose is 1) and, when odm is sent, from that project XML, records
// included; without odm the project has REDCap's first instrument, my_first_instrument with
// record_id. The answer is the new project's token, in the request's format.
func (si *Site) createProject(p params) answer {
	ef := p.errorFormat()
	settings, aerr := settingsOf(p)
	if aerr != nil {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	if msg := creationProblem(settings); msg != "" {
		return errorAnswer(http.StatusBadRequest, ef, msg)
	}
	odm := p.get("odm")
	var proj *dictionary.Project
	var records []clinicalValue // the project XML's ClinicalData
	var opts []Option
	if odm == "" {
		var err error
		if proj, err = newProjectDesign(); err != nil {
			return errorAnswer(http.StatusInternalServerError, ef, "redcaptest: "+err.Error())
		}
	} else {
		var err error
		if proj, err = dictionary.ReadProjectXML("odm", []byte(odm)); err == nil {
			records, err = readClinicalData(odm)
		}
		if err != nil {
			return errorAnswer(http.StatusBadRequest, ef, "The project XML file (odm) could not be read: "+err.Error())
		}
		opts = append(opts, WithProjectXML([]byte(odm)))
	}
	tok, err := NewToken()
	if err != nil {
		return errorAnswer(http.StatusInternalServerError, ef, "redcaptest: "+err.Error())
	}
	si.mu.Lock()
	id := si.nextID
	si.nextID++
	si.mu.Unlock()
	opts = append(append(append([]Option(nil), si.opts...), opts...), WithToken(tok), WithProjectInfo(settings["project_title"], id))
	s := NewUnstartedServer(proj, opts...)
	s.mu.Lock()
	s.st.keepSettings(settings)
	if settings["is_longitudinal"] == "1" && odm == "" {
		s.st.makeLongitudinal()
	}
	s.mu.Unlock()
	if msg := s.loadCreated(records); msg != "" {
		return errorAnswer(http.StatusBadRequest, ef, "The records of the project XML file (odm) could not be imported: "+msg)
	}
	si.mu.Lock()
	si.projects[tok] = s
	si.mu.Unlock()
	return answer{status: http.StatusOK, format: p.dataFormat(), body: tok}
}

// creationProblem checks the settings of a new project as REDCap does: a title, and a purpose
// from 0 (practice) to 4 (operational support), with purpose_other for 1 (other).
func creationProblem(settings map[string]string) string {
	if strings.TrimSpace(settings["project_title"]) == "" {
		return "The project_title attribute is missing"
	}
	purpose, err := strconv.Atoi(settings["purpose"])
	if err != nil || purpose < 0 || purpose > 4 {
		return "The purpose attribute must be an integer between 0 and 4"
	}
	if purpose == 1 && strings.TrimSpace(settings["purpose_other"]) == "" {
		return "The purpose_other attribute is required when purpose is 1 (Other)"
	}
	return ""
}

// newProjectCSV is the dictionary of a project REDCap creates without a project XML: its first
// instrument with the record ID field.
const newProjectCSV = "field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation\n" +
	"record_id,my_first_instrument,,text,Record ID,,,,,,,,,,,,,\n"

// newProjectDesign is the design of a project REDCap creates without a project XML.
func newProjectDesign() (*dictionary.Project, error) {
	p, err := dictionary.Read("new project.csv", []byte(newProjectCSV))
	if err != nil {
		return nil, fmt.Errorf("the new project's dictionary: %w", err)
	}
	p.Forms[0].Label = "My First Instrument"
	p.Lacks = 0
	return p, nil
}

// loadCreated stores the records of a new project's project XML as REDCap does when it creates
// the project: the values as written, except calculated fields, which it neither stores nor
// computes (they stay blank until the record is saved). It returns REDCap's error text, or "".
func (s *Server) loadCreated(items []clinicalValue) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	rows := s.st.clinicalRows(items)
	if len(rows) == 0 {
		return ""
	}
	calcs := s.st.computedFields()
	for _, row := range rows {
		for col := range row {
			if isComputed(calcs, s.st.fieldOfColumn(col)) {
				delete(row, col)
			}
		}
	}
	if _, aerr := s.st.importParsed(s.st.parsedFromMaps(rows), importOptions{noCalcs: true}); aerr != nil {
		return aerr.msg
	}
	return ""
}
