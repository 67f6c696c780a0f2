package redcaptest

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// demoDictionary is a small classic project: text, date, radio with a negative code, checkbox,
// integer, and a second form.
const demoDictionary = `field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation
record_id,demographics,,text,Record ID,,,,,,,,,,,,,
dob,demographics,,text,Date of birth,,,date_ymd,,,y,,,,,,,
sex,demographics,,radio,Sex,"0, Female | 1, Male | -9, Unknown",,,,,,,,,,,,
race,demographics,,checkbox,Race,"1, White | 2, Black | -1, Declined",,,,,,,,,,,,
cigs,visit,,text,Cigarettes,,,integer,0,100,,,,,,,,
`

// demoProject reads demoDictionary.
func demoProject(t testing.TB) *dictionary.Project {
	t.Helper()
	p, err := dictionary.Read("demo.csv", []byte(demoDictionary))
	if err != nil {
		t.Fatalf("read demo dictionary: %v", err)
	}
	return p
}

// newDemo starts a fake for the demo project.
func newDemo(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := NewServer(demoProject(t), opts...)
	t.Cleanup(s.Close)
	return s
}

// post sends form fields to the server's API URL with the server's token (unless the fields set
// one) and returns status, content type and body.
func post(t testing.TB, s *Server, fields map[string]string) (int, string, string) {
	t.Helper()
	form := url.Values{}
	form.Set("token", s.Token())
	for k, v := range fields {
		form.Set(k, v)
	}
	resp, err := http.PostForm(s.URL(), form)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

// mustContain fails unless s contains want.
func mustContain(t *testing.T, what, s, want string) {
	t.Helper()
	if !strings.Contains(s, want) {
		t.Errorf("%s = %q, want it to contain %q", what, s, want)
	}
}

// postOrdered sends form fields in the given order, without adding the token.
func postOrdered(t testing.TB, s *Server, fields [][2]string) (int, string, string) {
	t.Helper()
	var b strings.Builder
	for i, kv := range fields {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(kv[0]) + "=" + url.QueryEscape(kv[1]))
	}
	resp, err := http.Post(s.URL(), "application/x-www-form-urlencoded", strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
}
