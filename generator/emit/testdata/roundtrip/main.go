// Command roundtrip is built by TestEmitCorpus inside a temporary module beside packages generated
// from the conformance dictionaries. For every flat JSON record export of those projects it
// decodes the rows into the generated Record, validates it, encodes it again and prints one
// line per case: "<case>\tok <n> records", "<case>\tunknown column <name>", or what went wrong.
// Then it prints the SHA-256 of some packages' Snapshot constants, the outcome of hand-made
// cases ("synthetic:<name>"), and the outcomes of typed round trips and new-instance imports
// through redcaptest servers built from the designs file ("typed:", "typed-overwrite:",
// "newinstances:"; see typed.go).
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/redcapgen/redcapgen/runtime/redcap"

	"redcapgen.test/corpus/classic"
	"redcapgen.test/corpus/fieldtypes"
	"redcapgen.test/corpus/longitudinal"
	"redcapgen.test/corpus/missingcodes"
	"redcapgen.test/corpus/repeating"
)

// project is one generated package under test.
type project struct {
	schema    *redcap.Schema
	newRecord func() redcap.Record
}

// orderedRow is one JSON row object with its keys in body order.
type orderedRow struct {
	keys, values []string
}

func main() {
	if len(os.Args) < 4 || os.Args[1] != "-designs" {
		fmt.Fprintln(os.Stderr, "usage: roundtrip -designs designs.json exports.jsonl...")
		os.Exit(2)
	}
	designs, files := os.Args[2], os.Args[3:]
	for _, path := range files {
		if err := run(path, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "roundtrip:", err)
			os.Exit(1)
		}
	}
	for _, s := range []struct{ name, text string }{
		{"classic", classic.Snapshot}, {"fieldtypes", fieldtypes.Snapshot}, {"longitudinal", longitudinal.Snapshot},
		{"repeating", repeating.Snapshot}, {"missingcodes", missingcodes.Snapshot},
	} {
		fmt.Printf("snapshot:%s\t%x\n", s.name, sha256.Sum256([]byte(s.text)))
	}
	for _, c := range append(syntheticCases(), surveyCases()...) {
		fmt.Printf("synthetic:%s\t%s\n", c.name, outcome(c.run()))
	}
	if err := runTyped(designs, files); err != nil {
		fmt.Fprintln(os.Stderr, "roundtrip:", err)
		os.Exit(1)
	}
}

func run(path string, out io.Writer) error {
	projects := map[string]project{
		"classic":      {classic.Schema(), func() redcap.Record { return new(classic.Record) }},
		"fieldtypes":   {fieldtypes.Schema(), func() redcap.Record { return new(fieldtypes.Record) }},
		"longitudinal": {longitudinal.Schema(), func() redcap.Record { return new(longitudinal.Record) }},
		"repeating":    {repeating.Schema(), func() redcap.Record { return new(repeating.Record) }},
		"missingcodes": {missingcodes.Schema(), func() redcap.Record { return new(missingcodes.Record) }},
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var c struct {
			Name    string            `json:"name"`
			Project string            `json:"project"`
			Request map[string]string `json:"request"`
			Status  int               `json:"status"`
			Body    string            `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			continue // cases with non-string request values are not record exports
		}
		p, ok := projects[c.Project]
		if !ok || c.Status != 200 || c.Request["content"] != "record" || c.Request["format"] != "json" ||
			c.Request["type"] == "eav" || !strings.HasPrefix(c.Body, "[") {
			continue
		}
		fmt.Fprintf(out, "%s\t%s\n", c.Name, roundTrip(p, c.Body))
	}
	return sc.Err()
}

// roundTrip decodes, validates and re-encodes every record of a body and reports the outcome.
func roundTrip(p project, body string) string {
	rows, err := parseRows(body)
	if err != nil {
		return "parse error: " + err.Error()
	}
	var recs [][]redcap.Row
	var inputs [][]orderedRow
	for _, in := range rows {
		row := redcap.NewRow(p.schema.Layout)
		for i, k := range in.keys {
			if err := row.SetByName(k, in.values[i]); err != nil {
				var unknown *redcap.UnknownColumnError
				if errors.As(err, &unknown) {
					return "unknown column " + unknown.Column
				}
				return "set error: " + err.Error()
			}
		}
		if n := len(recs); n > 0 && recs[n-1][0].Get(0) == row.Get(0) {
			recs[n-1] = append(recs[n-1], row)
			inputs[n-1] = append(inputs[n-1], in)
			continue
		}
		recs = append(recs, []redcap.Row{row})
		inputs = append(inputs, []orderedRow{in})
	}
	for i, group := range recs {
		rec := p.newRecord()
		if err := rec.DecodeRows(group); err != nil {
			return "decode error: " + err.Error()
		}
		rec.Validate(redcap.NewValidator(p.schema, redcap.ValidatorOptions{}))
		encoded, err := rec.EncodeRows(nil)
		if err != nil {
			return "encode error: " + err.Error()
		}
		if msg := compare(inputs[i], encoded); msg != "" {
			return fmt.Sprintf("mismatch in record %q: %s", rec.RecordID(), msg)
		}
	}
	return fmt.Sprintf("ok %d records", len(recs))
}

// compare requires the encoded rows to carry exactly the input's columns, in order, with the
// same values, except the read-only survey columns, which are never encoded (surveyCases checks
// that their values decode).
func compare(want []orderedRow, got []redcap.Row) string {
	if len(want) != len(got) {
		return fmt.Sprintf("%d rows in, %d rows out", len(want), len(got))
	}
	for i := range want {
		want[i] = withoutSurveyColumns(want[i], got[i].Layout)
		var keys, values []string
		for c := 0; c < got[i].Layout.Len(); c++ {
			if got[i].Has(c) {
				keys = append(keys, got[i].Layout.Column(c))
				values = append(values, got[i].Get(c))
			}
		}
		if strings.Join(keys, ",") != strings.Join(want[i].keys, ",") {
			return fmt.Sprintf("row %d: columns %v, want %v", i+1, keys, want[i].keys)
		}
		for j := range values {
			if values[j] != want[i].values[j] {
				return fmt.Sprintf("row %d: column %s = %q, want %q", i+1, keys[j], values[j], want[i].values[j])
			}
		}
	}
	return ""
}

// parseRows reads a JSON array of flat row objects, keeping key order; numbers keep their text.
func parseRows(body string) ([]orderedRow, error) {
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var rows []orderedRow
	for dec.More() {
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		var row orderedRow
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return nil, err
			}
			val, err := dec.Token()
			if err != nil {
				return nil, err
			}
			text := ""
			switch v := val.(type) {
			case string:
				text = v
			case json.Number:
				text = v.String()
			case nil:
			default:
				text = fmt.Sprint(v)
			}
			row.keys = append(row.keys, key.(string))
			row.values = append(row.values, text)
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}
