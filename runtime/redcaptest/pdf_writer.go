package redcaptest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// pdfLine is one line of text on a PDF page, in bold or not.
type pdfLine struct {
	text string
	bold bool
}

// Page geometry of the PDFs the fake writes: US Letter, 10-point Helvetica, 14-point leading.
const (
	pdfWidth, pdfHeight = 612, 792
	pdfMargin           = 54
	pdfLeading          = 14
	pdfLinesPerPage     = (pdfHeight - 2*pdfMargin) / pdfLeading
	pdfLineChars        = 95 // characters of 10-point Helvetica that fit on a line, about
)

// pdfDoc collects pages of text lines.
type pdfDoc struct {
	pages [][]pdfLine
}

// newPage starts a page.
func (d *pdfDoc) newPage() { d.pages = append(d.pages, nil) }

// add writes text on the current page, wrapping long lines and starting a new page when full.
func (d *pdfDoc) add(text string, bold bool) {
	if len(d.pages) == 0 {
		d.newPage()
	}
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		for _, line := range wrapText(para, pdfLineChars) {
			if len(d.pages[len(d.pages)-1]) >= pdfLinesPerPage {
				d.newPage()
			}
			d.pages[len(d.pages)-1] = append(d.pages[len(d.pages)-1], pdfLine{text: line, bold: bold})
		}
	}
}

// wrapText cuts a line into pieces of at most n characters, at spaces where it can.
func wrapText(s string, n int) []string {
	var out []string
	for utf8.RuneCountInString(s) > n {
		r := []rune(s)
		cut := n
		for i := n; i > n/2; i-- {
			if r[i] == ' ' {
				cut = i
				break
			}
		}
		out = append(out, string(r[:cut]))
		s = strings.TrimLeft(string(r[cut:]), " ")
	}
	return append(out, s)
}

// bytes renders the document as a PDF 1.3 file: a catalog, a page tree, the two Helvetica fonts
// (WinAnsi encoding), one page and one content stream per page, the cross-reference table with
// every object's byte offset, and the trailer.
func (d *pdfDoc) bytes() []byte {
	if len(d.pages) == 0 {
		d.newPage()
	}
	var objs []string
	kids := make([]string, len(d.pages))
	for i := range d.pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	objs = append(objs,
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(d.pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	for i, page := range d.pages {
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>", pdfWidth, pdfHeight, 6+2*i),
			pdfStream(pageContent(page, i+1, len(d.pages))))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.3\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// pdfStream wraps content in a stream object with its length.
func pdfStream(content string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
}

// pageContent is the content stream of one page: its lines, then the page number at the foot.
func pageContent(lines []pdfLine, n, total int) string {
	var b strings.Builder
	b.WriteString("BT\n")
	fmt.Fprintf(&b, "%d TL\n%d %d Td\n", pdfLeading, pdfMargin, pdfHeight-pdfMargin)
	font := ""
	for _, l := range lines {
		f := "/F1"
		if l.bold {
			f = "/F2"
		}
		if f != font {
			fmt.Fprintf(&b, "%s 10 Tf\n", f)
			font = f
		}
		b.WriteString("(" + pdfEscape(l.text) + ") Tj T*\n")
	}
	b.WriteString("ET\n")
	fmt.Fprintf(&b, "BT /F1 8 Tf %d %d Td (%s) Tj ET", pdfMargin, pdfMargin/2, pdfEscape(fmt.Sprintf("Page %d of %d", n, total)))
	return b.String()
}

// pdfEscape turns text into the bytes of a PDF string in WinAnsi encoding: backslash and
// parentheses escaped, characters outside the encoding written as "?", control characters as
// spaces.
func pdfEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '(' || r == ')':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			b.WriteByte(' ')
		case r < 0x80:
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\%03o", winAnsi(r))
		}
	}
	return b.String()
}

// winAnsiPunctuation are the characters WinAnsi encoding places in 0x80–0x9F.
var winAnsiPunctuation = map[rune]byte{
	'€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, '‰': 0x89, 'Š': 0x8A,
	'‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
	'–': 0x96, '—': 0x97, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// winAnsi is the WinAnsi byte of a non-ASCII character, "?" when the encoding lacks it.
func winAnsi(r rune) byte {
	if r >= 0xA0 && r <= 0xFF {
		return byte(r)
	}
	if c, ok := winAnsiPunctuation[r]; ok {
		return c
	}
	return '?'
}
