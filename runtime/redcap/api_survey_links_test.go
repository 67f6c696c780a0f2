package redcap_test

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// surveyFake is a fake with survey "baseline" (Save & Return Later on, survey queue on) and
// records 1 and 2.
func surveyFake(t *testing.T, opts ...redcaptest.Option) (*redcaptest.Server, *redcap.Client) {
	t.Helper()
	opts = append([]redcaptest.Option{redcaptest.WithSurveyForms("baseline"), redcaptest.WithSaveAndReturn("baseline"), redcaptest.WithSurveyQueue(true)}, opts...)
	srv, c := startFake(t, opts...)
	if err := srv.Load([]map[string]string{{"record_id": "1", "name": "A"}, {"record_id": "2", "name": "B"}}); err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// TestSurveyLinksAndCodes checks each survey method's answer shape, that asking again gives the
// same answer and that another record gets another one.
func TestSurveyLinksAndCodes(t *testing.T) {
	srv, c := surveyFake(t)
	ctx := context.Background()
	one := redcap.SurveyParticipant{Record: "1", Instrument: "baseline"}
	two := redcap.SurveyParticipant{Record: "2", Instrument: "baseline"}
	base := strings.TrimSuffix(srv.URL(), "api/")
	tests := []struct {
		name  string
		ask   func(redcap.SurveyParticipant) (string, error)
		shape *regexp.Regexp
	}{
		{"SurveyLink", func(sp redcap.SurveyParticipant) (string, error) { return c.SurveyLink(ctx, sp) },
			regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `surveys/\?s=[a-km-zA-NP-Z2-9]{16}$`)},
		{"SurveyAccessCode", func(sp redcap.SurveyParticipant) (string, error) { return c.SurveyAccessCode(ctx, sp) },
			regexp.MustCompile(`^[34789ACDEFHJKLMNPRTWXY]{9}$`)},
		{"SurveyReturnCode", func(sp redcap.SurveyParticipant) (string, error) { return c.SurveyReturnCode(ctx, sp) },
			regexp.MustCompile(`^[34789ACDEFHJKLMNPRTWXY]{8}$`)},
		{"SurveyQueueLink", func(sp redcap.SurveyParticipant) (string, error) { return c.SurveyQueueLink(ctx, sp.Record) },
			regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `surveys/\?sq=[a-km-zA-NP-Z2-9]{10}$`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, err := tt.ask(one)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.shape.MatchString(first) {
				t.Errorf("answer %q does not match %s", first, tt.shape)
			}
			if again, err := tt.ask(one); again != first || err != nil {
				t.Errorf("asked again: %q, %v; want %q", again, err, first)
			}
			if other, err := tt.ask(two); other == first || err != nil {
				t.Errorf("another record: %q, %v; want another answer than %q", other, err, first)
			}
		})
	}
}

// TestSurveyErrors checks that REDCap's refusals reach the caller as APIErrors with REDCap's
// message.
func TestSurveyErrors(t *testing.T) {
	srv, c := surveyFake(t, redcaptest.WithSaveAndReturn(), redcaptest.WithSurveyQueue(false))
	ctx := context.Background()
	tests := []struct {
		name   string
		err    func() error
		status int
		msg    string
	}{
		{"unknown record", func() error {
			_, err := c.SurveyLink(ctx, redcap.SurveyParticipant{Record: "9", Instrument: "baseline"})
			return err
		},
			http.StatusBadRequest, `The record "9" does not exist`},
		{"unknown instrument", func() error {
			_, err := c.SurveyAccessCode(ctx, redcap.SurveyParticipant{Record: "1", Instrument: "nope"})
			return err
		},
			http.StatusBadRequest, "Invalid instrument"},
		{"no Save & Return Later", func() error {
			_, err := c.SurveyReturnCode(ctx, redcap.SurveyParticipant{Record: "1", Instrument: "baseline"})
			return err
		},
			http.StatusBadRequest, "The 'Save & Return Later' feature has not been enabled for this survey"},
		{"no survey queue", func() error { _, err := c.SurveyQueueLink(ctx, "1"); return err },
			http.StatusBadRequest, "The Survey Queue has not been enabled in this project. You will need to enable the Survey Queue before using this method."},
		{"no participant rights", func() error {
			srv.SetRights(redcaptest.Rights{NoSurveyParticipants: true})
			defer srv.SetRights(redcaptest.Rights{})
			_, err := c.ParticipantList(ctx, "baseline", "")
			return err
		}, http.StatusForbidden, `The API request cannot complete because currently you do not have "Manage Survey Participants" privileges, which are required for this operation.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var apiErr *redcap.APIError
			if err := tt.err(); !errors.As(err, &apiErr) || apiErr.Status != tt.status || apiErr.Message != tt.msg {
				t.Errorf("error %v, want HTTP %d %q", err, tt.status, tt.msg)
			}
		})
	}
}

// TestParticipantList checks that the list has one row per record with the links and codes the
// other methods answer.
func TestParticipantList(t *testing.T) {
	_, c := surveyFake(t)
	ctx := context.Background()
	link, err := c.SurveyLink(ctx, redcap.SurveyParticipant{Record: "2", Instrument: "baseline"})
	if err != nil {
		t.Fatal(err)
	}
	queue, err := c.SurveyQueueLink(ctx, "2")
	if err != nil {
		t.Fatal(err)
	}
	list, err := c.ParticipantList(ctx, "baseline", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("%d participants, want 2: %+v", len(list), list)
	}
	code, err := c.SurveyAccessCode(ctx, redcap.SurveyParticipant{Record: "2", Instrument: "baseline"})
	if err != nil {
		t.Fatal(err)
	}
	p := list[1]
	if p.SurveyLink != link || p.SurveyQueueLink != queue || p.SurveyAccessCode != code || p.EmailOccurrence != 1 || p.ResponseStatus != 0 {
		t.Errorf("record 2's row = %+v; want link %q, queue %q, code %q", p, link, queue, code)
	}
	if list[0].SurveyLink == "" || list[0].SurveyLink == link {
		t.Errorf("record 1's link %q: want its own", list[0].SurveyLink)
	}
}
