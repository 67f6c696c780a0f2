package redcaptest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// superToken stands in for the capture's 64-character super token.
const superToken = "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789"

// substitute replaces the capture's token placeholders with the fake's token.
func substitute(s, tok string) string {
	r := strings.NewReplacer(
		"<TOKEN_IN_LOWER_CASE>", strings.ToLower(tok),
		"<TOKEN_WITHOUT_LAST_CHAR>", tok[:len(tok)-1],
		"<SUPER_TOKEN>", superToken,
		"<TOKEN>", tok,
	)
	return r.Replace(s)
}

// response is what the fake answered.
type response struct {
	status      int
	contentType string
	body        string
	header      http.Header
}

// send replays one vector's request against the server.
func send(t *testing.T, s *Server, v vector) response {
	t.Helper()
	method := v.Method
	if method == "" {
		method = http.MethodPost
	}
	u := strings.TrimSuffix(s.URL(), "/api/") + "/api/"
	if v.Path != "" {
		u = strings.TrimSuffix(s.URL(), "/api/") + v.Path
	}
	form := url.Values{}
	var body io.Reader
	contentType := "application/x-www-form-urlencoded"
	keys := make([]string, 0, len(v.Request))
	for k := range v.Request {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if sv, ok := v.Request[k].(string); ok {
			form.Set(k, substitute(sv, s.Token()))
		}
	}
	switch {
	case v.Request["_raw_json_body"] != nil:
		raw, err := json.Marshal(v.Request["_raw_json_body"])
		if err != nil {
			t.Fatalf("%s: %v", v.Name, err)
		}
		body, contentType = strings.NewReader(substitute(string(raw), s.Token())), "application/json"
	case v.Request["file"] != nil:
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for _, k := range keys {
			if k != "file" {
				_ = mw.WriteField(k, form.Get(k))
			}
		}
		file, _ := v.Request["file"].(map[string]any)
		name, _ := file["filename"].(string)
		ctype, _ := file["content_type"].(string)
		content, err := uploadContent(file)
		if err != nil {
			t.Fatalf("%s: %v", v.Name, err)
		}
		part := "file"
		if pn, ok := file["part_name"].(string); ok {
			part = pn
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, part, name))
		h.Set("Content-Type", ctype)
		fw, err := mw.CreatePart(h)
		if err != nil {
			t.Fatalf("%s: %v", v.Name, err)
		}
		_, _ = fw.Write([]byte(content))
		_ = mw.Close()
		body, contentType = &buf, mw.FormDataContentType()
	case method == http.MethodGet:
		if len(form) > 0 {
			u += "?" + form.Encode()
		}
	default:
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: read body: %v", v.Name, err)
	}
	return response{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), body: string(b), header: resp.Header}
}

// serverAssigned are keys whose values the server assigns (README: volatile); they are ignored
// in JSON bodies.
var serverAssigned = []string{"project_id", "creation_time", "production_time"}

// disagreement describes how an answer differs from the capture ("" when it agrees).
func disagreement(v vector, got response) string {
	if got.status != v.Status {
		return fmt.Sprintf("status %d, want %d (body %.300q)", got.status, v.Status, got.body)
	}
	if got.contentType != v.ContentType {
		return fmt.Sprintf("content type %q, want %q", got.contentType, v.ContentType)
	}
	if d := headerDisagreement(v, got); d != "" {
		return d
	}
	if v.BodyBase64 != nil {
		return binaryDisagreement(*v.BodyBase64, got.body)
	}
	if v.BodyPattern != "" && slices.Contains(v.VolatileKeys, "body") {
		if !regexp.MustCompile(`\A(?:` + v.BodyPattern + `)\z`).MatchString(got.body) {
			return fmt.Sprintf("body %.200q does not match %q", got.body, v.BodyPattern)
		}
		return ""
	}
	if strings.HasPrefix(v.ContentType, "application/json") {
		var want, have any
		errW := json.Unmarshal([]byte(v.Body), &want)
		errH := json.Unmarshal([]byte(got.body), &have)
		if errW == nil && errH == nil {
			drop := append(append([]string(nil), serverAssigned...), v.VolatileKeys...)
			want, have = dropKeys(want, drop), dropKeys(have, drop)
			if orderFollowsVolatile(v) {
				want, have = sortedElements(want), sortedElements(have)
			}
			if !reflect.DeepEqual(want, have) {
				return "JSON body differs: " + firstJSONDifference(want, have)
			}
			return ""
		}
	}
	want, have := v.Body, got.body
	if strings.HasPrefix(v.Body, odmPrologue) {
		want, have = odmClock(want), odmClock(have)
	}
	if orderFollowsVolatile(v) {
		want, have = sortedLines(want), sortedLines(have)
	}
	if strings.HasPrefix(v.Body, "<") {
		want, have = xmlVolatile(want, v.VolatileKeys), xmlVolatile(have, v.VolatileKeys)
	}
	if have != want {
		return "body differs: " + firstDifference(want, have)
	}
	return ""
}

