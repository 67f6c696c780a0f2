package redcaptest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/redcapgen/redcapgen/dictionary"
)

// Server is a fake REDCap API server holding one project.
type Server struct {
	token string
	http  *httptest.Server

	mu       sync.Mutex
	cfg      config
	st       *state
	requests []Request
	imports  int
}

// Request is one API call the server received: what was asked, never the token.
type Request struct {
	Method  string // HTTP method
	Content string // the content parameter ("record", "metadata", ...)
	Action  string // the action parameter ("" when not sent)
	Format  string // the format parameter ("" when not sent)
}

// NewServer starts a fake REDCap server on a loopback port for the project p (which it copies).
// Close it when done.
func NewServer(p *dictionary.Project, opts ...Option) *Server {
	s := newServer(p, opts...)
	s.http = httptest.NewServer(s.Handler())
	return s
}

// NewUnstartedServer returns a server that has no listener: use Handler to serve it yourself
// (cmd/redcapfake does).
func NewUnstartedServer(p *dictionary.Project, opts ...Option) *Server {
	return newServer(p, opts...)
}

func newServer(p *dictionary.Project, opts ...Option) *Server {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	tok := strings.ToUpper(cfg.token)
	if tok == "" {
		var err error
		if tok, err = NewToken(); err != nil {
			// crypto/rand does not fail on supported platforms; a guessable token would be unsafe.
			panic(fmt.Sprintf("redcaptest: %v", err))
		}
	}
	return &Server{token: tok, cfg: cfg, st: newState(p, &cfg)}
}

// NewToken returns a new random project token: 32 upper-case hexadecimal characters.
func NewToken() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("no randomness for a token: %w", err)
	}
	return strings.ToUpper(hex.EncodeToString(b[:])), nil
}

// URL returns the API URL, ending in "/api/". Empty for an unstarted server.
func (s *Server) URL() string {
	if s.http == nil {
		return ""
	}
	return s.http.URL + "/api/"
}

// Token returns the project API token the server accepts.
func (s *Server) Token() string { return s.token }

// Close shuts the server down.
func (s *Server) Close() {
	if s.http != nil {
		s.http.Close()
	}
}

// Requests returns the calls received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Records returns a snapshot of the stored data as flat rows (every column of a full raw flat
// export, values as REDCap would export them), in REDCap's order.
func (s *Server) Records() []map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	rows := s.st.flatRows(exportSpec{all: true})
	out := make([]map[string]string, len(rows))
	for i, r := range rows {
		m := make(map[string]string, len(r.cols))
		for j, c := range r.cols {
			m[c] = r.vals[j]
		}
		out[i] = m
	}
	return out
}

// Load stores flat rows (as an import in "normal" mode without validation errors would), for
// preloading data. It returns REDCap's error text when a row is refused; nothing is stored then.
func (s *Server) Load(rows []map[string]string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.st.importRows(rows, importOptions{overwrite: false, dateFormat: ""})
	if err != nil {
		return fmt.Errorf("redcaptest: load: %s", err.msg)
	}
	return nil
}

// LoadJSON stores the rows of a flat JSON export (an array of objects) like Load.
func (s *Server) LoadJSON(data []byte) error {
	rows, perr := parseJSONRows(string(data))
	if perr != nil {
		return fmt.Errorf("redcaptest: load: %s", perr.msg)
	}
	return s.Load(rows)
}
