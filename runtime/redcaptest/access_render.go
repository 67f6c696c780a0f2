package redcaptest

import (
	"strconv"
	"strings"
)

// accessCell is one value of a user or role export: text, a number, or form rights.
type accessCell struct {
	s     string
	num   bool
	forms []formRight
	isMap bool
}

// accessTable is a user or role export: rows of cells under column names.
type accessTable struct {
	cols []string
	rows [][]accessCell
}

// render writes the export as REDCap does: JSON objects with form rights as nested objects of
// numbers, CSV with form rights as "form:right" pairs joined by commas, or XML with form rights
// as child elements and plain (not CDATA) text.
func (t *accessTable) render(format, root string) string {
	var b strings.Builder
	switch format {
	case "json":
		b.WriteByte('[')
		for i, r := range t.rows {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('{')
			for j, c := range r {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString(phpJSONString(t.cols[j]) + ":")
				switch {
				case c.isMap:
					b.WriteByte('{')
					for k, f := range c.forms {
						if k > 0 {
							b.WriteByte(',')
						}
						b.WriteString(phpJSONString(f.form) + ":" + jsonNumber(f.right))
					}
					b.WriteByte('}')
				case c.num:
					b.WriteString(c.s)
				default:
					b.WriteString(phpJSONString(c.s))
				}
			}
			b.WriteByte('}')
		}
		b.WriteByte(']')
	case "csv":
		b.WriteString(strings.Join(t.cols, ","))
		for _, r := range t.rows {
			b.WriteByte('\n')
			for j, c := range r {
				if j > 0 {
					b.WriteByte(',')
				}
				v := c.s
				if c.isMap {
					v = pairsText(c.forms)
				}
				b.WriteString(csvQuote(v, ','))
			}
		}
	default:
		b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<" + root + ">\n")
		for _, r := range t.rows {
			b.WriteString("<item>")
			for j, c := range r {
				b.WriteString("<" + t.cols[j] + ">")
				if c.isMap {
					for _, f := range c.forms {
						b.WriteString("<" + f.form + ">" + xmlEscape(jsonNumber(f.right)) + "</" + f.form + ">")
					}
				} else {
					b.WriteString(xmlEscape(c.s))
				}
				b.WriteString("</" + t.cols[j] + ">")
			}
			b.WriteString("</item>\n")
		}
		b.WriteString("</" + root + ">\n")
	}
	return b.String()
}

// pairsText writes form rights as "form:right,form:right".
func pairsText(forms []formRight) string {
	parts := make([]string, len(forms))
	for i, f := range forms {
		parts[i] = f.form + ":" + jsonNumber(f.right)
	}
	return strings.Join(parts, ",")
}

// jsonNumber writes a stored right as a number (0 when it is not one).
func jsonNumber(s string) string {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return "0"
	}
	return strconv.Itoa(n)
}
