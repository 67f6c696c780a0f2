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
	for _, sc := range pl.decodedScalars() {
		f.Add(emitScalarDecode(sc)).Line()
	}
}

// decodedScalars returns the runtime scalar types of the package's scalar fields, in a fixed
// order.
func (pl *plan) decodedScalars() []scalarType {
	used := map[scalarType]bool{}
	for _, fp := range pl.forms {
		for _, fd := range fp.fields {
			if fd.kind == kindScalar {
				used[fd.scalar] = true
			}
		}
	}
	var out []scalarType
	for _, sc := range []scalarType{scalarText, scalarInteger, scalarNumber, scalarDate, scalarDateTime, scalarTime, scalarMinSec, scalarFile} {
		if used[sc] {
			out = append(out, sc)
		}
	}
	return out
}

// scalarDecoder names the decoder of a runtime scalar type. Its prefix is not "decode" + a type:
// that is how enum decoders are named, and an enum type may be called Text or Date.
func scalarDecoder(sc scalarType) string { return "scalarDecode" + sc.typeName }

// emitScalarDecode emits the decoder every field of a runtime scalar type calls:
//
//	// scalarDecode<Type> decodes the text of a field of type redcap.<Type>. ...
//	func scalarDecode<Type>(raw string) redcap.Value[redcap.<Type>] // see emitOutOfLineDecoder
//
// Out of line for the same reason as the enum decoders: inlined into every field of every form,
// redcap.Decode made most of the compile time of projects with tens of thousands of fields.
func emitScalarDecode(sc scalarType) jen.Code {
	return emitOutOfLineDecoder(scalarDecoder(sc), "a field of type redcap."+sc.typeName,
		jen.Qual(runtimePath, sc.typeName), jen.Qual(runtimePath, sc.parseName))
}

// emitFormDecode emits:
//
//	// decode fills the instrument from its columns of row.
//	func (f *<Form>) decode(row *redcap.Row) {
//		vals := (*[<n>]string)(row.Values[<first>:<end>]) // the form's columns: one bounds check
//		f.Timestamp = redcap.Decode(vals[<i>], nil, redcap.ParseText) // survey-enabled forms
//		f.<Field> = scalarDecode<Type>(vals[<i>]) // see emitScalarDecode
//		f.<Choice> = decode<Enum>(vals[<i>])       // see emitEnumDecode
//		f.<Set>.cols = [<n>]string{vals[<i>], ...}
//		f.Complete = redcap.Decode(vals[<i>], nil, redcap.ParseFormStatus)
//	}
//
// Indexing an array pointer with constants needs no bounds checks: a form of a thousand fields
// compiles to straight-line code, several times faster than row.Get per column.
func (pl *plan) emitFormDecode(fp *formPlan) jen.Code {
	first, end := fp.columnSpan()
	get := func(col int) *jen.Statement { return jen.Id("vals").Index(jen.Lit(col - first)) }
	body := make([]jen.Code, 0, len(fp.fields)+3)
	body = append(body, columnsView(first, end))
	if fp.timestamp >= 0 {
		body = append(body, jen.Id("f").Dot(naming.SurveyTimestampField).Op("=").Qual(runtimePath, "Decode").
			Call(get(fp.timestamp), jen.Nil(), jen.Qual(runtimePath, scalarText.parseName)))
	}
	for _, fd := range fp.fields {
		target := jen.Id("f").Dot(fd.goName)
		switch fd.kind {
		case kindCheckbox:
			if from, to, ok := longSetSpan(fd); ok {
				body = append(body, target.Dot("cols").Op("=").Index(jen.Lit(len(fd.cols))).String().
					Call(jen.Id("vals").Index(jen.Lit(from-first), jen.Lit(to-first))))
				continue
			}
			vals := make([]jen.Code, len(fd.cols))
			for i, c := range fd.cols {
				vals[i] = get(c)
			}
			body = append(body, target.Dot("cols").Op("=").Index(jen.Lit(len(fd.cols))).String().Values(vals...))
		case kindEnum:
			body = append(body, target.Op("=").Id("decode"+pl.enumType(fd)).Call(get(fd.col)))
		default:
			body = append(body, target.Op("=").Id(scalarDecoder(fd.scalar)).Call(get(fd.col)))
		}
	}
	body = append(body, jen.Id("f").Dot("Complete").Op("=").Qual(runtimePath, "Decode").
		Call(get(fp.complete), jen.Nil(), jen.Qual(runtimePath, scalarStatus.parseName)))
	return comment("decode fills the instrument from its columns of row.").Line().
		Func().Params(jen.Id("f").Op("*").Id(fp.goName)).Id("decode").Params(jen.Id("row").Op("*").Qual(runtimePath, "Row")).Block(body...)
}

// columnsView emits vals := (*[<end-first>]string)(row.Values[<first>:<end>]).
func columnsView(first, end int) jen.Code {
	return jen.Id("vals").Op(":=").Parens(jen.Op("*").Index(jen.Lit(end - first)).String()).
		Call(jen.Id("row").Dot("Values").Index(jen.Lit(first), jen.Lit(end)))
}

// columnSpan returns the form's first column and one past its last: its survey timestamp,
// fields, checkbox columns and status column lie in between.
func (fp *formPlan) columnSpan() (first, end int) {
	var s indexSpan
	s.add(fp.complete)
	s.add(fp.timestamp)
	for _, fd := range fp.fields {
		if fd.kind == kindCheckbox {
			for _, c := range fd.cols {
				s.add(c)
			}
			continue
		}
		s.add(fd.col)
	}
	return s.first, s.end
}

// indexSpan is the smallest [first, end) holding every index added (0, 0 while empty);
// negative indices (-1: none) are skipped.
type indexSpan struct {
	first, end int
	any        bool
}

// add widens the span to hold i.
func (s *indexSpan) add(i int) {
	switch {
	case i < 0:
	case !s.any:
		s.first, s.end, s.any = i, i+1, true
	default:
		s.first, s.end = min(s.first, i), max(s.end, i+1)
	}
}

// emitFormEncode emits:
//
//	// encode writes the instrument's raw values into its columns of row (never the read-only
//	// <form>_timestamp).
//	func (f *<Form>) encode(row *redcap.Row) {
//		vals := (*[<n>]string)(row.Values[<first>:<end>])
//		vals[<i>] = f.<Field>.Raw()
//		vals[<i>] = f.<Set>.cols[<j>]
//		vals[<i>] = f.Complete.Raw()
//	}
func (pl *plan) emitFormEncode(fp *formPlan) jen.Code {
	first, end := fp.columnSpan()
	put := func(col int) *jen.Statement { return jen.Id("vals").Index(jen.Lit(col - first)).Op("=") }
	body := []jen.Code{columnsView(first, end)}
	for _, fd := range fp.fields {
		src := jen.Id("f").Dot(fd.goName)
		if fd.kind == kindCheckbox {
			if from, to, ok := longSetSpan(fd); ok {
				body = append(body, jen.Copy(jen.Id("vals").Index(jen.Lit(from-first), jen.Lit(to-first)), src.Clone().Dot("cols").Index(jen.Empty(), jen.Empty())))
				continue
			}
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
