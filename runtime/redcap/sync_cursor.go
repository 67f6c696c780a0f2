package redcap

import (
	"fmt"
	"strings"
	"time"
)

// SyncCursor marks where an incremental sync (Sync) stopped: a wall-clock time of the REDCap
// server's clock, in the server's zone, which is how REDCap stamps and compares its log. It is
// never built from a time of the caller's clock, so zones cannot be mixed up: store its text
// (String, or MarshalText for JSON) and read it back with ParseSyncCursor. The zero cursor means
// "never synced".
type SyncCursor struct {
	wall string // "YYYY-MM-DD HH:MM:SS" on the server's clock; "" for the zero cursor
	zone string // the server zone's name
}

// syncWallLayout is REDCap's dateRangeBegin format, the cursor's wall-clock text.
const syncWallLayout = "2006-01-02 15:04:05"

// newSyncCursor is the cursor of a server time, read in the server's zone.
func newSyncCursor(t time.Time, zone *time.Location) SyncCursor {
	return SyncCursor{wall: t.In(zone).Format(syncWallLayout), zone: zone.String()}
}

// IsZero reports whether the cursor is the zero cursor (never synced).
func (c SyncCursor) IsZero() bool { return c.wall == "" }

// String is the cursor's text: "2026-12-02 15:33:00 America/Chicago" ("" for the zero cursor).
func (c SyncCursor) String() string {
	if c.IsZero() {
		return ""
	}
	return c.wall + " " + c.zone
}

// time is the cursor as a time in the zone (which must be the cursor's).
func (c SyncCursor) time(zone *time.Location) (time.Time, error) {
	return time.ParseInLocation(syncWallLayout, c.wall, zone)
}

// ParseSyncCursor reads a cursor's text (String); "" is the zero cursor.
func ParseSyncCursor(s string) (SyncCursor, error) {
	if s == "" {
		return SyncCursor{}, nil
	}
	parts := strings.Fields(s)
	if len(parts) != 3 {
		return SyncCursor{}, fmt.Errorf("redcap: sync cursor %q: want \"YYYY-MM-DD HH:MM:SS <zone>\"", s)
	}
	wall := parts[0] + " " + parts[1]
	if _, err := time.Parse(syncWallLayout, wall); err != nil {
		return SyncCursor{}, fmt.Errorf("redcap: sync cursor %q: time is not YYYY-MM-DD HH:MM:SS", s)
	}
	return SyncCursor{wall: wall, zone: parts[2]}, nil
}

// MarshalText encodes the cursor as its String.
func (c SyncCursor) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText decodes a cursor's text (ParseSyncCursor).
func (c *SyncCursor) UnmarshalText(b []byte) error {
	parsed, err := ParseSyncCursor(string(b))
	if err != nil {
		return err
	}
	*c = parsed
	return nil
}
