package redcap

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// replayClient serves one captured exchange: the status, content type and body REDCap sent,
// after checking the request asks for the same content and action.
func replayClient(t *testing.T, v vector) *Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			t.Error(err)
		}
		if got := r.PostForm.Get("content"); got != v.param("content") {
			t.Errorf("content %q, the vector asked %q", got, v.param("content"))
		}
		if got, want := r.PostForm.Get("action"), v.param("action"); got != want && !(want == "" && got == "export") {
			t.Errorf("action %q, the vector asked %q", got, want)
		}
		w.Header().Set("Content-Type", v.ContentType)
		w.WriteHeader(v.Status)
		io.WriteString(w, v.Body)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, testTokenSource(t, testTokenText), WithRetry(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDesignReadsFromVectors(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		file, name string
		run        func(c *Client) (any, error)
		want       any
	}{
		{"metadata.jsonl", "arm_export_classic_non_longitudinal", func(c *Client) (any, error) { return c.Arms(ctx) }, []Arm{}},
		{"metadata.jsonl", "event_export_classic_non_longitudinal", func(c *Client) (any, error) { return c.Events(ctx) }, []Event{}},
		{"metadata.jsonl", "formEventMapping_export_classic_non_longitudinal", func(c *Client) (any, error) { return c.FormEventMappings(ctx) }, []FormEventMapping{}},
		{"metadata.jsonl", "repeatingFormsEvents_export_classic_none", func(c *Client) (any, error) { return c.RepeatingFormsEvents(ctx) }, []RepeatingFormEvent{}},
		{"metadata.jsonl", "arm_export_json", func(c *Client) (any, error) { return c.Arms(ctx) }, []Arm{{Number: 1, Name: "Drug A"}, {Number: 2, Name: "Drug B"}}},
		{"metadata.jsonl", "formEventMapping_export_arm1_only", func(c *Client) (any, error) { return c.FormEventMappings(ctx, 1) },
			[]FormEventMapping{{ArmNumber: 1, UniqueEventName: "baseline_arm_1", Form: "demographics"}, {ArmNumber: 1, UniqueEventName: "follow_up_arm_1", Form: "visit"}}},
		{"metadata.jsonl", "repeatingFormsEvents_export_longitudinal_json", func(c *Client) (any, error) { return c.RepeatingFormsEvents(ctx) },
			[]RepeatingFormEvent{{Event: "follow_up_arm_1", Form: "visit", CustomFormLabel: "[visit_date]"}, {Event: "week_2_arm_2"}}},
		{"metadata.jsonl", "repeatingFormsEvents_export_repeating_json", func(c *Client) (any, error) { return c.RepeatingFormsEvents(ctx) },
			[]RepeatingFormEvent{{Form: "medications", CustomFormLabel: "[med_name] [med_dose] mg"}, {Form: "adverse_events"}}},
		{"metadata.jsonl", "instrument_longitudinal_json", func(c *Client) (any, error) { return c.Instruments(ctx) },
			[]Instrument{{Name: "demographics", Label: "Demographics"}, {Name: "visit", Label: "Visit"}}},
		{"metadata.jsonl", "exportFieldNames_single_checkbox", func(c *Client) (any, error) {
			f, err := c.ExportFieldNames(ctx, "f_checkbox")
			return f[2], err
		}, ExportFieldName{OriginalFieldName: "f_checkbox", ChoiceValue: "-9", ExportFieldName: "f_checkbox____9"}},
		{"metadata.jsonl", "version_json", func(c *Client) (any, error) { return c.Version(ctx) }, "15.7.6"},
		{"records.jsonl", "classic_generateNextRecordName", func(c *Client) (any, error) { return c.GenerateNextRecordName(ctx) }, "34"},
		{"records.jsonl", "classic_delete_record", func(c *Client) (any, error) { return c.DeleteRecords(ctx, []string{"3"}, DeleteOptions{}) }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.run(replayClient(t, vectorByName(t, tt.file, tt.name)))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestEventsFromVector(t *testing.T) {
	events, err := replayClient(t, vectorByName(t, "metadata.jsonl", "event_export_json")).Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 4 || events[0].UniqueName != "baseline_arm_1" || events[0].ArmNumber != 1 || events[0].ID == 0 || events[3].UniqueName != "week_2_arm_2" {
		t.Fatalf("%+v", events)
	}
}

func TestProjectInfoFromVectors(t *testing.T) {
	info, err := replayClient(t, vectorByName(t, "missingcodes.jsonl", "missingcodes_project_info")).ProjectInfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []MissingDataCode{{Code: "NA", Label: "Not applicable"}, {Code: "UNK", Label: "Unknown"}, {Code: "-99", Label: "Not asked"}}
	if diff := cmp.Diff(want, info.MissingDataCodes); diff != "" {
		t.Fatalf("missing codes (-want +got):\n%s", diff)
	}
	if info.ProjectID != 14 || info.Title != "Oracle Missing Codes" || info.IsLongitudinal || !info.RecordAutonumberingEnabled {
		t.Fatalf("%+v", info)
	}
	prod, err := replayClient(t, vectorByName(t, "errors.jsonl", "production_project_info")).ProjectInfo(context.Background())
	if err != nil || !prod.InProduction || prod.ProductionTime == "" || prod.MissingDataCodes != nil {
		t.Fatalf("%+v %v", prod, err)
	}
}

func TestParseMissingDataCodes(t *testing.T) {
	tests := []struct {
		in   string
		want []MissingDataCode
	}{
		{"", nil},
		{"NA, Not applicable | UNK, Unknown", []MissingDataCode{{"NA", "Not applicable"}, {"UNK", "Unknown"}}},
		{"NA, Not applicable\nNASK, Not asked, at all\n", []MissingDataCode{{"NA", "Not applicable"}, {"NASK", "Not asked, at all"}}},
		{"UNK", []MissingDataCode{{"UNK", "UNK"}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, ParseMissingDataCodes(tt.in)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestMetadataFromVector(t *testing.T) {
	v := vectorByName(t, "metadata.jsonl", "metadata_export_classic_json")
	raw, err := replayClient(t, v).Metadata(context.Background(), nil, nil)
	if err != nil || string(raw) != v.Body {
		t.Fatalf("raw metadata changed; err %v", err)
	}
	fields, err := replayClient(t, v).MetadataFields(context.Background(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fields[0].FieldName != "record_id" || !strings.Contains(v.Body, `"field_name":"`+fields[len(fields)-1].FieldName+`"`) {
		t.Fatalf("%+v", fields[0])
	}
}

func TestDesignErrorsStayErrors(t *testing.T) {
	_, err := replayClient(t, vectorByName(t, "metadata.jsonl", "exportFieldNames_unknown_field")).ExportFieldNames(context.Background(), "nope")
	if !errors.Is(err, ErrBadRequest) || !strings.Contains(err.Error(), "Invalid field") {
		t.Fatalf("err %v", err)
	}
	noRights := vectorByName(t, "errors.jsonl", "rights_noexport_metadata_export")
	noRights.Request["content"] = "arm" // the same 403 for an arm export
	_, err = replayClient(t, noRights).Arms(context.Background())
	if !errors.Is(err, ErrPermission) {
		t.Fatalf("a 403 on arms must not read as 'classic project': %v", err)
	}
	_, err = replayClient(t, vectorByName(t, "records.jsonl", "classic_delete_unknown_record")).DeleteRecords(context.Background(), []string{"nope"}, DeleteOptions{})
	if !errors.Is(err, ErrBadRequest) || !strings.Contains(err.Error(), "do not exist: nope") {
		t.Fatalf("err %v", err)
	}
}

func TestImportResponsesFromVectors(t *testing.T) {
	tests := []struct {
		name string
		req  ImportRequest
		want ImportResponse
		err  string
	}{
		{"classic_import_returnContent_ids", ImportRequest{}, ImportResponse{Count: 2, IDs: []string{"2", "3"}}, ""},
		{"classic_import_forceAutoNumber_auto_ids", ImportRequest{ForceAutoNumber: true, ReturnContent: ReturnAutoIDs},
			ImportResponse{Count: 2, IDs: []string{"zzz", "yyy"}, AutoIDs: []AutoID{{New: "4", Sent: "zzz"}, {New: "5", Sent: "yyy"}}}, ""},
		{"classic_import_base", ImportRequest{ReturnContent: ReturnCount}, ImportResponse{Count: 1}, ""},
		{"classic_import_autoids_without_force", ImportRequest{ForceAutoNumber: true, ReturnContent: ReturnAutoIDs}, ImportResponse{}, "did not confirm"},
		{"import_batch_one_bad_record", ImportRequest{}, ImportResponse{}, `record "b2" field v_integer value "abc"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := vectorByName(t, "records.jsonl", tt.name)
			got, err := replayClient(t, v).ImportRecordsRaw(context.Background(), []byte(v.param("data")), tt.req)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&tt.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestRequestParameters(t *testing.T) {
	f := newFakeREDCap(t)
	c := f.start()
	_, err := c.ExportRecordsRaw(context.Background(), ExportRequest{RawOrLabel: "both"})
	if err == nil || len(f.calls) != 0 {
		t.Fatalf("a bogus rawOrLabel must be refused before sending: %v", err)
	}
	if _, err := c.ImportRecordsRaw(context.Background(), []byte(`{"record_id":"1"}`), ImportRequest{}); err == nil || len(f.calls) != 0 {
		t.Fatalf("an object instead of an array must be refused before sending: %v", err)
	}
	_, err = c.ExportRecordsRaw(context.Background(), ExportRequest{
		Records: []string{"1", "2"}, Fields: []string{"record_id"}, Forms: []string{"f"}, Events: []string{"e"},
		ExportDataAccessGroups: true, ExportSurveyFields: true, RawOrLabel: Label,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"content": "record", "action": "export", "format": "json", "returnFormat": "json", "type": "flat", "rawOrLabel": "label",
		"records[0]": "1", "records[1]": "2", "fields[0]": "record_id", "forms[0]": "f", "events[0]": "e", "exportDataAccessGroups": "true", "exportSurveyFields": "true"}
	if diff := cmp.Diff(want, f.calls[0]); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
}