// headerDisagreement compares the response headers the vector captured: a nil value means the
// header must be absent.
func headerDisagreement(v vector, got response) string {
	keys := make([]string, 0, len(v.Headers))
	for k := range v.Headers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		want := v.Headers[k]
		have, sent := got.header[http.CanonicalHeaderKey(k)]
		switch {
		case want == nil && sent:
			return fmt.Sprintf("header %s: %q, want none", k, have)
		case want != nil && !sent:
			return fmt.Sprintf("header %s missing, want %q", k, *want)
		case want != nil && (len(have) != 1 || have[0] != *want):
			return fmt.Sprintf("header %s: %q, want %q", k, have, *want)
		}
	}
	return ""
}

// binaryDisagreement compares a binary body with the captured base64 bytes.
func binaryDisagreement(wantBase64, got string) string {
	want, err := base64.StdEncoding.DecodeString(wantBase64)
	if err != nil {
		return "captured body_base64 does not decode: " + err.Error()
	}
	if string(want) != got {
		return fmt.Sprintf("binary body differs (%d bytes, want %d): %s", len(got), len(want), firstDifference(string(want), got))
	}
	return ""
}

// odmPrologue starts every ODM document REDCap sends.
const odmPrologue = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<ODM "

// odmTimes match the ODM attributes that carry the server's clock: AsOfDateTime and
// CreationDateTime, and the date and time that end MetaDataVersionOID.
var odmTimes = regexp.MustCompile(`( (?:AsOfDateTime|CreationDateTime)=")\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"|( (?:MetaDataVersionOID="|OID="Metadata\.)[^"]*_)\d{4}-\d\d-\d\d_\d{4}"`)

// volatileAttr matches a volatile key that names an XML attribute: Element@Attribute, or
// Element[@Other='value']@Attribute for the elements whose attribute Other has that value.
var volatileAttr = regexp.MustCompile(`^([\w:]+)(?:\[@([\w:]+)='([^']*)'\])?@([\w:]+)$`)

// xmlVolatile blanks the values of the attributes the volatile keys name (values the server
// assigns, such as ODM time stamps or ids inside settings), so that only the rest is compared.
func xmlVolatile(s string, keys []string) string {
	for _, k := range keys {
		m := volatileAttr.FindStringSubmatch(k)
		if m == nil {
			continue
		}
		cond := ""
		if m[2] != "" {
			cond = `[^>]*?\s` + regexp.QuoteMeta(m[2]) + `="` + regexp.QuoteMeta(m[3]) + `"`
		}
		re := regexp.MustCompile(`(<` + regexp.QuoteMeta(m[1]) + `\b` + cond + `[^>]*?\s` + regexp.QuoteMeta(m[4]) + `=")[^"]*"`)
		s = re.ReplaceAllString(s, `${1}<volatile>"`)
	}
	return s
}

// odmClock replaces the clock in those attributes, and only there, so that an ODM body taken at
// another time compares equal; a time in any other form still differs.
func odmClock(s string) string {
	return odmTimes.ReplaceAllString(s, `${1}${2}<clock>"`)
}

// dropKeys removes the keys from every object in a decoded JSON value.
func dropKeys(x any, keys []string) any {
	switch v := x.(type) {
	case map[string]any:
		for _, k := range keys {
			delete(v, k)
		}
		for k, e := range v {
			v[k] = dropKeys(e, keys)
		}
	case []any:
		for i, e := range v {
			v[i] = dropKeys(e, keys)
		}
	}
	return x
}

// firstJSONDifference shows the first element of two decoded JSON arrays that differs, or the
// whole values when they are not arrays of the same length.
func firstJSONDifference(want, have any) string {
	w, okW := want.([]any)
	h, okH := have.([]any)
	if okW && okH {
		for i := 0; i < len(w) && i < len(h); i++ {
			if !reflect.DeepEqual(w[i], h[i]) {
				return fmt.Sprintf("element %d:\n  want %v\n  got  %v", i, clip(jsonText(w[i]), 600), clip(jsonText(h[i]), 600))
			}
		}
		return fmt.Sprintf("%d elements, want %d", len(h), len(w))
	}
	return fmt.Sprintf("\n  want %v\n  got  %v", clip(jsonText(want), 600), clip(jsonText(have), 600))
}

// jsonText renders a decoded JSON value (keys sorted) for a message.
func jsonText(x any) string {
	b, err := json.Marshal(x)
	if err != nil {
		return fmt.Sprint(x)
	}
	return string(b)
}

// firstDifference shows where two texts start to differ.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-60)
	return fmt.Sprintf("at byte %d:\n  want …%q\n  got  …%q", i, clip(want[from:], 200), clip(got[from:], 200))
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// uploadContent returns the bytes of a captured upload: its content as text, base64, or a
// base64 unit repeated and cut to the upload's size.
func uploadContent(file map[string]any) (string, error) {
	if c, ok := file["content"].(string); ok {
		return c, nil
	}
	if b64, ok := file["content_base64"].(string); ok {
		b, err := base64.StdEncoding.DecodeString(b64)
		return string(b), err
	}
	unit, ok := file["content_base64_repeated"].(string)
	size, sized := file["size"].(float64)
	if !ok || !sized {
		return "", fmt.Errorf("upload without content")
	}
	b, err := base64.StdEncoding.DecodeString(unit)
	if err != nil || len(b) == 0 {
		return "", fmt.Errorf("upload unit: %v", err)
	}
	out := bytes.Repeat(b, int(size)/len(b)+1)
	return string(out[:int(size)]), nil
}
