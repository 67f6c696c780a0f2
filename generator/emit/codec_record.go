package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/redcapgen/redcapgen/generator/naming"
)

// emitRecordDecodeEvent emits the event dispatch of a longitudinal record:
//
//	// decodeRow places one row into the event it names.
//	func (r *Record) decodeRow(row *redcap.Row) *redcap.RowError {
//		switch row.Get(<event col>) {
//		case "<event>":
//			if r.<Event> == nil { <take r.spare.<Event>, or a new event> }
//			return r.<Event>.decodeRow(row)
//		case "<repeating event>":
//			<parse instance, decode into a new instance>
//		}
//		return &redcap.RowError{Problem: "..."}
//	}
func (pl *plan) emitRecordDecodeEvent() jen.Code {
	var cases []jen.Code
	for _, c := range pl.containers {
		slot := jen.Id("r").Dot(c.goName)
		if !c.repeatingEvent {
			spare := jen.Id("r").Dot("spare").Dot(c.goName)
			cases = append(cases, jen.Case(jen.Lit(c.event.UniqueName)).Block(
				jen.If(slot.Clone().Op("==").Nil()).Block(
					jen.List(slot.Clone(), spare.Clone()).Op("=").List(spare.Clone(), jen.Nil()),
					jen.If(slot.Clone().Op("==").Nil()).Block(slot.Clone().Op("=").Op("&").Id(c.goName).Values()),
				),
				jen.Return(slot.Clone().Dot("decodeRow").Call(jen.Id("row"))),
			))
			continue
		}
		cases = append(cases, jen.Case(jen.Lit(c.event.UniqueName)).Block(
			jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Qual(implPath, "ParseInstance").Call(jen.Id("row").Dot("Get").Call(jen.Lit(pl.instanceCol))),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(rowError(
				kv("Problem", jen.Lit("redcap_repeat_instance of a repeating event is not a positive integer")),
			))),
			jen.Var().Id("e").Id(c.goName),
			jen.If(jen.Id("err").Op(":=").Id("e").Dot("decodeRow").Call(jen.Id("row")), jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id("err"))),
			slot.Clone().Op("=").Append(slot.Clone(), jen.Qual(runtimePath, "Instance").Types(jen.Id(c.goName)).Values(
				kv("Number", jen.Id("n")),
				kv("Data", jen.Id("e")),
			)),
			jen.Return(jen.Nil()),
		))
	}
	return comment("decodeRow places one row into the event it names; the caller has checked layout and record ID.").Line().
		Func().Params(jen.Id("r").Op("*").Id(recordType)).Id("decodeRow").
		Params(jen.Id("row").Op("*").Qual(runtimePath, "Row")).Op("*").Qual(runtimePath, "RowError").Block(
		jen.Switch(jen.Id("row").Dot("Get").Call(jen.Lit(pl.eventCol))).Block(cases...),
		jen.Return(rowError(kv("Problem", jen.Lit("redcap_event_name is not an event of this project")))),
	)
}

