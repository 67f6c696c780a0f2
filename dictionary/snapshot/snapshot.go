// Package snapshot writes a REDCap project's data dictionary and design as a canonical,
// diff-friendly text (one field per line, in REDCap terms), fingerprints it, reads it back, and
// compares two projects change by change, each classed as breaking or compatible.
//
// The snapshot holds what decides the shape and meaning of data: every dictionary column, form
// labels and survey flags, arms, events, the form-event mapping, repeating forms and events, and
// missing-data codes. It leaves out what identifies one server's copy of a project rather than
// its design: project ID, title, event IDs, data access groups, record auto-numbering, the
// secondary unique field and the custom record label. It normalises what sources differ in, so
// a CSV, JSON, API XML and project XML of one project give the same lines for the columns they
// all carry: line endings, surrounding white space, choice-list spacing, the default alignment
// RV, and the order of the mapping and repeat declarations.
//
// Each line is a kind, a name (repeat lines have none), then key=value pairs and bare flags,
// empty values left out. A value is written bare when made only of letters, digits and
// _ . : / @ + -, else as a Go string literal, so every line is one line:
//
//	field dob form=demographics type=text label="Date of birth" validation=date_ymd min=1900-01-01 max=today required identifier
//	field sex form=demographics type=radio label=Sex choices="0, Female | 1, Male"
//	form demographics label=Demographics survey
//	arm 1 name="Drug A"
//	event baseline_arm_1 arm=1 name=Baseline
//	mapping baseline_arm_1 form=demographics
//	repeat event=week_1_arm_1 form=visit custom_label="[visit_date]"
//	missing UNK label=Unknown
package snapshot

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// header is the first line of every snapshot; it names the format version.
const header = "# redcapgen dictionary snapshot v1"

// Snapshot returns the canonical text of p's dictionary and design: a header, one line per
// field in dictionary order, then forms, arms, events, mappings, repeats and missing codes.
func Snapshot(p *dictionary.Project) []byte {
	var b strings.Builder
	b.WriteString(header)
	b.WriteByte('\n')
	if p == nil {
		return []byte(b.String())
	}
	for _, form := range p.Forms {
		for _, f := range form.Fields {
			writeLine(&b, kindField, f.Name, fieldPairs(f, form.Name))
		}
	}
	surveys := make(map[string]bool, len(p.SurveyForms))
	for _, s := range p.SurveyForms {
		surveys[s] = true
	}
	for _, form := range p.Forms {
		writeLine(&b, kindForm, form.Name, []pair{kv("label", canon(form.Label)), flag("survey", surveys[form.Name])})
	}
	for _, a := range sortedArms(p.Arms) {
		writeLine(&b, kindArm, strconv.Itoa(a.Num), []pair{kv("name", canon(a.Name))})
	}
	for _, e := range p.Events {
		writeLine(&b, kindEvent, e.UniqueName, []pair{
			kv("arm", strconv.Itoa(e.Arm)), kv("name", canon(e.Name)), kv("custom_label", canon(e.CustomLabel)),
		})
	}
	for _, m := range sortedMappings(p) {
		writeLine(&b, kindMapping, m.Event, []pair{kv("form", m.Form)})
	}
	for _, r := range sortedRepeats(p) {
		writeLine(&b, kindRepeat, "", []pair{kv("event", r.Event), kv("form", r.Form), kv("custom_label", canon(r.CustomLabel))})
	}
	for _, m := range p.MissingCodes {
		writeLine(&b, kindMissing, canon(m.Code), []pair{kv("label", canon(m.Label))})
	}
	return []byte(b.String())
}

// Fingerprint is "sha256:<hex>" of the canonical snapshot.
func Fingerprint(p *dictionary.Project) string {
	sum := sha256.Sum256(Snapshot(p))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Line kinds of a snapshot.
const (
	kindField   = "field"
	kindForm    = "form"
	kindArm     = "arm"
	kindEvent   = "event"
	kindMapping = "mapping"
	kindRepeat  = "repeat"
	kindMissing = "missing"
)

// pair is one key=value of a line, or a flag written as its bare key when set.
type pair struct {
	key, value string
	isFlag     bool
}

// kv is a key=value pair, left out when value is empty.
func kv(key, value string) pair { return pair{key: key, value: value} }

// flag is a pair written as a bare key when on, and left out otherwise.
func flag(key string, on bool) pair {
	if on {
		return pair{key: key, value: "y", isFlag: true}
	}
	return pair{key: key}
}

// fieldPairs lists a field's attributes in snapshot order.
func fieldPairs(f *dictionary.Field, form string) []pair {
	pairs := make([]pair, 0, len(fieldAttrs))
	for _, a := range fieldAttrs {
		v := a.get(f)
		if a.key == "form" {
			v = form
		}
		if a.flag {
			pairs = append(pairs, flag(a.key, v != ""))
			continue
		}
		pairs = append(pairs, kv(a.key, v))
	}
	return pairs
}

// writeLine writes `kind name key=value ...`, leaving out empty values. Repeat lines have no
// name: they are identified by their event and form.
func writeLine(b *strings.Builder, kind, name string, pairs []pair) {
	b.WriteString(kind)
	if kind != kindRepeat {
		b.WriteByte(' ')
		b.WriteString(quote(name))
	}
	for _, p := range pairs {
		switch {
		case p.value == "":
		case p.isFlag:
			b.WriteByte(' ')
			b.WriteString(p.key)
		default:
			b.WriteByte(' ')
			b.WriteString(p.key)
			b.WriteByte('=')
			b.WriteString(quote(p.value))
		}
	}
	b.WriteByte('\n')
}

// quote writes a value bare when it is made only of letters, digits and _ . : / @ + -, and as
// a Go string literal otherwise (so spaces, quotes, '=', newlines and non-ASCII are unambiguous).
func quote(s string) string {
	if s == "" {
		return `""`
	}
	for i := 0; i < len(s); i++ {
		if !isBare(s[i]) {
			return strconv.Quote(s)
		}
	}
	return s
}

// isBare reports whether c may appear in an unquoted value.
func isBare(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("_.:/@+-", c) >= 0
}

// sortedArms returns the arms by number.
func sortedArms(arms []dictionary.Arm) []dictionary.Arm {
	out := slices.Clone(arms)
	slices.SortStableFunc(out, func(a, b dictionary.Arm) int { return a.Num - b.Num })
	return out
}
