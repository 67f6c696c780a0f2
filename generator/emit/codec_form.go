package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/redcapgen/redcapgen/generator/naming"
)

// emitCodecFile fills redcap_codec_gen.go: per instrument decode/encode, per record or event the
// row placement, and the Record's DecodeRows and EncodeRows. Column positions are fixed indices
// into the package layout; nothing uses reflection.
func (pl *plan) emitCodecFile(f *jen.File) {
	for _, fp := range pl.forms {
		f.Add(pl.emitFormDecode(fp)).Line()
		f.Add(pl.emitFormEncode(fp)).Line()
	}
	for _, c := range pl.containers {
		f.Add(pl.emitContainerDecodeRow(c)).Line()
		f.Add(pl.emitContainerEncodeRows(c)).Line()
	}
	if pl.longitudinal {
		f.Add(pl.emitRecordDecodeEvent()).Line()
	}
	f.Add(pl.emitRecordDecodeRows()).Line()
	f.Add(pl.emitRecordSpare()).Line()
	f.Add(pl.emitRecordRecycle()).Line()
	f.Add(pl.emitRecordEncodeRows()).Line()
	f.Add(pl.emitRecordNewRow()).Line()
}

// emitFormDecode emits:
//
//	// decode fills the instrument from its columns of row.
//	func (f *<Form>) decode(row *redcap.Row) {
//		f.Timestamp = redcap.Decode(row.Get(<i>), nil, redcap.ParseText) // survey-enabled forms
//		f.<Field> = redcap.Decode(row.Get(<i>), missingCodes, <parse>)
//		f.<Set>.cols = [<n>]string{row.Get(<i>), ...}
//		f.Complete = redcap.Decode(row.Get(<i>), nil, redcap.ParseFormStatus)
//	}
func (pl *plan) emitFormDecode(fp *formPlan) jen.Code {
	get := func(col int) *jen.Statement { return jen.Id("row").Dot("Get").Call(jen.Lit(col)) }
	body := make([]jen.Code, 0, len(fp.fields)+2)
	if fp.timestamp >= 0 {
		body = append(body, jen.Id("f").Dot(naming.SurveyTimestampField).Op("=").Qual(runtimePath, "Decode").
			Call(get(fp.timestamp), jen.Nil(), jen.Qual(runtimePath, scalarText.parseName)))
	}
	for _, fd := range fp.fields {
		target := jen.Id("f").Dot(fd.goName)
		switch fd.kind {
		case kindCheckbox:
			vals := make([]jen.Code, len(fd.cols))
			for i, c := range fd.cols {
				vals[i] = get(c)
			}
			body = append(body, target.Dot("cols").Op("=").Index(jen.Lit(len(fd.cols))).String().Values(vals...))
		case kindEnum:
			body = append(body, target.Op("=").Qual(runtimePath, "Decode").Call(get(fd.col), jen.Id("missingCodes"), jen.Id("Parse"+fd.enum)))
		default:
			body = append(body, target.Op("=").Qual(runtimePath, "Decode").Call(get(fd.col), jen.Id("missingCodes"), jen.Qual(runtimePath, fd.scalar.parseName)))
		}
	}
	body = append(body, jen.Id("f").Dot("Complete").Op("=").Qual(runtimePath, "Decode").
		Call(get(fp.complete), jen.Nil(), jen.Qual(runtimePath, scalarStatus.parseName)))
	return comment("decode fills the instrument from its columns of row.").Line().
		Func().Params(jen.Id("f").Op("*").Id(fp.goName)).Id("decode").Params(jen.Id("row").Op("*").Qual(runtimePath, "Row")).Block(body...)
}

// emitFormEncode emits:
//
//	// encode writes the instrument's raw values into its columns of row (never the read-only
//	// <form>_timestamp).
//	func (f *<Form>) encode(row *redcap.Row) {
//		row.Values[<i>] = f.<Field>.Raw()
//		row.Values[<i>] = f.<Set>.cols[<j>]
//		row.Values[<i>] = f.Complete.Raw()
//	}
func (pl *plan) emitFormEncode(fp *formPlan) jen.Code {
	put := func(col int) *jen.Statement { return jen.Id("row").Dot("Values").Index(jen.Lit(col)).Op("=") }
	var body []jen.Code
	for _, fd := range fp.fields {
		src := jen.Id("f").Dot(fd.goName)
		if fd.kind == kindCheckbox {
			for i, c := range fd.cols {
				body = append(body, put(c).Add(src.Clone().Dot("cols").Index(jen.Lit(i))))
			}
			continue
		}
		body = append(body, put(fd.col).Add(src.Dot("Raw").Call()))
	}
	body = append(body, put(fp.complete).Id("f").Dot("Complete").Dot("Raw").Call())
	return comment("encode writes the instrument's raw values into its columns of row.").Line().
		Func().Params(jen.Id("f").Op("*").Id(fp.goName)).Id("encode").Params(jen.Id("row").Op("*").Qual(runtimePath, "Row")).Block(body...)
}
