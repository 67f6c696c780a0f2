package redcap_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// TestIsSurvey asks the fake which forms are surveys: the survey form answers its participant
// list, REDCap's "has not been enabled as a survey" means no, and any other refusal (no export
// rights) is an error, not a "no".
func TestIsSurvey(t *testing.T) {
	srv, c := startFake(t, redcaptest.WithSurveyForms("baseline"))
	ctx := context.Background()
	if ok, err := c.IsSurvey(ctx, "baseline", ""); !ok || err != nil {
		t.Errorf("IsSurvey(baseline) = %v, %v; want true", ok, err)
	}
	_, plain := startFake(t)
	if ok, err := plain.IsSurvey(ctx, "baseline", ""); ok || err != nil {
		t.Errorf("IsSurvey of a form that is not a survey = %v, %v; want false, nil", ok, err)
	}
	if _, err := c.IsSurvey(ctx, "no_such_form", ""); err == nil {
		t.Error("IsSurvey of an unknown form: no error")
	}
	srv.SetRights(redcaptest.Rights{NoAPIExport: true})
	var apiErr *redcap.APIError
	if _, err := c.IsSurvey(ctx, "baseline", ""); !errors.As(err, &apiErr) || apiErr.Status != http.StatusForbidden {
		t.Errorf("IsSurvey without export rights: %v, want a 403 APIError", err)
	}
}
