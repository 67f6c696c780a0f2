package redcaptest_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// A test starts a fake REDCap for its project, imports through the API and reads back what
// REDCap would have stored.
func ExampleNewServer() {
	p := &dictionary.Project{Forms: []*dictionary.Form{{
		Name: "enrolment",
		Fields: []*dictionary.Field{
			{Name: "record_id", Form: "enrolment", Type: dictionary.TypeText, Label: "Record ID"},
			{Name: "dob", Form: "enrolment", Type: dictionary.TypeText, Label: "Date of birth", Validation: "date_ymd"},
		},
	}}}
	s := redcaptest.NewServer(p)
	defer s.Close()

	call := func(fields url.Values) string {
		fields.Set("token", s.Token())
		resp, err := http.PostForm(s.URL(), fields)
		if err != nil {
			return err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return fmt.Sprintf("%d %s", resp.StatusCode, b)
	}
	fmt.Println(call(url.Values{"content": {"record"}, "format": {"json"}, "data": {`[{"record_id":"1","dob":"2024-2-9"}]`}}))
	fmt.Println(call(url.Values{"content": {"record"}, "format": {"json"}, "data": {`[{"record_id":"2","dob":"2023-02-29"}]`}}))
	fmt.Println(s.Records()[0]["dob"])
	// Output:
	// 200 {"count": 1}
	// 400 {"error":"\"2\",\"dob\",\"2023-02-29\",\"Invalid date format. (NOTE: Dates must be imported here only in Y-M-D format, regardless of the specific date format designated for this field.)\""}
	// 2024-02-09
}

// A test of a program built on a generated package starts the fake from the package's Snapshot
// (here its text): no dictionary file, no generator.
func ExampleNewServerFromSnapshot() {
	const snapshot = `# redcapgen dictionary snapshot v1
field record_id form=enrolment type=text label="Record ID"
field smoker form=enrolment type=yesno label="Do you smoke?"
form enrolment label=Enrolment
`
	s, err := redcaptest.NewServerFromSnapshot(snapshot, redcaptest.WithProjectInfo("Enrolment study", 7))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	if err := s.Load([]map[string]string{{"record_id": "1", "smoker": "1"}}); err != nil {
		fmt.Println(err)
		return
	}
	resp, err := http.PostForm(s.URL(), url.Values{"token": {s.Token()}, "content": {"record"}, "format": {"csv"}, "rawOrLabel": {"label"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	fmt.Print(string(b))

	_, err = redcaptest.NewServerFromSnapshot("# redcapgen dictionary snapshot v1\nfield record_id type=text\n")
	fmt.Println(err)
	// Output:
	// record_id,smoker,enrolment_complete
	// 1,Yes,Incomplete
	// redcaptest: read the snapshot: dictionary snapshot: line 2: field "record_id" has no form
}
