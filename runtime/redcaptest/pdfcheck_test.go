package redcaptest

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// pdfInfo is what checkPDF reads from a PDF: its page count and the text of its pages.
type pdfInfo struct {
	pages int
	text  string
}

var (
	pdfStartXref = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
	pdfTrailer   = regexp.MustCompile(`trailer\n<< /Size (\d+) /Root (\d+) 0 R >>`)
	pdfStreamRe  = regexp.MustCompile(`(?s)<< /Length (\d+) >>\nstream\n(.*?)\nendstream`)
	pdfCountRe   = regexp.MustCompile(`/Type /Pages /Kids \[[^\]]*\] /Count (\d+)`)
	pdfPageRe    = regexp.MustCompile(`/Type /Page /`)
	pdfTextRe    = regexp.MustCompile(`\(((?:\\.|[^\\)])*)\) Tj`)
)

// checkPDF checks that data is a structurally valid PDF as the fake writes it: the header, a
// cross-reference table whose every entry points at its object, a trailer naming the table's
// size and the catalog, stream lengths that match, and a page count that matches the page
// objects. It returns the page count and the text shown on the pages.
func checkPDF(data []byte) (pdfInfo, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		return pdfInfo{}, fmt.Errorf("no %%PDF header")
	}
	m := pdfStartXref.FindSubmatch(data)
	if m == nil {
		return pdfInfo{}, fmt.Errorf("no startxref at the end")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref >= len(data) || !bytes.HasPrefix(data[xref:], []byte("xref\n0 ")) {
		return pdfInfo{}, fmt.Errorf("startxref %d does not point at the xref table", xref)
	}
	rest := data[xref+len("xref\n0 "):]
	nl := bytes.IndexByte(rest, '\n')
	size, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || size < 2 {
		return pdfInfo{}, fmt.Errorf("xref size %q", rest[:nl])
	}
	entries := rest[nl+1:]
	if len(entries) < 20*size || string(entries[:20]) != "0000000000 65535 f \n" {
		return pdfInfo{}, fmt.Errorf("xref table too short or without the free entry")
	}
	for i := 1; i < size; i++ {
		e := string(entries[20*i : 20*i+20])
		if !strings.HasSuffix(e, " 00000 n \n") {
			return pdfInfo{}, fmt.Errorf("xref entry %d is %q", i, e)
		}
		off, _ := strconv.Atoi(e[:10])
		if !bytes.HasPrefix(data[off:], []byte(fmt.Sprintf("%d 0 obj\n", i))) {
			return pdfInfo{}, fmt.Errorf("xref entry %d: offset %d is not object %d", i, off, i)
		}
	}
	t := pdfTrailer.FindSubmatch(entries[20*size:])
	if t == nil {
		return pdfInfo{}, fmt.Errorf("no trailer after the xref table")
	}
	if n, _ := strconv.Atoi(string(t[1])); n != size {
		return pdfInfo{}, fmt.Errorf("trailer /Size %d, xref has %d entries", n, size)
	}
	if root, _ := strconv.Atoi(string(t[2])); root < 1 || root >= size {
		return pdfInfo{}, fmt.Errorf("trailer /Root %d is no object", root)
	}
	var text strings.Builder
	for _, s := range pdfStreamRe.FindAllSubmatch(data, -1) {
		if n, _ := strconv.Atoi(string(s[1])); n != len(s[2]) {
			return pdfInfo{}, fmt.Errorf("stream /Length %d, content %d bytes", n, len(s[2]))
		}
		for _, tj := range pdfTextRe.FindAllSubmatch(s[2], -1) {
			text.WriteString(pdfUnescape(string(tj[1])) + "\n")
		}
	}
	c := pdfCountRe.FindSubmatch(data)
	if c == nil {
		return pdfInfo{}, fmt.Errorf("no page tree")
	}
	count, _ := strconv.Atoi(string(c[1]))
	if pages := len(pdfPageRe.FindAll(data, -1)); pages != count || count == 0 {
		return pdfInfo{}, fmt.Errorf("page tree counts %d pages, %d page objects", count, pages)
	}
	return pdfInfo{pages: count, text: text.String()}, nil
}

// pdfUnescape reads a PDF string back: escaped characters and octal WinAnsi bytes.
func pdfUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		if i+2 < len(s) && s[i] >= '0' && s[i] <= '7' {
			n, _ := strconv.ParseUint(s[i:i+3], 8, 8)
			b.WriteRune(rune(n)) // WinAnsi agrees with Latin-1 above 0x9F
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
