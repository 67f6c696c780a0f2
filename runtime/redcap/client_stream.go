package redcap

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// postStream sends a read call and hands the body of a successful answer to consume as it
// arrives, without holding it. consume must start from nothing on every call: when reading the
// body fails (a dropped connection, a timeout), the whole call is sent again, as configured for
// retries, and consume runs again on the new answer. An error of consume's own (bad JSON, a bad
// row) is returned without a retry. A failure status gives an *APIError, retried like post does.
func (c *Client) postStream(ctx context.Context, cl call, consume func(io.Reader) error) error {
	for attempt := 0; ; attempt++ {
		retryable, err := c.onceStream(ctx, cl, attempt, consume)
		if err == nil {
			return nil
		}
		if !cl.read || !retryable || attempt >= c.retryMax || ctx.Err() != nil {
			return err
		}
		if werr := sleepCtx(ctx, backoff(c.retryBase, attempt)); werr != nil {
			return fmt.Errorf("%w (retry abandoned: %w)", err, werr)
		}
	}
}

// onceStream sends the call one time and streams a 2xx body through consume.
func (c *Client) onceStream(ctx context.Context, cl call, attempt int, consume func(io.Reader) error) (retryable bool, err error) {
	start := time.Now()
	resp, retryable, err := c.send(ctx, cl, attempt, start)
	if err != nil {
		return retryable, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		body, rerr := io.ReadAll(resp.Body)
		c.logRequest(ctx, cl, attempt, resp.StatusCode, len(body), time.Since(start), rerr)
		if rerr != nil {
			return isTransient(ctx, rerr), fmt.Errorf("redcap: %s: read answer (HTTP %d): %w", cl.name(), resp.StatusCode, rerr)
		}
		return c.statusError(cl, resp, body)
	}
	if cl.date != nil {
		*cl.date, _ = http.ParseTime(resp.Header.Get("Date")) // zero when absent or malformed
	}
	body := &trackedReader{r: resp.Body}
	err = consume(body)
	if err == nil && body.err == nil {
		// Drain what consume left (trailing space) so that a cut answer is still noticed.
		_, _ = io.Copy(io.Discard, body)
	}
	c.logRequest(ctx, cl, attempt, resp.StatusCode, int(body.n), time.Since(start), body.err)
	if body.err != nil {
		return isTransient(ctx, body.err), fmt.Errorf("redcap: %s: read answer (HTTP %d) after %d bytes: %w", cl.name(), resp.StatusCode, body.n, body.err)
	}
	return false, err
}

// trackedReader counts the bytes read and keeps the first read error other than io.EOF, so that
// a transport failure can be told apart from an error in the data.
type trackedReader struct {
	r   io.Reader
	n   int64
	err error
}

// Read reads from the underlying body.
func (t *trackedReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.n += int64(n)
	if err != nil && !errors.Is(err, io.EOF) && t.err == nil {
		t.err = err
	}
	return n, err
}
