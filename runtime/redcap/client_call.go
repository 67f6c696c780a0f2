package redcap

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// call is one API request: what it asks for and whether it may be retried.
type call struct {
	content string
	action  string     // "" leaves REDCap's default (export)
	params  url.Values // everything but token, content and action
	batch   int        // batch number for the log (0: not batched)
	read    bool       // a read: retried on 5xx, timeouts and dropped connections
	// data, when not nil, is the data parameter, escaped into the body straight from these bytes
	// (imports: no string copy of a large payload).
	data []byte
	// body, when set, is storage the body is built in, reused from call to call.
	body *bodyBuffer
	// date, when set, receives the server's time of a successful answer (its Date header).
	date *time.Time
}

// post sends the call and returns the body of a successful answer. A failure status gives an
// *APIError; reads are retried as configured (see postStream); ctx bounds everything, the waits
// included.
func (c *Client) post(ctx context.Context, cl call) ([]byte, error) {
	var body []byte
	err := c.postStream(ctx, cl, func(r io.Reader) error {
		var err error
		body, err = io.ReadAll(r)
		return err
	})
	if err != nil {
		return nil, err
	}
	return body, nil
}

// count sends a write and reads REDCap's answer, a bare count.
func (c *Client) count(ctx context.Context, cl call) (int, error) {
	body, err := c.post(ctx, cl)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(body)))
	if err != nil {
		return 0, fmt.Errorf("redcap: %s: answer is not a count; first line: %q", cl.name(), c.snippet(body))
	}
	return n, nil
}

// send builds and sends the request of the call; the caller closes the answer's body. A
// transport failure is logged here; retryable says whether a read may try again after it.
func (c *Client) send(ctx context.Context, cl call, attempt int, start time.Time) (*http.Response, bool, error) {
	form := url.Values{}
	for k, vs := range cl.params {
		form[k] = vs
	}
	form.Set("token", c.token.text())
	form.Set("content", cl.content)
	if cl.action != "" {
		form.Set("action", cl.action)
	}
	var req *http.Request
	var err error
	if cl.data == nil && cl.body == nil {
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, c.apiURL, strings.NewReader(form.Encode()))
	} else {
		b := cl.body.encode(form, cl.data)
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, c.apiURL, cl.body.reader(b))
		if req != nil {
			req.ContentLength = int64(len(b))
		}
	}
	if err != nil {
		return nil, false, fmt.Errorf("redcap: %s: build request: %w", cl.name(), err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.http.Do(req)
	if err != nil {
		c.logRequest(ctx, cl, attempt, 0, 0, time.Since(start), err)
		return nil, isTransient(ctx, err), fmt.Errorf("redcap: %s: %w", cl.name(), err)
	}
	return resp, false, nil
}

// statusError is the error of an answer whose status is not 2xx, and whether a read may try
// again after it.
func (c *Client) statusError(cl call, resp *http.Response, body []byte) (bool, error) {
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		e := &APIError{Status: resp.StatusCode, Content: cl.content, Action: cl.action}
		e.Message = "the server redirects the API call; use the final address as the API URL"
		if loc, perr := url.Parse(resp.Header.Get("Location")); perr == nil && loc.Host != "" {
			e.Message += " (" + loc.Scheme + "://" + loc.Host + loc.Path + ")"
		}
		return false, e
	}
	e := newAPIError(resp.StatusCode, cl.content, cl.action, body, c.token)
	if c.redactValues {
		e.redactValues()
	}
	retry := resp.StatusCode == http.StatusTooManyRequests ||
		resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented
	return retry, e
}

// name describes the call in errors: "content=record action=import".
func (cl call) name() string {
	if cl.action == "" {
		return "content=" + cl.content
	}
	return "content=" + cl.content + " action=" + cl.action
}

// logRequest writes the one log line of a request: never the token, never a value.
func (c *Client) logRequest(ctx context.Context, cl call, attempt, status, n int, d time.Duration, err error) {
	level := slog.LevelInfo
	attrs := make([]slog.Attr, 0, 8)
	attrs = append(attrs, slog.String("content", cl.content), slog.String("action", cl.action))
	if cl.batch > 0 {
		attrs = append(attrs, slog.Int("batch", cl.batch))
	}
	if attempt > 0 {
		attrs = append(attrs, slog.Int("attempt", attempt+1))
	}
	attrs = append(attrs, slog.Int("status", status), slog.Int("bytes", n), slog.Duration("duration", d))
	if err != nil || status >= 400 {
		level = slog.LevelWarn
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	c.log.LogAttrs(ctx, level, "redcap request", attrs...)
}

// isTransient reports whether a transport error is worth retrying: a timeout or a dropped or
// refused connection, but not the caller's own cancellation.
func isTransient(ctx context.Context, err error) bool {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, context.DeadlineExceeded)
}

// maxBackoff caps one wait between retries.
const maxBackoff = time.Minute

// backoff is base·2^attempt, at most maxBackoff, with jitter in [½, 1] of it.
func backoff(base time.Duration, attempt int) time.Duration {
	if base <= 0 {
		return 0
	}
	d := min(base<<min(attempt, 16), maxBackoff)
	if d <= 0 { // overflow
		d = maxBackoff
	}
	half := d / 2
	return half + rand.N(half+1)
}

// sleepCtx waits d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// addList adds an array parameter as REDCap's indexed keys: name[0], name[1], ...
func addList(v url.Values, name string, items []string) {
	for i, s := range items {
		v.Set(name+"["+strconv.Itoa(i)+"]", s)
	}
}

// itoa formats an int in decimal.
func itoa(n int) string { return strconv.Itoa(n) }
