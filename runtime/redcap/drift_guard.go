package redcap

import (
	"context"
	"errors"
	"sync"
)

// WithDriftCheck makes the client compare the live dictionary with a generated package's schema
// (CheckDrift) once per schema, before its first typed export or import. A project whose
// dictionary changed since generation then fails with a *DriftError instead of exporting or
// importing through types that no longer fit.
func WithDriftCheck() Option {
	return func(c *Client) { c.drift = &driftGuard{checked: map[string]error{}} }
}

// driftGuard remembers the outcome of the drift check per schema fingerprint.
type driftGuard struct {
	mu      sync.Mutex
	checked map[string]error
}

// checkDriftOnce runs CheckDrift for s the first time it is asked, when the client has
// WithDriftCheck, and returns the remembered outcome afterwards. A failed request is not
// remembered, so a later call tries again.
func (c *Client) checkDriftOnce(ctx context.Context, s *Schema) error {
	g := c.drift
	if g == nil {
		return nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	key := s.Fingerprint + "\x00" + s.RecordIDField
	if err, done := g.checked[key]; done {
		return err
	}
	err := CheckDrift(ctx, c, s)
	var drift *DriftError
	if err == nil || errors.As(err, &drift) {
		g.checked[key] = err
	}
	return err
}
