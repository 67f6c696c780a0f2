package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/redcapgen/redcapgen/generator/naming"
)

// emitRecordFile fills redcap_record_gen.go: the Record, its event structs (longitudinal
// projects) and the Record's small methods.
func (pl *plan) emitRecordFile(f *jen.File) {
	f.Add(pl.emitRecordStruct()).Line()
	if pl.longitudinal {
		for _, c := range pl.containers {
			f.Add(pl.emitEventStruct(c)).Line()
		}
	}
	f.Add(emitRecordSchema()).Line()
	f.Add(emitRecordID()).Line()
	f.Add(emitRecordAssertion()).Line()
}

// emitRecordStruct emits:
//
//	// Record is one record of project "<title>": its ID and every instrument (or event).
//	type Record struct {
//		ID  string // "<record id field>"
//		DAG string // redcap_data_access_group
//		SurveyIdentifier string // redcap_survey_identifier (projects with survey-enabled forms)
//		<Form> <Form>                      // non-repeating instrument
//		<Form> []redcap.Instance[<Form>]   // repeating instrument
//		<Event> *<Event>                   // longitudinal: nil when the record has no row there
//		<Event> []redcap.Instance[<Event>] // repeating event
//		present []bool // columns of the export the record was decoded from
//		mainRow bool   // the record was decoded from a row of its non-repeating forms
//		spare recordSpare // storage Recycle keeps for the next DecodeRows
//	}
func (pl *plan) emitRecordStruct() jen.Code {
	doc := recordType + " is one record of the project"
	if t := label(pl.p.Title); t != "" {
		doc += " " + quoteName(t)
	}
	doc += ": its ID and "
	if pl.longitudinal {
		doc += "its data per event (an event is nil when the record has no data there)."
	} else {
		doc += "every instrument."
	}
	doc += " A pointer to it implements redcap.Record, so redcap.Stream, ExportAll and Import use it without reflection." +
		" A record decoded from an export encodes back to the same columns and values"
	if pl.surveyCol >= 0 {
		doc += ", survey columns aside (read-only, never imported)"
	}
	doc += "."
	fields := []jen.Code{
		jen.Id("ID").String().Add(lineComment(quoteName(pl.recordID.Name) + ": the record ID (" + label(pl.recordID.Label) + ")")),
	}
	if pl.dagCol >= 0 {
		fields = append(fields, jen.Id("DAG").String().Add(lineComment("redcap_data_access_group: the unique name of the record's data access group")))
	}
	if pl.surveyCol >= 0 {
		fields = append(fields, jen.Id(naming.SurveyIdentifierField).String().
			Add(lineComment(colSurveyID+": the survey participant's identifier, when exported with survey fields; read-only, never imported")))
	}
	if pl.longitudinal {
		for _, c := range pl.containers {
			fields = append(fields, pl.emitEventField(c))
		}
	} else {
		fields = append(fields, pl.containerFields(pl.containers[0])...)
	}
	fields = append(fields,
		jen.Line().Id("present").Index().Bool().Add(lineComment("columns of the export the record was decoded from; nil when built in code")),
	)
	if !pl.longitudinal {
		fields = append(fields, jen.Id("mainRow").Bool().Add(lineComment("decoded from a row of the non-repeating forms")))
	}
	fields = append(fields, jen.Id("spare").Id("recordSpare").Add(lineComment("storage Recycle keeps for the next DecodeRows")))
	return jen.Add(comment(doc)).Line().Type().Id(recordType).Struct(fields...)
}

// containerFields emits the form fields of a record or event:
//
//	<Form> <Form>                    // "<form>"
//	<Form> []redcap.Instance[<Form>] // "<form>", repeating
func (pl *plan) containerFields(c *container) []jen.Code {
	var fields []jen.Code
	for _, fp := range c.forms {
		fields = append(fields, jen.Id(fp.goName).Id(fp.goName).Add(lineComment("instrument "+quoteName(fp.form.Name))))
	}
	for _, fp := range c.repeats {
		fields = append(fields, jen.Id(fp.goName).Index().Qual(runtimePath, "Instance").Types(jen.Id(fp.goName)).
			Add(lineComment("repeating instrument "+quoteName(fp.form.Name)+", instances in export order")))
	}
	return fields
}

// emitEventField emits the Record's field of one event:
//
//	<Event> *<Event>                   // "<event>" (<label>)
//	<Event> []redcap.Instance[<Event>] // repeating event
func (pl *plan) emitEventField(c *container) jen.Code {
	text := "event " + quoteName(c.event.UniqueName) + " (" + label(c.event.Name) + ", arm " + label(itoa(c.event.Arm)) + ")"
	if c.repeatingEvent {
		return jen.Id(c.goName).Index().Qual(runtimePath, "Instance").Types(jen.Id(c.goName)).
			Add(lineComment(text + ", repeating: instances in export order"))
	}
	return jen.Id(c.goName).Op("*").Id(c.goName).Add(lineComment(text + "; nil when the record has no row there"))
}

// emitEventStruct emits the struct of one event:
//
//	// <Event> is REDCap event "<event>" (<name>) of arm <n>: the instruments designated for it.
//	type <Event> struct {
//		<Form> <Form>
//		mainRow bool
//	}
func (pl *plan) emitEventStruct(c *container) jen.Code {
	doc := c.goName + " is REDCap event " + quoteName(c.event.UniqueName) + " (" + label(c.event.Name) +
		") of arm " + itoa(c.event.Arm) + ": the instruments designated for it."
	if c.repeatingEvent {
		doc += "\nThe whole event repeats: a record holds its instances in order."
	}
	fields := pl.containerFields(c)
	fields = append(fields, jen.Line().Id("mainRow").Bool().Add(lineComment("decoded from the event's row of non-repeating forms")))
	return jen.Add(comment(doc)).Line().Type().Id(c.goName).Struct(fields...)
}

// emitRecordSchema emits:
//
//	// Schema describes the generated project: columns, field rules and design.
//	func (*Record) Schema() *redcap.Schema { return schema }
func emitRecordSchema() jen.Code {
	return comment("Schema describes the generated project: its columns, field rules and design.").Line().
		Func().Params(jen.Op("*").Id(recordType)).Id("Schema").Params().Op("*").Qual(runtimePath, "Schema").
		Block(jen.Return(jen.Id("schema")))
}

// emitRecordID emits:
//
//	// RecordID returns the record's ID.
//	func (r *Record) RecordID() string { return r.ID }
func emitRecordID() jen.Code {
	return comment("RecordID returns the record's ID.").Line().
		Func().Params(jen.Id("r").Op("*").Id(recordType)).Id("RecordID").Params().String().
		Block(jen.Return(jen.Id("r").Dot("ID")))
}

// emitRecordAssertion emits a compile-time check that *Record implements redcap.Record:
//
//	var _ redcap.Record = (*Record)(nil)
func emitRecordAssertion() jen.Code {
	return jen.Var().Id("_").Qual(runtimePath, "Record").Op("=").Parens(jen.Op("*").Id(recordType)).Call(jen.Nil())
}