// emitRecordDecodeRows emits:
//
//	// DecodeRows fills the record from every flat row of one record, in export order.
//	func (r *Record) DecodeRows(rows []redcap.Row) error {
//		*r = Record{spare: r.spare} // storage kept by Recycle, used by this decode only
//		defer func() { r.spare = recordSpare{} }()
//		<no rows: error>
//		r.present, r.spare.present = r.spare.present, nil
//		for i := range rows {
//			<check layout, record ID, DAG, survey identifier; remember present columns except the
//			 read-only survey ones; r.decodeRow(row)>
//		}
//		return nil
//	}
func (pl *plan) emitRecordDecodeRows() jen.Code {
	idCol := jen.Lit(pl.columns[0])
	locate := []jen.Code{
		jen.Id("e").Dot("Record").Op(",").Id("e").Dot("Row").Op("=").Id("r").Dot("ID").Op(",").Id("i").Op("+").Lit(1),
	}
	if pl.eventCol >= 0 {
		locate = append(locate, jen.Id("e").Dot("Event").Op("=").Id("row").Dot("Get").Call(jen.Lit(pl.eventCol)))
	}
	if pl.instrCol >= 0 {
		locate = append(locate, jen.Id("e").Dot("RepeatInstrument").Op(",").Id("e").Dot("Instance").Op("=").
			Id("row").Dot("Get").Call(jen.Lit(pl.instrCol)).Op(",").Id("row").Dot("Get").Call(jen.Lit(pl.instanceCol)))
	}
	locate = append(locate, jen.Return(jen.Id("e")))
	loop := []jen.Code{
		jen.Id("row").Op(":=").Op("&").Id("rows").Index(jen.Id("i")),
		jen.If(jen.Id("err").Op(":=").Qual(implPath, "CheckLayout").Call(jen.Id("row"), jen.Id("layout")), jen.Id("err").Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("row %d: %w"), jen.Id("i").Op("+").Lit(1), jen.Id("err")))),
		jen.If(jen.Op("!").Id("row").Dot("Has").Call(jen.Lit(0)).Op("||").Id("row").Dot("Get").Call(jen.Lit(0)).Op("==").Lit("")).Block(
			jen.Return(rowError(
				kv("Record", jen.Id("r").Dot("ID")),
				kv("Row", jen.Id("i").Op("+").Lit(1)),
				kv("Column", idCol.Clone()),
				kv("Problem", jen.Lit("the row has no record ID: always export the record ID field")),
			))),
		jen.If(jen.Id("i").Op("==").Lit(0)).Block(
			jen.Id("r").Dot("ID").Op("=").Id("row").Dot("Get").Call(jen.Lit(0)),
		).Else().If(jen.Id("row").Dot("Get").Call(jen.Lit(0)).Op("!=").Id("r").Dot("ID")).Block(
			jen.Return(rowError(
				kv("Record", jen.Id("r").Dot("ID")),
				kv("Row", jen.Id("i").Op("+").Lit(1)),
				kv("Column", idCol.Clone()),
				kv("Problem", jen.Lit("the row belongs to another record")),
			))),
	}
	if pl.dagCol >= 0 {
		loop = append(loop, jen.If(jen.Id("dag").Op(":=").Id("row").Dot("Get").Call(jen.Lit(pl.dagCol)), jen.Id("dag").Op("!=").Lit("")).Block(
			jen.If(jen.Id("r").Dot("DAG").Op("!=").Lit("").Op("&&").Id("r").Dot("DAG").Op("!=").Id("dag")).Block(
				jen.Return(rowError(
					kv("Record", jen.Id("r").Dot("ID")),
					kv("Row", jen.Id("i").Op("+").Lit(1)),
					kv("Column", jen.Lit(colDAG)),
					kv("Problem", jen.Lit("the record's rows name different data access groups")),
				))),
			jen.Id("r").Dot("DAG").Op("=").Id("dag"),
		))
	}
	if pl.surveyCol >= 0 {
		loop = append(loop, jen.If(jen.Id("id").Op(":=").Id("row").Dot("Get").Call(jen.Lit(pl.surveyCol)), jen.Id("id").Op("!=").Lit("")).Block(
			jen.Id("r").Dot(naming.SurveyIdentifierField).Op("=").Id("id"),
		))
	}
	loop = append(loop,
		jen.Id("r").Dot("present").Op("=").Qual(implPath, "MergePresent").Call(jen.Id("r").Dot("present"), jen.Id("row")),
	)
	// Survey columns are read-only: EncodeRows never sends them, so they are not remembered.
	for _, col := range pl.readOnlyColumns() {
		loop = append(loop, jen.Id("r").Dot("present").Index(jen.Lit(col)).Op("=").False())
	}
	loop = append(loop,
		jen.If(jen.Id("e").Op(":=").Id("r").Dot("decodeRow").Call(jen.Id("row")), jen.Id("e").Op("!=").Nil()).Block(locate...),
	)
	doc := "DecodeRows fills the record from every flat row of one record, in export order. It remembers the\n" +
		"columns the rows carried so that EncodeRows gives them back unchanged. A row that does not fit\n" +
		"the project (another record, an unknown event or repeating instrument, a value where its\n" +
		"instrument does not belong) is a *redcap.RowError naming record, row and column. It refills the\n" +
		"storage Recycle kept, and allocates anew otherwise."
	if pl.surveyCol >= 0 {
		doc += "\nSurvey columns (" + colSurveyID + " and each survey form's timestamp) are decoded but never given back:\nan import does not send them."
	}
	return comment(doc).Line().
		Func().Params(jen.Id("r").Op("*").Id(recordType)).Id("DecodeRows").Params(jen.Id("rows").Index().Qual(runtimePath, "Row")).Error().Block(
		jen.Op("*").Id("r").Op("=").Id(recordType).Values(jen.Id("spare").Op(":").Id("r").Dot("spare")),
		jen.Defer().Func().Params().Block(jen.Id("r").Dot("spare").Op("=").Id("recordSpare").Values()).Call(),
		jen.If(jen.Len(jen.Id("rows")).Op("==").Lit(0)).Block(
			jen.Return(jen.Qual("errors", "New").Call(jen.Lit("DecodeRows: no rows to decode")))),
		jen.List(jen.Id("r").Dot("present"), jen.Id("r").Dot("spare").Dot("present")).Op("=").List(jen.Id("r").Dot("spare").Dot("present"), jen.Nil()),
		jen.For(jen.Id("i").Op(":=").Range().Id("rows")).Block(loop...),
		jen.Return(jen.Nil()),
	)
}

