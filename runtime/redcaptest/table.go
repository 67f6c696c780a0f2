package redcaptest

import (
	"io"
	"slices"
	"strconv"
	"strings"
)

// cell is one value of an answer table; num marks values REDCap sends as JSON numbers.
type cell struct {
	s   string
	num bool
}

func str(s string) cell { return cell{s: s} }
func num(n int) cell    { return cell{s: itoa(n), num: true} }

// numf is a number REDCap stores as a float (event day offsets): 1, 1.5.
func numf(f float64) cell { return cell{s: strconv.FormatFloat(f, 'f', -1, 64), num: true} }

// table is an answer in rows and named columns, rendered as REDCap renders JSON, CSV and XML.
type table struct {
	cols []string
	rows [][]cell
}

func (t *table) add(cells ...cell) { t.rows = append(t.rows, cells) }

// dropCols removes the named columns from the table.
func (t *table) dropCols(names ...string) {
	keep := make([]int, 0, len(t.cols))
	for i, c := range t.cols {
		if !slices.Contains(names, c) {
			keep = append(keep, i)
		}
	}
	if len(keep) == len(t.cols) {
		return
	}
	pick := func(r []cell) []cell {
		out := make([]cell, len(keep))
		for j, i := range keep {
			out[j] = r[i]
		}
		return out
	}
	cols := make([]string, len(keep))
	for j, i := range keep {
		cols[j] = t.cols[i]
	}
	t.cols = cols
	for i, r := range t.rows {
		t.rows[i] = pick(r)
	}
}

// xmlStyle says how a table renders as XML.
type xmlStyle struct {
	root       string          // root element ("records", "dags", ...)
	plain      map[string]bool // columns written without CDATA
	noCDATA    bool            // no CDATA at all
	trailerNL  bool            // newline after the closing root tag
	item       string          // element of each row ("item" when empty)
	emptyCDATA bool            // write empty values as an empty CDATA section
}

// csvStyle says how a table renders as CSV.
type csvStyle struct {
	trailerNL bool // newline after the last row
	noHeader  bool
	header    []string        // replaces the column names (rawOrLabelHeaders=label)
	guard     bool            // prefix values starting with - = + @ with a tab (REDCap's EAV CSV)
	delim     byte            // field separator (',' when zero)
	always    map[string]bool // columns always quoted
	never     map[string]bool // columns never quoted
}

// render renders the table in the format.
func (t *table) render(format string, x xmlStyle, c csvStyle) string {
	switch format {
	case "json":
		return t.json()
	case "csv":
		return t.csv(c)
	}
	return t.xml(x)
}

func (t *table) json() string {
	var b strings.Builder
	b.WriteByte('[')
	for i, r := range t.rows {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONObject(&b, t.cols, r)
	}
	b.WriteByte(']')
	return b.String()
}

// textWriter is where rows are written: a strings.Builder, or a bufio.Writer when streaming.
type textWriter interface {
	io.ByteWriter
	io.StringWriter
}

// writeJSONObject writes one row as a JSON object with keys in column order.
func writeJSONObject(b textWriter, cols []string, r []cell) {
	b.WriteByte('{')
	for j, c := range cols {
		if j > 0 {
			b.WriteByte(',')
		}
		b.WriteString(phpJSONString(c))
		b.WriteByte(':')
		if r[j].s == nullValue {
			b.WriteString("null")
		} else if r[j].num {
			b.WriteString(r[j].s)
		} else {
			b.WriteString(phpJSONString(r[j].s))
		}
	}
	b.WriteByte('}')
}

func (t *table) csv(st csvStyle) string {
	var b strings.Builder
	sep := st.delim
	if sep == 0 {
		sep = ','
	}
	lines := 0
	if !st.noHeader {
		h := t.cols
		if st.header != nil {
			h = st.header
		}
		for j, c := range h {
			if j > 0 {
				b.WriteByte(sep)
			}
			b.WriteString(csvQuote(c, sep))
		}
		lines++
	}
	for _, r := range t.rows {
		if lines > 0 {
			b.WriteByte('\n')
		}
		for j, c := range r {
			if j > 0 {
				b.WriteByte(sep)
			}
			v := c.s
			if v == nullValue {
				v = ""
			}
			if st.guard && v != "" && strings.ContainsAny(v[:1], "-=+@") {
				v = "\t" + v
			}
			switch {
			case st.never[t.cols[j]]:
				b.WriteString(v)
			case st.always[t.cols[j]]:
				b.WriteString(`"` + strings.ReplaceAll(v, `"`, `""`) + `"`)
			default:
				b.WriteString(csvQuote(v, sep))
			}
		}
		lines++
	}
	if st.trailerNL && lines > 0 {
		b.WriteByte('\n')
	}
	return b.String()
}

// csvQuote quotes a CSV value the way REDCap does: when it holds a space, the separator, a quote,
// a tab or a line break.
func csvQuote(s string, sep byte) string {
	if !strings.ContainsAny(s, " \"\n\r\t"+string(sep)) {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func (t *table) xml(st xmlStyle) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<" + st.root + ">\n")
	item := st.item
	if item == "" {
		item = "item"
	}
	for _, r := range t.rows {
		b.WriteString("<" + item + ">")
		for j, c := range t.cols {
			b.WriteString("<" + c + ">")
			switch {
			case r[j].s == nullValue:
			case r[j].s == "" && st.emptyCDATA:
				b.WriteString("<![CDATA[]]>")
			case r[j].s == "":
			case st.noCDATA || st.plain[c]:
				b.WriteString(xmlEscape(r[j].s))
			default:
				b.WriteString("<![CDATA[" + strings.ReplaceAll(r[j].s, "]]>", "]]]]><![CDATA[>") + "]]>")
			}
			b.WriteString("</" + c + ">")
		}
		b.WriteString("</" + item + ">\n")
	}
	b.WriteString("</" + st.root + ">")
	if st.trailerNL {
		b.WriteByte('\n')
	}
	return b.String()
}
