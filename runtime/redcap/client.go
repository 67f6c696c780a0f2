package redcap

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client calls one REDCap project's API. It is safe for concurrent use. The token travels only
// in the POST body: never in a URL, a header, a log line or an error.
type Client struct {
	apiURL    string
	token     Token
	http      *http.Client
	log       *slog.Logger
	userAgent string
	retryMax  int
	retryBase time.Duration
	drift     *driftGuard // set by WithDriftCheck
	// redactValues keeps record values out of error texts (WithRedactedValues).
	redactValues bool
	// serverZone is the REDCap server's time zone (WithServerZone); nil when not set.
	serverZone *time.Location
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient makes the client send requests through hc (for proxies, TLS settings or
// timeouts). The client never follows redirects, whatever hc says: a redirected POST would carry
// the token to another address.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.http = hc
		}
	}
}

// WithLogger logs one line per HTTP request: content, action, batch, status, bytes and
// duration. It never logs the token or any record value.
func WithLogger(l *slog.Logger) Option {
	return func(c *Client) {
		if l != nil {
			c.log = l
		}
	}
}

// WithRedactedValues keeps record values out of the client's errors: refused values in an
// *APIError (ValueError.Value, Message, Body) and violations of Import's pre-flight validation
// read "[redacted]", so an error names record, field and rule only, and can be logged where
// protected health information must not go. By default errors show the values, so that a data
// manager can find and fix them. The client's own log lines never carry values either way.
func WithRedactedValues() Option {
	return func(c *Client) { c.redactValues = true }
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(c *Client) { c.userAgent = ua }
}

// WithRetry sets how often reads (exports, metadata) are retried after a 5xx, a timeout or a
// dropped connection (maxRetries, 0 disables), and the first wait (base, doubled each time, with
// jitter). Imports and deletes are never retried. The default is 3 retries from 500 ms.
func WithRetry(maxRetries int, base time.Duration) Option {
	return func(c *Client) {
		c.retryMax = max(maxRetries, 0)
		c.retryBase = base
	}
}

// Defaults of a new Client.
const (
	defaultRetryMax       = 3
	defaultRetryBase      = 500 * time.Millisecond
	defaultUserAgent      = "redcapgen-runtime"
	defaultHeaderTimeout  = 10 * time.Minute
	defaultConnectTimeout = 30 * time.Second
)

// NewClient returns a client for the REDCap API at apiURL, such as
// "https://redcap.example.edu/api/". It reads the token from ts once, now, so a missing or
// malformed token fails here. apiURL must use https, except on a loopback host (127.0.0.0/8,
// ::1, localhost) where http is allowed for tests; it must carry no user info, query or
// fragment. A path ending in "/api" gets its trailing slash; an empty path becomes "/api/".
func NewClient(apiURL string, ts TokenSource, opts ...Option) (*Client, error) {
	norm, err := normalizeAPIURL(apiURL)
	if err != nil {
		return nil, err
	}
	if ts == nil {
		return nil, errors.New("redcap: NewClient: no token source (use TokenFromEnv or TokenFromFile)")
	}
	tok, err := ts()
	if err != nil {
		return nil, fmt.Errorf("redcap: NewClient: %w", err)
	}
	if tok.IsZero() {
		return nil, errors.New("redcap: NewClient: the token source returned an empty token")
	}
	c := &Client{
		apiURL:    norm,
		token:     tok,
		http:      defaultHTTPClient(),
		log:       slog.New(slog.DiscardHandler),
		userAgent: defaultUserAgent,
		retryMax:  defaultRetryMax,
		retryBase: defaultRetryBase,
	}
	for _, o := range opts {
		o(c)
	}
	noRedirects := *c.http
	noRedirects.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.http = &noRedirects
	return c, nil
}

// URL returns the API URL the client posts to.
func (c *Client) URL() string { return c.apiURL }

// normalizeAPIURL checks the scheme and host and fixes the path's trailing slash. Its errors
// never repeat a query string or user info.
func normalizeAPIURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", errors.New("redcap: NewClient: the API URL does not parse")
	}
	if u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return "", errors.New("redcap: NewClient: the API URL must not carry user info, a query or a fragment (the token goes in the request body)")
	}
	if u.Host == "" {
		return "", fmt.Errorf("redcap: NewClient: the API URL %q has no host", u.Redacted())
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !isLoopbackHost(u.Hostname()) {
			return "", fmt.Errorf("redcap: NewClient: %s uses http: use https (http is allowed only on a loopback host)", u.Redacted())
		}
	default:
		return "", fmt.Errorf("redcap: NewClient: %s: scheme %q, want https", u.Redacted(), u.Scheme)
	}
	switch {
	case u.Path == "" || u.Path == "/":
		u.Path = "/api/"
	case strings.HasSuffix(u.Path, "/api"):
		u.Path += "/"
	}
	return u.String(), nil
}

// isLoopbackHost reports whether host is localhost or a loopback IP address.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// defaultHTTPClient bounds connection set-up and the wait for response headers; the body of a
// large export may take as long as it needs (bound it with the context).
func defaultHTTPClient() *http.Client {
	dialer := &net.Dialer{Timeout: defaultConnectTimeout, KeepAlive: 30 * time.Second}
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          10,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   defaultConnectTimeout,
		ResponseHeaderTimeout: defaultHeaderTimeout,
	}
	return &http.Client{Transport: tr}
}
