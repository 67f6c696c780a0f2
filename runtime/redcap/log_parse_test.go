package redcap

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestParseLogCaptured parses every log export REDCap answered (json, csv, xml): each one reads,
// and the three formats of one moment list the same entries (the CSV and XML exports came one and
// two calls later, so they start with that many more "Export Logging (API)" entries).
func TestParseLogCaptured(t *testing.T) {
	byName := map[string][]LogEntry{}
	for _, v := range loadVectors(t, "logging.jsonl") {
		if v.param("content") != "log" {
			continue
		}
		format := v.param("format")
		if format == "" {
			format = "xml"
		}
		entries, err := parseLog(format, []byte(v.Body), time.UTC)
		if err != nil {
			t.Errorf("%s: %v", v.Name, err)
			continue
		}
		byName[v.Name] = entries
	}
	if len(byName) < 60 {
		t.Fatalf("only %d log exports parsed", len(byName))
	}
	jsonEntries := byName["log_classic_export_json"]
	for name, extra := range map[string]int{"log_classic_export_csv": 1, "log_classic_export_xml": 2, "log_classic_export_no_format": 3} {
		got := byName[name]
		if len(got) != len(jsonEntries)+extra {
			t.Errorf("%s: %d entries, want %d", name, len(got), len(jsonEntries)+extra)
			continue
		}
		for _, e := range got[:extra] {
			if e.Action != "Manage/Design " || e.Details != "Export Logging (API)" {
				t.Errorf("%s: first entries %+v, want the log exports", name, e)
			}
		}
		if diff := cmp.Diff(jsonEntries, got[extra:]); diff != "" {
			t.Errorf("%s differs from the JSON export (-json +%s):\n%s", name, name, diff)
		}
	}
	nullUser := 0
	for _, e := range byName["log_classic_logtype_page_view"] {
		if e.Username == "" {
			nullUser++
		}
	}
	if nullUser != 1 {
		t.Errorf("page views: %d entries without a user, want REDCap's one background request", nullUser)
	}
}

// FuzzParseLog feeds any bytes to the log parser in each format: it never panics, every entry it
// returns has a minute time, and the entries render back to the same entries in all three
// formats.
func FuzzParseLog(f *testing.F) {
	f.Add(byte(0), []byte(`[{"timestamp":"2026-12-02 15:33","username":"site_admin","action":"Manage\/Design ","details":"Export Logging (API)","record":""},{"timestamp":"2026-12-02 15:29","username":null,"action":"Page View ","details":"x","record":""}]`))
	f.Add(byte(1), []byte("timestamp,username,action,details,record\n\"2026-12-02 15:32\",site_admin,\"Update record (API) 4\",\"Assign record to Data Access Group (redcap_data_access_group = 'site_a')\",4\n\"2026-12-02 15:31\",site_admin,\"Deleted Document Update record 1\",consent_pdf,1"))
	f.Add(byte(2), []byte("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<logs>\n<log><timestamp><![CDATA[2026-12-02 15:33]]></timestamp><username><![CDATA[site_admin]]></username><action><![CDATA[Manage/Design ]]></action><details><![CDATA[Export Logging (API)]]></details><record></record></log>\n</logs>\n"))
	f.Add(byte(1), []byte("timestamp,username,action,details,record"))
	f.Add(byte(2), []byte("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<logs>\n</logs>\n"))
	formats := []string{"json", "csv", "xml"}
	f.Fuzz(func(t *testing.T, which byte, body []byte) {
		entries, err := parseLog(formats[int(which)%3], body, time.UTC)
		if err != nil {
			return
		}
		for _, e := range entries {
			if e.Time.Second() != 0 || e.Time.Nanosecond() != 0 || e.Time.Location() != time.UTC {
				t.Fatalf("entry time %v is not a minute in the server's zone", e.Time)
			}
		}
		for _, format := range formats {
			if !renderable(entries, format) {
				continue
			}
			back, err := parseLog(format, renderLog(t, entries, format), time.UTC)
			if err != nil {
				t.Fatalf("%s rendering of %d entries does not parse: %v", format, len(entries), err)
			}
			if len(entries) == 0 && len(back) == 0 {
				continue
			}
			if diff := cmp.Diff(entries, back); diff != "" {
				t.Fatalf("%s round trip (-parsed +again):\n%s", format, diff)
			}
		}
	})
}

// renderable reports whether the entries' texts survive the format: JSON needs UTF-8, XML needs
// characters XML allows, CSV turns CR LF inside a value into LF.
func renderable(entries []LogEntry, format string) bool {
	for _, e := range entries {
		for _, s := range []string{e.Username, e.Action, e.Details, e.Record} {
			switch {
			case !utf8.ValidString(s):
				return false
			case format == "csv" && strings.Contains(s, "\r"):
				return false
			case format == "xml" && !xmlText(s):
				return false
			}
		}
	}
	return true
}

// xmlText reports whether every character of s may appear in XML text, and that s has no CR
// (XML turns CR LF into LF).
func xmlText(s string) bool {
	for _, r := range s {
		if r == '\r' || (r < 0x20 && r != '\t' && r != '\n') || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// renderLog writes entries as REDCap's log export in the format.
func renderLog(t *testing.T, entries []LogEntry, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	row := func(e LogEntry) []string {
		return []string{e.Time.Format(logTimeLayout), e.Username, e.Action, e.Details, e.Record}
	}
	switch format {
	case "json":
		out := make([]map[string]any, len(entries))
		for i, e := range entries {
			r := row(e)
			out[i] = map[string]any{"timestamp": r[0], "username": r[1], "action": r[2], "details": r[3], "record": r[4]}
			if e.Username == "" {
				out[i]["username"] = nil
			}
		}
		raw, err := json.Marshal(out)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	case "csv":
		w := csv.NewWriter(&b)
		_ = w.Write(logColumns)
		for _, e := range entries {
			_ = w.Write(row(e))
		}
		w.Flush()
		return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	}
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<logs>\n")
	for _, e := range entries {
		b.WriteString("<log>")
		for i, v := range row(e) {
			b.WriteString("<" + logColumns[i] + ">")
			_ = xml.EscapeText(&b, []byte(v))
			b.WriteString("</" + logColumns[i] + ">")
		}
		b.WriteString("</log>\n")
	}
	b.WriteString("</logs>\n")
	return b.Bytes()
}