// emitRecordEncodeRows emits:
//
//	// EncodeRows appends the record's rows for import.
//	func (r *Record) EncodeRows(dst []redcap.Row) ([]redcap.Row, error) {
//		if r.ID == "" { return dst, errors.New("...") }
//		return r.encodeRows(dst)               // classic
//		<per event: dst, err = r.<Event>.encodeRows(r, "", dst) ...> // longitudinal
//	}
func (pl *plan) emitRecordEncodeRows() jen.Code {
	body := []jen.Code{
		jen.If(jen.Id("r").Dot("ID").Op("==").Lit("")).Block(
			jen.Return(jen.Id("dst"), jen.Qual("errors", "New").Call(jen.Lit("EncodeRows: the record has no ID: set Record.ID")))),
	}
	if !pl.longitudinal {
		body = append(body, jen.Return(jen.Id("r").Dot("encodeRows").Call(jen.Id("dst"))))
	} else {
		body = append(body, jen.Var().Id("err").Error())
		for _, c := range pl.containers {
			slot := jen.Id("r").Dot(c.goName)
			if !c.repeatingEvent {
				body = append(body, jen.If(slot.Clone().Op("!=").Nil()).Block(
					jen.If(jen.List(jen.Id("dst"), jen.Id("err")).Op("=").Add(slot.Clone()).Dot("encodeRows").Call(jen.Id("r"), jen.Lit(""), jen.Id("dst")),
						jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id("dst"), jen.Id("err")))))
				continue
			}
			number := jen.Qual(implPath, "FormatInstance").Call(jen.Id("inst").Dot("Number"))
			body = append(body, jen.For(jen.Id("i").Op(":=").Range().Add(slot.Clone())).Block(
				jen.Id("inst").Op(":=").Op("&").Add(slot.Clone()).Index(jen.Id("i")),
				jen.If(jen.Id("inst").Dot("Number").Op("<").Lit(0)).Block(jen.Return(jen.Id("dst"), rowError(
					kv("Record", jen.Id("r").Dot("ID")),
					kv("Event", jen.Lit(c.event.UniqueName)),
					kv("Instance", number.Clone()),
					kv("Problem", jen.Lit(negativeInstanceProblem)),
				))),
				jen.If(jen.List(jen.Id("dst"), jen.Id("err")).Op("=").Id("inst").Dot("Data").Dot("encodeRows").Call(jen.Id("r"), number, jen.Id("dst")),
					jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id("dst"), jen.Id("err"))),
			))
		}
		body = append(body, jen.Return(jen.Id("dst"), jen.Nil()))
	}
	return comment("EncodeRows appends the record's rows for import. A decoded record gives back the columns it was\n"+
		"decoded from (plus any column given a value since); a record built in code carries every\n"+
		"column of each row's instruments.").Line().
		Func().Params(jen.Id("r").Op("*").Id(recordType)).Id("EncodeRows").Params(jen.Id("dst").Index().Qual(runtimePath, "Row")).
		Params(jen.Index().Qual(runtimePath, "Row"), jen.Error()).Block(body...)
}

// emitRecordNewRow emits:
//
//	// newRow starts a row of the record: ID, event, repeat columns and DAG.
//	func (r *Record) newRow(dst []redcap.Row, event, instrument, instance string) redcap.Row {
//		row := redcapimpl.NextRow(dst, layout)
//		row.Values[0] = r.ID
//		...
//		return row
//	}
func (pl *plan) emitRecordNewRow() jen.Code {
	set := func(col int, v jen.Code) jen.Code {
		return jen.Id("row").Dot("Values").Index(jen.Lit(col)).Op("=").Add(v)
	}
	body := []jen.Code{
		jen.Id("row").Op(":=").Qual(implPath, "NextRow").Call(jen.Id("dst"), jen.Id("layout")),
		set(0, jen.Id("r").Dot("ID")),
	}
	if pl.eventCol >= 0 {
		body = append(body, set(pl.eventCol, jen.Id("event")))
	}
	if pl.instrCol >= 0 {
		body = append(body, set(pl.instrCol, jen.Id("instrument")), set(pl.instanceCol, jen.Id("instance")))
	}
	if pl.dagCol >= 0 {
		body = append(body, set(pl.dagCol, jen.Id("r").Dot("DAG")))
	}
	body = append(body, jen.Return(jen.Id("row")))
	return comment("newRow starts a row of the record, to append to dst (whose spare capacity it may reuse): record ID, event, repeat columns and data access group.").Line().
		Func().Params(jen.Id("r").Op("*").Id(recordType)).Id("newRow").
		Params(jen.Id("dst").Index().Qual(runtimePath, "Row"), jen.List(jen.Id("event"), jen.Id("instrument"), jen.Id("instance")).String()).Qual(runtimePath, "Row").Block(body...)
}
