package redcap

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// layoutOfBody builds a layout from the keys of a flat JSON body, in first-seen order.
func layoutOfBody(t testing.TB, body string) *Layout {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(body))
	var cols []string
	seen := map[string]bool{}
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		if _, err := dec.Token(); err != nil { // {
			t.Fatal(err)
		}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				t.Fatal(err)
			}
			if !seen[k.(string)] {
				seen[k.(string)] = true
				cols = append(cols, k.(string))
			}
		}
		if _, err := dec.Token(); err != nil { // }
			t.Fatal(err)
		}
	}
	return NewLayout(cols...)
}

// readAll collects copies of every row.
func readAll(t testing.TB, r io.Reader, l *Layout) ([]Row, error) {
	t.Helper()
	var rows []Row
	err := ReadRows(r, l, func(row *Row) error {
		c := NewRow(l)
		copy(c.Values, row.Values)
		copy(c.Present, row.Present)
		rows = append(rows, c)
		return nil
	})
	return rows, err
}

// TestRowJSONRoundTripConformance reads every flat JSON export REDCap sent and writes it back
// byte for byte; the values must equal what encoding/json reads.
func TestRowJSONRoundTripConformance(t *testing.T) {
	n := 0
	for _, file := range []string{"exports.jsonl", "records.jsonl", "missingcodes.jsonl", "errors.jsonl"} {
		for _, v := range loadVectors(t, file) {
			if !isFlatJSONExport(v) {
				continue
			}
			n++
			t.Run(file+"/"+v.Name, func(t *testing.T) {
				l := layoutOfBody(t, v.Body)
				for _, r := range []io.Reader{strings.NewReader(v.Body), iotest.OneByteReader(strings.NewReader(v.Body))} {
					rows, err := readAll(t, r, l)
					if err != nil {
						t.Fatal(err)
					}
					var out bytes.Buffer
					if err := WriteRows(&out, rows); err != nil {
						t.Fatal(err)
					}
					// REDCap sends null in some label exports; ReadRows reads it as "".
					wantBody := strings.ReplaceAll(v.Body, `":null`, `":""`)
					if diff := cmp.Diff(wantBody, out.String()); diff != "" {
						t.Fatalf("round trip differs (-REDCap +WriteRows):\n%s", diff)
					}
					var want []map[string]any
					if err := json.Unmarshal([]byte(v.Body), &want); err != nil {
						t.Fatal(err)
					}
					if len(want) != len(rows) {
						t.Fatalf("got %d rows, encoding/json %d", len(rows), len(want))
					}
					for i, m := range want {
						for k, val := range m {
							idx, _ := l.Index(k)
							if got := rows[i].Get(idx); got != jsonText(val) {
								t.Errorf("row %d column %s: got %q, want %q", i+1, k, got, jsonText(val))
							}
						}
					}
				}
			})
		}
	}
	if n < 50 {
		t.Errorf("only %d flat JSON exports found in the conformance files", n)
	}
}

// jsonText is how ReadRows renders a value encoding/json decoded (numbers via json.Number
// would be exact; the conformance bodies hold only small integers).
func jsonText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		b, _ := json.Marshal(x)
		return string(b)
	case bool:
		if x {
			return "1"
		}
		return "0"
	case nil:
		return ""
	}
	return "?"
}

