package redcaptest

import (
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// writeItemDef writes one <ItemDef>: REDCap's attributes in its order, the label, the code list
// reference and the soft range checks of min and max.
func (st *state) writeItemDef(b *strings.Builder, it odmItem) {
	fl := it.field
	if fl == nil {
		st.writeSpecialItemDef(b, it)
		return
	}
	dataType, length := odmDataType(fl)
	b.WriteString("\t<ItemDef OID=\"" + odmAttr(it.oid) + "\" Name=\"" + odmAttr(it.oid) + "\" DataType=\"" + dataType + "\" Length=\"" + length + "\"")
	if fl.Type == dictionary.TypeText && fl.Validation == "number" {
		b.WriteString(` SignificantDigits="1"`)
	}
	attr := func(name, value string) {
		b.WriteString(" redcap:" + name + "=\"" + odmAttr(value) + "\"")
	}
	attr("Variable", fl.Name)
	attr("FieldType", odmXMLFieldType(fl.Type))
	if v := odmXMLValidation(fl); v != "" {
		attr("TextValidationType", v)
	}
	if fl.Type == dictionary.TypeText && fl.ChoicesRaw != "" {
		attr("OntologySearch", fl.ChoicesRaw)
	}
	if fl.MatrixRanking {
		attr("MatrixRanking", "y")
	}
	if fl.Note != "" {
		attr("FieldNote", fl.Note)
	}
	if fl.Type == dictionary.TypeSlider {
		attr("SliderLabels", fl.ChoicesRaw)
	}
	if fl.Branching != "" {
		attr("BranchingLogic", fl.Branching)
	}
	if fl.SectionHeader != "" {
		attr("SectionHeader", fl.SectionHeader)
	}
	if fl.Identifier {
		attr("Identifier", "y")
	}
	if fl.Type == dictionary.TypeCalc {
		attr("Calculation", fl.ChoicesRaw)
	}
	if fl.Required {
		attr("RequiredField", "y")
	}
	// A slider's alignment RV is REDCap's default, which the dictionary export shows and the
	// project XML leaves out.
	if fl.Alignment != "" && !(fl.Type == dictionary.TypeSlider && fl.Alignment == "RV") {
		attr("CustomAlignment", fl.Alignment)
	}
	if fl.MatrixGroup != "" {
		attr("MatrixGroupName", fl.MatrixGroup)
	}
	if fl.Annotation != "" {
		attr("FieldAnnotation", fl.Annotation)
	}
	if fl.QuestionNumber != "" {
		attr("QuestionNumber", fl.QuestionNumber)
	}
	b.WriteString(">\n\t\t<Question><TranslatedText>" + odmAttr(fl.Label) + "</TranslatedText></Question>\n")
	if it.codes {
		b.WriteString("\t\t<CodeListRef CodeListOID=\"" + odmAttr(it.oid) + ".choices\"/>\n")
	}
	writeRangeChecks(b, fl)
	b.WriteString("\t</ItemDef>\n")
}

// writeSpecialItemDef writes the ItemDef of a form status or a survey column.
func (st *state) writeSpecialItemDef(b *strings.Builder, it odmItem) {
	head := "\t<ItemDef OID=\"" + odmAttr(it.oid) + "\" Name=\"" + odmAttr(it.oid) + "\" DataType=\""
	switch {
	case it.codes: // form status
		b.WriteString(head + "text\" Length=\"1\" redcap:Variable=\"" + odmAttr(it.variable) + "\" redcap:FieldType=\"select\" redcap:SectionHeader=\"Form Status\">\n")
		b.WriteString("\t\t<Question><TranslatedText>Complete?</TranslatedText></Question>\n")
		b.WriteString("\t\t<CodeListRef CodeListOID=\"" + odmAttr(it.oid) + ".choices\"/>\n")
	case it.oid == "redcap_data_access_group":
		b.WriteString(head + "text\" Length=\"999\" redcap:Variable=\"" + odmAttr(it.variable) + "\">\n")
		b.WriteString("\t\t<Question><TranslatedText>Data Access Group</TranslatedText></Question>\n")
	case it.oid == "redcap_survey_identifier":
		b.WriteString(head + "text\" Length=\"999\" redcap:Variable=\"" + odmAttr(it.variable) + "\">\n")
		b.WriteString("\t\t<Question><TranslatedText>Survey Identifier</TranslatedText></Question>\n")
	default: // survey timestamp
		b.WriteString(head + "datetime\" Length=\"999\" redcap:Variable=\"" + odmAttr(it.variable) + "\">\n")
		b.WriteString("\t\t<Question><TranslatedText>Survey Timestamp</TranslatedText></Question>\n")
	}
	b.WriteString("\t</ItemDef>\n")
}

// writeRangeChecks writes the soft range checks of a field's min and max.
func writeRangeChecks(b *strings.Builder, fl *dictionary.Field) {
	if fl.Min == "" && fl.Max == "" {
		return
	}
	lo, hi := fl.Min, fl.Max
	if lo == "" {
		lo = "no limit"
	}
	if hi == "" {
		hi = "no limit"
	}
	msg := "The value you provided is outside the suggested range (" + lo + " - " + hi + "). This value is admissible, but you may wish to double check it."
	check := func(comparator, value string) {
		b.WriteString("\t\t<RangeCheck Comparator=\"" + comparator + "\" SoftHard=\"Soft\">\n")
		b.WriteString("\t\t\t<CheckValue>" + odmAttr(value) + "</CheckValue>\n")
		b.WriteString("\t\t\t<ErrorMessage><TranslatedText>" + odmAttr(msg) + "</TranslatedText></ErrorMessage>\n")
		b.WriteString("\t\t</RangeCheck>\n")
	}
	if fl.Min != "" {
		check("GE", fl.Min)
	}
	if fl.Max != "" {
		check("LE", fl.Max)
	}
}

// writeCodeList writes the <CodeList> of a choice item, yes/no, true/false, checkbox column or
// form status.
func (st *state) writeCodeList(b *strings.Builder, it odmItem) {
	type entry struct{ code, label string }
	var entries []entry
	dataType, extra := "text", ""
	fl := it.field
	switch {
	case fl == nil:
		entries = []entry{{"0", "Incomplete"}, {"1", "Unverified"}, {"2", "Complete"}}
	case fl.Type == dictionary.TypeCheckbox:
		dataType = "boolean"
		extra = " redcap:CheckboxChoices=\"" + odmAttr(fl.ChoicesRaw) + "\""
		entries = []entry{{"1", "Checked"}, {"0", "Unchecked"}}
	case fl.Type == dictionary.TypeYesNo, fl.Type == dictionary.TypeTrueFalse:
		dataType = "boolean"
		for _, c := range dictionary.FixedChoices(fl.Type) {
			entries = append(entries, entry{c.Code, c.Label})
		}
	default:
		for _, c := range fl.Choices {
			entries = append(entries, entry{c.Code, c.Label})
		}
	}
	b.WriteString("\t<CodeList OID=\"" + odmAttr(it.oid) + ".choices\" Name=\"" + odmAttr(it.oid) + "\" DataType=\"" + dataType + "\" redcap:Variable=\"" + odmAttr(it.variable) + "\"" + extra + ">\n")
	for _, e := range entries {
		b.WriteString("\t\t<CodeListItem CodedValue=\"" + odmAttr(e.code) + "\"><Decode><TranslatedText>" + odmAttr(e.label) + "</TranslatedText></Decode></CodeListItem>\n")
	}
	b.WriteString("\t</CodeList>\n")
}

// odmXMLFieldType is the project XML's name of a field type (notes → textarea, dropdown → select).
func odmXMLFieldType(t dictionary.FieldType) string {
	switch t {
	case dictionary.TypeNotes:
		return "textarea"
	case dictionary.TypeDropdown:
		return "select"
	}
	return string(t)
}

// odmXMLValidation is the project XML's name of a field's validation: integer and number of text
// fields are int and float there.
func odmXMLValidation(fl *dictionary.Field) string {
	if fl.Type != dictionary.TypeText {
		return fl.Validation
	}
	switch fl.Validation {
	case "integer":
		return "int"
	case "number":
		return "float"
	}
	return fl.Validation
}

// odmDataType is the ODM DataType and Length of a field's items.
func odmDataType(fl *dictionary.Field) (string, string) {
	switch fl.Type {
	case dictionary.TypeCheckbox, dictionary.TypeYesNo, dictionary.TypeTrueFalse:
		return "boolean", "1"
	case dictionary.TypeCalc:
		return "float", "999"
	case dictionary.TypeSlider:
		return "integer", "999"
	case dictionary.TypeSQL:
		return "text", "1"
	case dictionary.TypeRadio, dictionary.TypeDropdown:
		n := 1
		for _, c := range fl.Choices {
			n = max(n, len(c.Code))
		}
		return "text", itoa(n)
	case dictionary.TypeText:
		return odmTextDataType(fl.Validation), "999"
	}
	return "text", "999"
}

// odmTextDataType is the ODM DataType of a text field with the validation.
func odmTextDataType(v string) string {
	switch {
	case strings.HasPrefix(v, "date_"):
		return "date"
	case strings.HasPrefix(v, "datetime_seconds_"):
		return "datetime"
	case strings.HasPrefix(v, "datetime_"):
		return "partialDatetime"
	case v == "time":
		return "partialTime"
	case v == "integer":
		return "integer"
	case v == "number" || strings.HasPrefix(v, "number_") && strings.HasSuffix(v, "dp"):
		return "float"
	}
	return "text"
}
