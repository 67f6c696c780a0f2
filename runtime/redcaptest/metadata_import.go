package redcaptest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

const msgBadJSON = "The data being imported is not formatted correctly. PHP error from JSON decoder: Syntax error. The JSON must be in an array, as in [{ ... }]."

// importMetadata answers content=metadata, action=import. Like REDCap it maps each JSON object's
// values by position onto the 18 dictionary columns, whatever their keys, and normalises names.
func (st *state) importMetadata(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	if !p.has("data") {
		return st.exportMetadata(p)
	}
	if st.productionTime != "" {
		return errorAnswer(http.StatusBadRequest, ef, "This method cannot be used while the project is in Production status.")
	}
	var rows [][]string
	var err error
	if format == "csv" {
		rows, err = positionalCSV(p.get("data"))
	} else {
		rows, err = positionalJSON(p.get("data"))
	}
	if err != nil {
		return errorAnswer(http.StatusBadRequest, ef, msgBadJSON)
	}
	checked := make([]dictRow, len(rows))
	for i, r := range rows {
		cells := append([]string(nil), r...)
		for _, c := range []int{colName, colForm} {
			if c < len(cells) {
				cells[c] = dictionary.StoredName(strings.TrimSpace(cells[c]))
			}
		}
		if i == 0 && colType < len(cells) {
			// REDCap makes the first field, the record ID, a text field before checking.
			cells[colType] = "text"
		}
		checked[i] = dictRow{cells: cells, line: i + 2}
	}
	if msgs := checkDictionary(checked); len(msgs) > 0 {
		return errorAnswer(http.StatusBadRequest, ef, strings.Join(msgs, "\n"))
	}
	forms := buildForms(rows, st.proj.Forms)
	st.proj.Forms = forms
	st.rebuild()
	n := 0
	for _, f := range forms {
		n += len(f.Fields)
	}
	return okAnswer(format, itoa(n))
}

// positionalJSON reads an array of objects, keeping each object's values in key order.
func positionalJSON(data string) ([][]string, error) {
	dec := json.NewDecoder(strings.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil, errors.New("not an array")
	}
	var rows [][]string
	for dec.More() {
		if t, err := dec.Token(); err != nil || t != json.Delim('{') {
			return nil, errors.New("not an object")
		}
		var row []string
		for dec.More() {
			if _, err := dec.Token(); err != nil { // key
				return nil, fmt.Errorf("key: %w", err)
			}
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, fmt.Errorf("value: %w", err)
			}
			row = append(row, scalarText(v))
		}
		if _, err := dec.Token(); err != nil {
			return nil, fmt.Errorf("object end: %w", err)
		}
		rows = append(rows, row)
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("array end: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	return rows, nil
}

// scalarText renders a decoded JSON value as REDCap's PHP would: numbers as written, true as 1.
func scalarText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "1"
		}
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// positionalCSV reads a CSV dictionary, skipping its header row.
func positionalCSV(data string) ([][]string, error) {
	// Line breaks inside quoted cells are kept byte for byte (a lone CR, CRLF), as REDCap stores them.
	var all [][]string
	for _, r := range lenientCSV(strings.TrimPrefix(data, "\ufeff")) {
		if len(r) == 1 && r[0] == "" {
			continue
		}
		all = append(all, r)
	}
	if len(all) == 0 {
		return nil, nil
	}
	return all[1:], nil
}

// buildForms turns positional dictionary rows into forms, keeping labels of existing forms.
func buildForms(rows [][]string, old []*dictionary.Form) []*dictionary.Form {
	labels := map[string]string{}
	for _, f := range old {
		labels[f.Name] = f.Label
	}
	var forms []*dictionary.Form
	byName := map[string]*dictionary.Form{}
	for i, r := range rows {
		col := func(k int) string {
			if k < len(r) {
				return r[k]
			}
			return ""
		}
		f := &dictionary.Field{
			Name:           dictionary.StoredName(strings.TrimSpace(col(0))),
			Form:           dictionary.StoredName(strings.TrimSpace(col(1))),
			SectionHeader:  col(2),
			Type:           dictionary.FieldType(col(3)),
			Label:          col(4),
			ChoicesRaw:     col(5),
			Note:           col(6),
			Validation:     strings.ToLower(col(7)),
			Min:            col(8),
			Max:            col(9),
			Identifier:     strings.EqualFold(col(10), "y"),
			Branching:      col(11),
			Required:       strings.EqualFold(col(12), "y"),
			Alignment:      col(13),
			QuestionNumber: col(14),
			MatrixGroup:    col(15),
			MatrixRanking:  strings.EqualFold(col(16), "y"),
			Annotation:     col(17),
			Location:       fmt.Sprintf("metadata import: element %d", i+1),
		}
		if i == 0 {
			f.SectionHeader = ""
		}
		if f.Type == dictionary.TypeDescriptive {
			f.Required = false // REDCap drops "required" from descriptive fields
		}
		if !slices.Contains([]string{"", "RV", "RH", "LV", "LH"}, f.Alignment) {
			f.Alignment = ""
		}
		if f.Type == dictionary.TypeSlider {
			if f.Alignment == "" {
				f.Alignment = "RV"
			}
			if f.Validation != "number" {
				f.Validation = ""
			}
		}
		f.Min, f.Max = normaliseBound(f.Validation, f.Min), normaliseBound(f.Validation, f.Max)
		f.ActionTags = dictionary.ParseActionTags(f.Annotation)
		f.Choices = fieldChoices(f)
		fm := byName[f.Form]
		if fm == nil {
			fm = &dictionary.Form{Name: f.Form, Label: labels[f.Form]}
			byName[f.Form] = fm
			forms = append(forms, fm)
		}
		fm.Fields = append(fm.Fields, f)
	}
	return forms
}

// fieldChoices parses the choices of a field of a choice type.
func fieldChoices(f *dictionary.Field) []dictionary.Choice {
	switch f.Type {
	case dictionary.TypeYesNo, dictionary.TypeTrueFalse:
		return dictionary.FixedChoices(f.Type)
	case dictionary.TypeDropdown, dictionary.TypeRadio, dictionary.TypeCheckbox:
		ch, _, _ := dictionary.ParseChoices(f.ChoicesRaw)
		return ch
	}
	return nil
}
