package dictionary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// ReadProjectXML reads a REDCap project XML file (CDISC ODM 1.3.1 with redcap: extensions):
// the dictionary from FormDef/ItemGroupDef/ItemDef/CodeList, plus title, arms, events (in
// Protocol order), form-event mappings, repeating instruments and events, missing-data codes,
// DAGs and survey-enabled forms. ODM names are mapped to the API's (textarea → notes,
// select → dropdown, validation int → integer, float → number); a checkbox's per-choice items
// fold into one field; <form>_complete and survey pseudo items are not fields. Text is read as
// REDCap stores it when it creates a project from the file (see asREDCapReadsODM). ClinicalData is
// never read. Messages locate a field by its position in the dictionary ("element 7").
func ReadProjectXML(name string, data []byte) (*Project, error) {
	if p := checkEmptyOrBinary(name, data); p != nil {
		return nil, p
	}
	study, err := decodeODMStudy(asREDCapReadsODM(bytes.TrimPrefix(data, []byte(utf8BOM))))
	if err != nil {
		return nil, fileProblem(name, "malformed project XML: %v", err)
	}
	c := &collector{file: name}
	rows, surveyItems := odmRows(c, &study.Metadata)
	if err := c.err(); err != nil {
		return nil, err
	}
	p, err := buildProject(name, FormatProjectXML, rows)
	if err != nil {
		return nil, err
	}
	p.Lacks = 0
	odmDesign(c, p, study, surveyItems)
	checkDesign(c, p)
	if err := c.err(); err != nil {
		return nil, err
	}
	p.Warnings = mergeWarnings(c.sortedWarnings(), p.Warnings)
	return p, nil
}

// decodeODMStudy finds <ODM><Study> and decodes it, stopping there: ClinicalData, which may be
// large, is never read.
func decodeODMStudy(data []byte) (*odmStudy, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	sawODM := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if !sawODM {
				return nil, errors.New("no <ODM> root element")
			}
			return nil, errors.New("no <Study> element")
		}
		if err != nil {
			return nil, err
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case !sawODM && start.Name.Local != "ODM":
			return nil, fmt.Errorf("root element is <%s>, want <ODM>", start.Name.Local)
		case !sawODM:
			sawODM = true
		case start.Name.Local == "Study":
			var study odmStudy
			if err := dec.DecodeElement(&study, &start); err != nil {
				return nil, fmt.Errorf("<Study>: %w", err)
			}
			return &study, nil
		default:
			if err := dec.Skip(); err != nil {
				return nil, err
			}
		}
	}
}
