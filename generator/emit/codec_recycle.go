package emit

import "github.com/dave/jennifer/jen"

// emitRecordSpare emits the storage a recycled record keeps:
//
//	// recordSpare is the storage Recycle keeps for the next DecodeRows.
//	type recordSpare struct {
//		present []bool
//		<Event> *<Event> // longitudinal: each non-repeating event, zeroed
//	}
func (pl *plan) emitRecordSpare() jen.Code {
	fields := []jen.Code{jen.Id("present").Index().Bool()}
	for _, c := range pl.spareEvents() {
		fields = append(fields, jen.Id(c.goName).Op("*").Id(c.goName))
	}
	return comment("recordSpare is the storage Recycle keeps for the next DecodeRows: the remembered columns and\n" +
		"the (zeroed) events of the record recycled.").Line().
		Type().Id("recordSpare").Struct(fields...)
}

// emitRecordRecycle emits:
//
//	// Recycle empties the record and keeps its storage for the next DecodeRows. ...
//	func (r *Record) Recycle() {
//		spare := recordSpare{present: r.present[:0]}
//		if r.<Event> != nil {
//			*r.<Event> = <Event>{}
//			spare.<Event> = r.<Event>
//		}
//		*r = Record{spare: spare}
//	}
func (pl *plan) emitRecordRecycle() jen.Code {
	body := []jen.Code{
		jen.Id("spare").Op(":=").Id("recordSpare").Values(jen.Id("present").Op(":").Id("r").Dot("present").Index(jen.Empty(), jen.Lit(0))),
	}
	for _, c := range pl.spareEvents() {
		slot := jen.Id("r").Dot(c.goName)
		body = append(body, jen.If(slot.Clone().Op("!=").Nil()).Block(
			jen.Op("*").Add(slot.Clone()).Op("=").Id(c.goName).Values(),
			jen.Id("spare").Dot(c.goName).Op("=").Add(slot.Clone()),
		))
	}
	body = append(body, jen.Op("*").Id("r").Op("=").Id(recordType).Values(jen.Id("spare").Op(":").Id("spare")))
	return comment("Recycle empties the record and keeps its storage (the remembered columns" + pl.recycledEventsText() + ") for the " +
		"next DecodeRows, which refills it instead of allocating: redcap.ReadRecordsInto and Stream with " +
		"ExportOptions.ReuseRecord decode record after record this way. What was reached through the " +
		"record before (an event, a copy of the record) changes with that decode.").Line().
		Func().Params(jen.Id("r").Op("*").Id(recordType)).Id("Recycle").Params().Block(body...)
}

// spareEvents are the events a recycled record keeps: the non-repeating ones (pointers).
func (pl *plan) spareEvents() []*container {
	if !pl.longitudinal {
		return nil
	}
	var out []*container
	for _, c := range pl.containers {
		if !c.repeatingEvent {
			out = append(out, c)
		}
	}
	return out
}

// recycledEventsText names what Recycle keeps besides the remembered columns.
func (pl *plan) recycledEventsText() string {
	if len(pl.spareEvents()) == 0 {
		return ""
	}
	return " and its events, zeroed"
}
