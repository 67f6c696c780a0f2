package redcap_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	quickstart "github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

func TestCheckFilterLogic(t *testing.T) {
	tests := []struct {
		filter string
		schema bool
		want   string // part of the error; "" for none
	}{
		{"[smoker] = '1' and [race(2)] = '1'", true, ""},
		{"[sex] = '1' and [record-name] <> '' and [user-name] = 'x'", true, ""},
		{"[smokr] = '1'", true, `at position 1: unknown field "smokr"`},
		{"[race(7)] = '1'", true, `checkbox "race" has no option "7"`},
		{"[smokr] = '1'", false, ""},
		{"[smoker] == '1'", false, "== is not an operator"},
		{"not([smoker] = '1')", false, "REDCap has no function not()"},
		{"([smoker] = '1'", false, "at position 16: missing ')'"},
	}
	for _, tt := range tests {
		var s *redcap.Schema
		if tt.schema {
			s = quickstart.Schema()
		}
		err := redcap.CheckFilterLogic(tt.filter, s)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckFilterLogic(%q) = %v, want nil", tt.filter, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckFilterLogic(%q) = %v, want an error with %q", tt.filter, err, tt.want)
		}
	}
}

// TestExportRefusesBadFilterLogic: a typed export and a raw export with a filterLogic REDCap
// would crash on send nothing and return a *FilterLogicError.
func TestExportRefusesBadFilterLogic(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Write([]byte("[]"))
	}))
	defer srv.Close()
	token := strings.Repeat("A1", 16)
	c, err := redcap.NewClient(srv.URL+"/api/", redcap.TokenFromGetenv("T", func(string) string { return token }))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var fe *redcap.FilterLogicError
	_, err = redcap.ExportAll[quickstart.Record](ctx, c, redcap.ExportOptions{FilterLogic: "[smokr] = '1'"})
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), `unknown field "smokr"`) {
		t.Errorf("typed export: %v, want a *FilterLogicError naming smokr", err)
	}
	_, err = c.ExportRecordsRaw(ctx, redcap.ExportRequest{FilterLogic: "[smoker] == '1'"})
	if !errors.As(err, &fe) {
		t.Errorf("raw export: %v, want a *FilterLogicError", err)
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
	if _, err := redcap.ExportAll[quickstart.Record](ctx, c, redcap.ExportOptions{FilterLogic: "[smoker] = '1'"}); err != nil {
		t.Errorf("a good filter: %v", err)
	}
}
