package redcaptest

import (
	"fmt"
	"regexp"
)

// randomShapes are, per replayed file, the parts of answers REDCap makes at random (survey
// hashes and codes). Each submatch of a shape is one random part; a shape with several
// alternatives tells the kinds apart by which submatch is set.
var randomShapes = map[string]*regexp.Regexp{}

// randomPairs pairs the random parts of the captured answers of one file with those of the
// fake's answers. The fake's parts must have the captured shape and be used the way the capture
// used its own: the same captured part always pairs with the same part of the fake and two
// different captured parts never pair with one (so a link asked for twice is the same link, and
// another record's link is another link, in every case and format of the file).
type randomPairs struct {
	fakeOf, capturedOf map[string]string
}

// loopbackPort matches the host and port of a loopback base URL.
var loopbackPort = regexp.MustCompile(`127\.0\.0\.1:\d+`)

// match checks the random parts of got against those of want (shape by shape, in order) and
// rewrites got with the captured parts, so that the rest of the answer compares as usual. A base
// URL on the loopback address takes the captured port. It returns "" or how they disagree.
func (rp *randomPairs) match(shape *regexp.Regexp, want string, got *string) string {
	if shape == nil {
		return ""
	}
	if rp.fakeOf == nil {
		rp.fakeOf, rp.capturedOf = map[string]string{}, map[string]string{}
	}
	if host := loopbackPort.FindString(want); host != "" {
		*got = loopbackPort.ReplaceAllLiteralString(*got, host)
	}
	w, g := randomParts(shape, want), randomParts(shape, *got)
	if len(w) != len(g) {
		return fmt.Sprintf("%d random parts shaped like %s, want %d (body %.300q)", len(g), shape, len(w), *got)
	}
	for i := range w {
		if w[i].kind != g[i].kind {
			return fmt.Sprintf("random part %d is %q, want the shape of %q", i, g[i].text, w[i].text)
		}
		if f, seen := rp.fakeOf[w[i].text]; seen && f != g[i].text {
			return fmt.Sprintf("random part %d is %q, but the capture's %q was %q before", i, g[i].text, w[i].text, f)
		}
		if c, seen := rp.capturedOf[g[i].text]; seen && c != w[i].text {
			return fmt.Sprintf("random part %d is %q again, but the capture has %q here and %q before", i, g[i].text, w[i].text, c)
		}
		rp.fakeOf[w[i].text], rp.capturedOf[g[i].text] = g[i].text, w[i].text
	}
	*got = shape.ReplaceAllStringFunc(*got, func(m string) string { return replaceParts(shape, m, rp.capturedOf) })
	return ""
}

// randomPart is one random part of an answer: its text and which submatch of the shape it is.
type randomPart struct {
	text string
	kind int
}

// randomParts lists the random parts of s in order.
func randomParts(shape *regexp.Regexp, s string) []randomPart {
	var out []randomPart
	for _, m := range shape.FindAllStringSubmatchIndex(s, -1) {
		for k := 1; 2*k < len(m); k++ {
			if m[2*k] >= 0 {
				out = append(out, randomPart{text: s[m[2*k]:m[2*k+1]], kind: k})
			}
		}
	}
	return out
}

// replaceParts rewrites the submatches of one match m with their captured counterparts.
func replaceParts(shape *regexp.Regexp, m string, capturedOf map[string]string) string {
	idx := shape.FindStringSubmatchIndex(m)
	out, last := "", 0
	for k := 1; 2*k < len(idx); k++ {
		if idx[2*k] < 0 {
			continue
		}
		out += m[last:idx[2*k]] + capturedOf[m[idx[2*k]:idx[2*k+1]]]
		last = idx[2*k+1]
	}
	return out + m[last:]
}
