package redcap_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// TestFakeConcurrentRightsAndReads runs clients that change the token user's rights (API export,
// export right on the form) while others export records: every export either is refused with
// ErrPermission or holds every record, with the form's fields or without them. Run it with
// -race.
func TestFakeConcurrentRightsAndReads(t *testing.T) {
	ctx := context.Background()
	srv, admin := startFake(t)
	if err := srv.LoadJSON([]byte(`[{"record_id":"1","name":"Ann","age":"40"},{"record_id":"2","name":"Bob","age":"41"}]`)); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				u := redcap.User{Username: redcaptest.TokenUser, Rights: map[string]int{"api_export": (i + w) % 2, "api_import": 1},
					FormsExport: map[string]int{"baseline": 1 + i%2}}
				if _, err := admin.ImportUsers(ctx, []redcap.User{u}); err != nil {
					t.Errorf("change rights: %v", err)
					return
				}
			}
		}()
	}
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := clientFor(t, srv)
			if c == nil {
				return
			}
			for range 20 {
				body, err := c.ExportRecordsRaw(ctx, redcap.ExportRequest{})
				if errors.Is(err, redcap.ErrPermission) {
					continue
				}
				if err != nil {
					t.Errorf("export: %v", err)
					return
				}
				var rows []map[string]string
				if err := json.Unmarshal(body, &rows); err != nil || len(rows) != 2 {
					t.Errorf("export: %d rows, %v; want 2", len(rows), err)
					return
				}
				if name, ok := rows[0]["name"]; ok && name != "Ann" {
					t.Errorf("export: name %q, want Ann or left out", name)
				}
			}
		}()
	}
	wg.Wait()
}

// clientFor is another client of the server, with a token file of its own.
func clientFor(t *testing.T, srv *redcaptest.Server) *redcap.Client {
	t.Helper()
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte(srv.Token()), 0o600); err != nil {
		t.Error(err)
		return nil
	}
	c, err := redcap.NewClient(srv.URL(), redcap.TokenFromFile(path))
	if err != nil {
		t.Error(err)
	}
	return c
}
