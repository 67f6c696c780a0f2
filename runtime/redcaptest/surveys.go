package redcaptest

import (
	"crypto/rand"
	"math/big"
	"net/http"
	"slices"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// surveyState holds what REDCap makes for survey participants: per record, event, survey and
// instance a link hash, an access code and a return code, and per record a survey queue hash.
// Each is made at random the first time it is needed and then stays the same.
type surveyState struct {
	participants map[participantKey]*participant
	queues       map[string]string // record -> survey queue hash
	used         map[string]bool   // every hash and code handed out
}

// participantKey names one survey participant: record, event ("" in classic projects), survey
// form and repeat instance (1 unless the survey repeats).
type participantKey struct {
	record, event, form string
	inst                int
}

// participant is one participant's link hash and codes ("" until first asked for).
type participant struct {
	hash, accessCode, returnCode string
}

// The alphabets and lengths of REDCap's survey hashes and codes: hashes avoid l and O, codes use
// letters and digits that cannot be mistaken for one another.
const (
	hashLetters       = "abcdefghijkmnopqrstuvwxyzABCDEFGHIJKLMNPQRSTUVWXYZ23456789"
	codeLetters       = "34789ACDEFHJKLMNPRTWXY"
	surveyHashLen     = 16
	queueHashLen      = 10
	accessCodeLen     = 9
	returnCodeLen     = 8
	msgNoParticipants = `The API request cannot complete because currently you do not have "Manage Survey Participants" privileges, which are required for this operation.`
)

// WithSaveAndReturn turns Save & Return Later on for the survey forms (return codes), replacing
// what the Project says.
func WithSaveAndReturn(forms ...string) Option {
	return func(c *config) { c.saveAndReturn = append([]string{}, forms...) }
}

// WithSurveyQueue turns the project's survey queue on or off (survey queue links), replacing
// what the Project says.
func WithSurveyQueue(on bool) Option { return func(c *config) { c.surveyQueue = &on } }

// applySurveyOptions applies WithSaveAndReturn and WithSurveyQueue to the server's copy of the
// project.
func applySurveyOptions(p *dictionary.Project, cfg *config) {
	if cfg.saveAndReturn != nil {
		p.SaveAndReturnForms = cfg.saveAndReturn
	}
	if cfg.surveyQueue != nil {
		p.SurveyQueue = *cfg.surveyQueue
	}
}

// requestBaseURL is REDCap's base URL as the request reached it: scheme, host, and the path up
// to the API script's directory.
func requestBaseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	dir, _ := splitAPIPath(r.URL.Path)
	return scheme + "://" + r.Host + dir
}

// splitAPIPath splits a request path into REDCap's directory (up to the API script's directory,
// "/" when there is none) and the page below it ("api/"; the whole path without its leading
// slash when it names no API directory).
func splitAPIPath(path string) (dir, page string) {
	if i := strings.LastIndex(strings.ToLower(path), "/api/"); i >= 0 {
		return path[:i+1], path[i+1:]
	}
	return "/", strings.TrimPrefix(path, "/")
}

// surveyData returns the survey state, creating it on first use.
func (st *state) surveyData() *surveyState {
	if st.surveys == nil {
		st.surveys = &surveyState{participants: map[participantKey]*participant{}, queues: map[string]string{}, used: map[string]bool{}}
	}
	return st.surveys
}

// participant returns the participant of k, creating it on first use.
func (s *surveyState) participant(k participantKey) *participant {
	p := s.participants[k]
	if p == nil {
		p = &participant{}
		s.participants[k] = p
	}
	return p
}

// fresh returns a random text of n characters from letters that was never handed out before.
func (s *surveyState) fresh(letters string, n int) string {
	for {
		b := make([]byte, n)
		for i := range b {
			j, err := rand.Int(rand.Reader, big.NewInt(int64(len(letters))))
			if err != nil {
				// crypto/rand does not fail on supported platforms; a guessable code would be unsafe.
				panic("redcaptest: no randomness for a survey code: " + err.Error())
			}
			b[i] = letters[j.Int64()]
		}
		if c := string(b); !s.used[c] {
			s.used[c] = true
			return c
		}
	}
}

// once returns *code, filling it with a fresh code of n characters from letters on first use.
func (s *surveyState) once(code *string, letters string, n int) string {
	if *code == "" {
		*code = s.fresh(letters, n)
	}
	return *code
}

// surveyLink is the participant's survey link.
func (st *state) surveyLink(k participantKey) string {
	s := st.surveyData()
	return st.baseURL + "surveys/?s=" + s.once(&s.participant(k).hash, hashLetters, surveyHashLen)
}

// accessCode is the participant's survey access code.
func (st *state) accessCode(k participantKey) string {
	s := st.surveyData()
	return s.once(&s.participant(k).accessCode, codeLetters, accessCodeLen)
}

// returnCode is the participant's Save & Return Later code.
func (st *state) returnCode(k participantKey) string {
	s := st.surveyData()
	return s.once(&s.participant(k).returnCode, codeLetters, returnCodeLen)
}

// queueLink is the record's survey queue link.
func (st *state) queueLink(record string) string {
	s := st.surveyData()
	h := s.queues[record]
	s.queues[record] = s.once(&h, hashLetters, queueHashLen)
	return st.baseURL + "surveys/?sq=" + h
}

// isSurvey reports whether the form is survey-enabled.
func (st *state) isSurvey(form string) bool { return slices.Contains(st.surveyForms, form) }

// recordInArm reports whether the record has data in an event of the arm (always true in
// classic projects).
func (st *state) recordInArm(rec *record, arm int) bool {
	if !st.longitudinal() {
		return true
	}
	for k := range rec.rows {
		if e, ok := st.event(k.event); ok && e.Arm == arm {
			return true
		}
	}
	return false
}

// renameParticipants moves a renamed record's survey links and codes to its new name: they stay
// the same, as REDCap keeps them with the record.
func (st *state) renameParticipants(old, nw string) {
	if st.surveys == nil {
		return
	}
	for k, p := range st.surveys.participants {
		if k.record == old {
			delete(st.surveys.participants, k)
			k.record = nw
			st.surveys.participants[k] = p
		}
	}
	if h, ok := st.surveys.queues[old]; ok {
		delete(st.surveys.queues, old)
		st.surveys.queues[nw] = h
	}
}
