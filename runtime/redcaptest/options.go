package redcaptest

import (
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
)

// Option configures a Server.
type Option func(*config)

// config is everything the options set.
type config struct {
	token          string
	missingCodes   []dictionary.MissingCode
	dags           []dictionary.DAG
	title          string
	projectID      int
	recordLimit    int
	surveyForms    []string
	saveAndReturn  []string
	surveyQueue    *bool
	latency        time.Duration
	failNext       int
	failStatus     int
	truncate       bool
	dropConnection bool
	failAtImport   int
	production     bool
	rights         Rights
	clock          func() time.Time
	uploadMax      int64 // PHP's upload_max_filesize; 0: the default
	fileLimitMB    int   // the project's File Upload field limit in MB; 0: none
	forbiddenExts  []string
	reports        []Report
	projectXML     xmlKept
	baseURL        string // the site's public base URL (REDCap's redcap_base_url); "": the request's
}

// WithToken sets the API token the server accepts (32 hexadecimal characters; matched
// case-insensitively like REDCap). Without it the server generates a random one.
func WithToken(tok string) Option { return func(c *config) { c.token = tok } }

// WithMissingCodes sets the project's missing-data codes (they are project settings in REDCap,
// not part of the dictionary), replacing those of the Project.
func WithMissingCodes(codes ...dictionary.MissingCode) Option {
	return func(c *config) { c.missingCodes = append([]dictionary.MissingCode(nil), codes...) }
}

// WithDAGs sets the project's data access groups, replacing those of the Project. Groups without
// an ID get one.
func WithDAGs(dags ...dictionary.DAG) Option {
	return func(c *config) { c.dags = append([]dictionary.DAG(nil), dags...) }
}

// WithProjectInfo sets the project title and project_id that content=project reports.
func WithProjectInfo(title string, id int) Option {
	return func(c *config) { c.title, c.projectID = title, id }
}

// WithSurveyForms marks forms as survey-enabled (their <form>_timestamp columns appear with
// exportSurveyFields=true).
func WithSurveyForms(forms ...string) Option {
	return func(c *config) { c.surveyForms = append([]string(nil), forms...) }
}

// WithRecordLimit caps the number of records, like REDCap's development record limit: an import
// that would create more records is refused with REDCap's message.
func WithRecordLimit(n int) Option { return func(c *config) { c.recordLimit = n } }

// WithProduction puts the project in production status: dictionary imports are refused and
// project info says in_production 1.
func WithProduction() Option { return func(c *config) { c.production = true } }

// WithLatency delays every answer by d (or until the request's context ends).
func WithLatency(d time.Duration) Option { return func(c *config) { c.latency = d } }

// FailNext makes the next n requests fail with the given HTTP status and a JSON error body,
// before anything is read or stored.
func FailNext(n, status int) Option {
	return func(c *config) { c.failNext, c.failStatus = n, status }
}

// WithTruncatedBodies cuts every successful answer in half (the Content-Length announces the full
// size), as a proxy that drops the connection mid-body would.
func WithTruncatedBodies() Option { return func(c *config) { c.truncate = true } }

// DropConnection makes the server hijack and close every connection without answering.
func DropConnection() Option { return func(c *config) { c.dropConnection = true } }

// FailAtImport makes the n-th record import call (1-based) fail with status 500 after saving
// nothing.
func FailAtImport(n int) Option { return func(c *config) { c.failAtImport = n } }

// WithClock pins the server's clock: what 'today' and 'now' mean in calculations and filterLogic,
// the time of log entries (content=log, dateRangeBegin/End) and the Date header. Tests that
// compare computed dates or ages use it to get the same answer every day; a clock the test moves
// makes the log's times its own.
func WithClock(now func() time.Time) Option { return func(c *config) { c.clock = now } }

// WithBaseURL sets the site's public base URL, as REDCap's own base URL setting does (for example
// "https://redcap.example.edu/"; a missing final slash is added): survey links and the log's page
// views start with it. Without it they start with the scheme, host and path the request reached.
func WithBaseURL(u string) Option {
	if u != "" && !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return func(c *config) { c.baseURL = u }
}
