package dictionary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// ReadAPIXML reads an API metadata export in XML (content=metadata, format=xml):
// <records><item><field_name>…</field_name>…</item>…</records>, values as text or CDATA, empty
// elements for empty values. Each <item> is one element for messages; unknown child elements are
// a warning.
func ReadAPIXML(name string, data []byte) (*Project, error) {
	if p := checkEmptyOrBinary(name, data); p != nil {
		return nil, p
	}
	c := &collector{file: name}
	rows, err := apiXMLRows(c, bytes.TrimPrefix(data, []byte(utf8BOM)))
	if err != nil {
		return nil, fileProblem(name, "malformed API XML: %v", err)
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	p, err := buildProject(name, FormatAPIXML, rows)
	if err != nil {
		return nil, err
	}
	p.Warnings = mergeWarnings(c.sortedWarnings(), p.Warnings)
	return p, nil
}

// apiXMLRows decodes every <item> below the root element.
func apiXMLRows(c *collector, data []byte) ([]rawField, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var rows []rawField
	depth := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return nil, errors.New("the document ends inside an element")
			}
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 && t.Name.Local != "records" {
				return nil, fmt.Errorf("root element is <%s>, want <records>", t.Name.Local)
			}
			if depth == 2 {
				if t.Name.Local != "item" {
					return nil, fmt.Errorf("element <%s> inside <records>, want <item>", t.Name.Local)
				}
				row, err := apiXMLItem(c, dec, len(rows)+1)
				if err != nil {
					return nil, fmt.Errorf("item %d: %w", len(rows)+1, err)
				}
				rows = append(rows, row)
				depth--
			}
		case xml.EndElement:
			depth--
		}
	}
}

// apiXMLItem reads the children of one <item> up to its end tag.
func apiXMLItem(c *collector, dec *xml.Decoder, element int) (rawField, error) {
	row := rawField{Element: element}
	var unknown []string
	for {
		tok, err := dec.Token()
		if err != nil {
			return row, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var text string
			if err := dec.DecodeElement(&text, &t); err != nil {
				return row, fmt.Errorf("<%s>: %w", t.Name.Local, err)
			}
			if col := row.column(t.Name.Local); col != nil {
				*col = text
			} else {
				unknown = append(unknown, t.Name.Local)
			}
		case xml.EndElement:
			if len(unknown) > 0 {
				slices.Sort(unknown)
				c.warnf(where{Element: element}, strings.TrimSpace(row.FieldName), "unknown elements ignored: %s", strings.Join(unknown, ", "))
			}
			return row, nil
		}
	}
}