func TestReadRowsValues(t *testing.T) {
	l := NewLayout("record_id", "redcap_repeat_instance", "a", "b")
	tests := []struct {
		name string
		body string
		want [][]string // per row: values; "-" marks an absent column
	}{
		{"empty array", ` [ ] `, nil},
		{"strings", `[{"record_id":"1","a":"x\/y \u00dc\n"}]`, [][]string{{"1", "-", "x/y Ü\n", "-"}}},
		{"number kept literally", `[{"record_id":"1","redcap_repeat_instance":2,"a":-1.50e+3}]`, [][]string{{"1", "2", "-1.50e+3", "-"}}},
		{"booleans and null", `[{"record_id":"1","a":true,"b":false},{"record_id":"2","a":null}]`, [][]string{{"1", "-", "1", "0"}, {"2", "-", "", "-"}}},
		{"surrogate pair", `[{"record_id":"\ud83d\ude00"}]`, [][]string{{"😀", "-", "-", "-"}}},
		{"lone surrogate", `[{"record_id":"\ud83dx"}]`, [][]string{{"\uFFFDx", "-", "-", "-"}}},
		{"white space", "[\n {\"record_id\" : \"1\" ,\t\"a\":\"\"} ,{}\r\n]", [][]string{{"1", "-", "", "-"}, {"-", "-", "-", "-"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := readAll(t, strings.NewReader(tt.body), l)
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			for _, r := range rows {
				vals := make([]string, l.Len())
				for i := range vals {
					vals[i] = "-"
					if r.Has(i) {
						vals[i] = r.Get(i)
					}
				}
				got = append(got, vals)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadRowsErrors(t *testing.T) {
	l := NewLayout("record_id", "a")
	tests := []struct {
		name, body, want string
	}{
		{"empty", ``, "unexpected end"},
		{"object", `{"error":"x"}`, "JSON object, not an array"},
		{"html", "\n<html><body>Log in</body></html>", "HTML or XML, not JSON"},
		{"unknown column", `[{"record_id":"7","a":"1"},{"record_id":"8","zz":"1"}]`, `column "zz" is not in the generated project (record "8") (row 2)`},
		{"duplicate column", `[{"a":"1","a":"2"}]`, `column "a" appears twice`},
		{"nested", `[{"a":{"x":1}}]`, "object or array"},
		{"bad number", `[{"a":01}]`, "invalid number"},
		{"bad literal", `[{"a":tru}]`, "invalid literal"},
		{"bad escape", `[{"a":"\x"}]`, "invalid escape"},
		{"control char", "[{\"a\":\"a\tb\"}]", "control character"},
		{"truncated", `[{"a":"1"`, "unexpected end"},
		{"trailing", `[] x`, "after the end"},
		{"missing comma", `[{"a":"1" "b":"2"}]`, "want , or }"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, strings.NewReader(tt.body), l)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	var uc *UnknownColumnError
	_, err := readAll(t, strings.NewReader(`[{"zz":"1"}]`), l)
	if !errors.As(err, &uc) || uc.Row != 1 || uc.Column != "zz" {
		t.Fatalf("want *UnknownColumnError row 1, got %#v", err)
	}
}

func TestReadRowsCallbackErrorStops(t *testing.T) {
	l := NewLayout("record_id")
	stop := errors.New("stop")
	calls := 0
	err := ReadRows(strings.NewReader(`[{"record_id":"1"},{"record_id":"2"},{"record_id":"3"}]`), l, func(*Row) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 2 || !strings.Contains(err.Error(), "row 2") {
		t.Fatalf("err %v after %d calls", err, calls)
	}
}

func TestReadRowsReaderError(t *testing.T) {
	boom := errors.New("connection reset")
	r := io.MultiReader(strings.NewReader(`[{"record_id":"1"},`), iotest.ErrReader(boom))
	_, err := readAll(t, r, NewLayout("record_id"))
	if !errors.Is(err, boom) {
		t.Fatalf("want the reader's error, got %v", err)
	}
}

func TestWriteRows(t *testing.T) {
	l := NewLayout("record_id", "redcap_repeat_instance", "a", "b")
	r1 := NewRow(l)
	r1.Set(0, "1")
	r1.Set(1, "3")
	r1.Set(3, "ü/\"\x01😀")
	r2 := NewRow(l)
	r2.Set(0, "2")
	r2.Set(1, "")
	r2.Set(2, "new")
	var b bytes.Buffer
	if err := WriteRows(&b, []Row{r1, r2}); err != nil {
		t.Fatal(err)
	}
	want := `[{"record_id":"1","redcap_repeat_instance":3,"b":"\u00fc\/\"\u0001\ud83d\ude00"},{"record_id":"2","redcap_repeat_instance":"","a":"new"}]`
	if b.String() != want {
		t.Fatalf("got  %s\nwant %s", b.String(), want)
	}
	bad := NewRow(l)
	bad.Set(0, "9")
	bad.Set(2, "a\xffb")
	err := WriteRows(io.Discard, []Row{bad})
	if err == nil || !strings.Contains(err.Error(), `record "9"`) || !strings.Contains(err.Error(), `column "a"`) {
		t.Fatalf("invalid UTF-8: got %v", err)
	}
}

// FuzzReadRows checks ReadRows never panics, agrees with encoding/json on valid input, and that
// whatever it reads WriteRows writes and ReadRows reads back unchanged.
func FuzzReadRows(f *testing.F) {
	for _, s := range []string{`[]`, `[{"a":"1","b":2}]`, `[{"a":"\u00e9\/"},{"b":true,"c":null}]`, `[{"a":"\ud83d\ude00"}]`, `{"error":"x"}`, `[{"a":"1"`} {
		f.Add(s)
	}
	l := NewLayout("a", "b", "c")
	f.Fuzz(func(t *testing.T, body string) {
		rows, err := readAll(t, strings.NewReader(body), l)
		var ref []map[string]any
		refErr := json.Unmarshal([]byte(body), &ref)
		if err == nil && refErr != nil && isValidUTF8JSON(body) {
			t.Fatalf("ReadRows accepted what encoding/json refuses (%v): %q", refErr, body)
		}
		if err != nil {
			return
		}
		if isValidUTF8JSON(body) {
			compareWithEncodingJSON(t, body, l, rows)
		}
		var out bytes.Buffer
		if werr := WriteRows(&out, rows); werr != nil {
			return // invalid UTF-8 in a value is refused, by design
		}
		back, err := readAll(t, &out, l)
		if err != nil {
			t.Fatalf("re-reading written rows: %v\n%s", err, out.String())
		}
		for i := range rows {
			if !cmp.Equal(rows[i].Values, back[i].Values) || !cmp.Equal(rows[i].Present, back[i].Present) {
				t.Fatalf("row %d changed on round trip: %q -> %q", i, rows[i].Values, back[i].Values)
			}
		}
	})
}

// isValidUTF8JSON skips inputs where the two decoders differ on purpose (raw invalid UTF-8).
func isValidUTF8JSON(s string) bool { return strings.ToValidUTF8(s, "") == s }

// compareWithEncodingJSON checks every value ReadRows read against encoding/json's reading.
func compareWithEncodingJSON(t *testing.T, body string, l *Layout, rows []Row) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber()
	var ref []map[string]any
	if err := dec.Decode(&ref); err != nil {
		t.Fatalf("encoding/json refuses what ReadRows read: %v", err)
	}
	if len(ref) != len(rows) {
		t.Fatalf("%d rows, encoding/json %d", len(rows), len(ref))
	}
	for i, m := range ref {
		for k, v := range m {
			idx, ok := l.Index(k)
			if !ok || !rows[i].Has(idx) {
				t.Fatalf("row %d: column %q missing", i+1, k)
			}
			want := ""
			switch x := v.(type) {
			case string:
				want = x
			case json.Number:
				want = string(x)
			case bool:
				want = map[bool]string{true: "1", false: "0"}[x]
			}
			if got := rows[i].Get(idx); got != want {
				t.Fatalf("row %d column %q: ReadRows %q, encoding/json %q", i+1, k, got, want)
			}
		}
	}
}
