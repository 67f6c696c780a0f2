package emit

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// maxSwitchChoices is the longest choice list whose lookups are emitted as switch statements.
// Longer lists (dropdowns of drugs, sites or diagnoses run to thousands) are emitted as data: a
// table of codes and labels and an order index searched in O(log n). A switch of n cases costs
// the compiler far more than n table entries (a field of 10,000 choices as switches takes minutes
// and gigabytes to build), but it looks a code up several times faster than the binary search, so
// lists up to this length keep it.
const maxSwitchChoices = 256

// table reports whether the enum's lookups are a table (see maxSwitchChoices).
func (ep *enumPlan) table() bool { return len(ep.choices) > maxSwitchChoices }

// tableName returns the unexported name of one of the enum's tables: "<enum><suffix>" with a
// lower-case first letter.
func (ep *enumPlan) tableName(suffix string) string {
	r, n := utf8.DecodeRuneInString(ep.typ)
	return string(unicode.ToLower(r)) + ep.typ[n:] + suffix
}

// orderPerLine is how many positions one line of a choice order table holds.
const orderPerLine = 16

// emitEnumTable emits the tables of a long choice list and its lookup:
//
//	// <enum>Choices are the choices of <Enum> in dictionary order, and <enum>ChoiceOrder their
//	// positions in the order of their codes, for <enum>ChoiceIndex.
//	var (
//		<enum>Choices = [<n>]struct {
//			code  <Enum>
//			label string
//		}{
//			{"<code>", "<label>"},
//		}
//		<enum>ChoiceOrder = [<n>]int32{
//			<position>, <position>, ...
//		}
//	)
//
//	// <enum>ChoiceIndex returns the position of code in <enum>Choices, by binary search.
//	func <enum>ChoiceIndex(code string) (int, bool) {
//		lo, hi := 0, len(<enum>ChoiceOrder)
//		for lo < hi {
//			m := int(uint(lo+hi) >> 1)
//			if string(<enum>Choices[<enum>ChoiceOrder[m]].code) < code {
//				lo = m + 1
//			} else {
//				hi = m
//			}
//		}
//		if lo < len(<enum>ChoiceOrder) && string(<enum>Choices[<enum>ChoiceOrder[lo]].code) == code {
//			return int(<enum>ChoiceOrder[lo]), true
//		}
//		return 0, false
//	}
func emitEnumTable(ep *enumPlan) jen.Code {
	n := len(ep.choices)
	pairs := make([]jen.Code, 0, n+1)
	for _, c := range ep.choices {
		pairs = append(pairs, jen.Line().Values(jen.Lit(c.Code), jen.Lit(c.Label)))
	}
	pairs = append(pairs, jen.Line())
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(ep.choices[a].Code, ep.choices[b].Code) })
	positions := make([]jen.Code, 0, n+n/orderPerLine+1)
	for k, i := range order {
		if k%orderPerLine == 0 {
			positions = append(positions, jen.Line().Lit(i))
			continue
		}
		positions = append(positions, jen.Lit(i))
	}
	positions = append(positions, jen.Line())
	choicesName, orderName, indexName := ep.tableName("Choices"), ep.tableName("ChoiceOrder"), ep.tableName("ChoiceIndex")
	doc := choicesName + " are the choices of " + ep.typ + " in dictionary order, and " + orderName +
		" their positions in the order of their codes, for " + indexName + "."
	pair := jen.Struct(jen.Id("code").Id(ep.typ), jen.Id("label").String())
	vars := jen.Add(comment(doc)).Line().Var().Defs(
		jen.Id(choicesName).Op("=").Index(jen.Lit(n)).Add(pair).Values(pairs...),
		jen.Id(orderName).Op("=").Index(jen.Lit(n)).Int32().Values(positions...),
	)
	codeAt := func(i jen.Code) *jen.Statement {
		return jen.String().Call(jen.Id(choicesName).Index(jen.Id(orderName).Index(i)).Dot("code"))
	}
	index := comment(indexName+" returns the position of code in "+choicesName+" (codes are text: \"01\" is not \"1\"),\n"+
		"by binary search over "+orderName+".").Line().
		Func().Id(indexName).Params(jen.Id("code").String()).Params(jen.Int(), jen.Bool()).Block(
		jen.List(jen.Id("lo"), jen.Id("hi")).Op(":=").List(jen.Lit(0), jen.Len(jen.Id(orderName))),
		jen.For(jen.Id("lo").Op("<").Id("hi")).Block(
			jen.Id("m").Op(":=").Int().Call(jen.Uint().Call(jen.Id("lo").Op("+").Id("hi")).Op(">>").Lit(1)),
			jen.If(codeAt(jen.Id("m")).Op("<").Id("code")).Block(
				jen.Id("lo").Op("=").Id("m").Op("+").Lit(1),
			).Else().Block(
				jen.Id("hi").Op("=").Id("m"),
			),
		),
		jen.If(jen.Id("lo").Op("<").Len(jen.Id(orderName)).Op("&&").Add(codeAt(jen.Id("lo"))).Op("==").Id("code")).Block(
			jen.Return(jen.Int().Call(jen.Id(orderName).Index(jen.Id("lo"))), jen.True()),
		),
		jen.Return(jen.Lit(0), jen.False()),
	)
	return jen.Add(vars).Line().Line().Add(index)
}

// emitTableLabel emits Label for a long choice list:
//
//	func (c <Enum>) Label() string {
//		if i, ok := <enum>ChoiceIndex(string(c)); ok {
//			return <enum>Choices[i].label
//		}
//		return ""
//	}
func emitTableLabel(ep *enumPlan) []jen.Code {
	return []jen.Code{
		jen.If(jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Id(ep.tableName("ChoiceIndex")).Call(jen.String().Call(jen.Id("c"))), jen.Id("ok")).
			Block(jen.Return(jen.Id(ep.tableName("Choices")).Index(jen.Id("i")).Dot("label"))),
		jen.Return(jen.Lit("")),
	}
}

// emitTableParse emits the body of Parse<Enum> for a long choice list:
//
//	if i, ok := <enum>ChoiceIndex(code); ok {
//		return <enum>Choices[i].code, true
//	}
//	return "", false
func emitTableParse(ep *enumPlan) []jen.Code {
	return []jen.Code{
		jen.If(jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Id(ep.tableName("ChoiceIndex")).Call(jen.Id("code")), jen.Id("ok")).
			Block(jen.Return(jen.Id(ep.tableName("Choices")).Index(jen.Id("i")).Dot("code"), jen.True())),
		jen.Return(jen.Lit(""), jen.False()),
	}
}

// emitTableValues emits the body of <Enum>Values for a long choice list:
//
//	out := make([]<Enum>, len(<enum>Choices))
//	for i, c := range <enum>Choices {
//		out[i] = c.code
//	}
//	return out
func emitTableValues(ep *enumPlan) []jen.Code {
	table := ep.tableName("Choices")
	return []jen.Code{
		jen.Id("out").Op(":=").Make(jen.Index().Id(ep.typ), jen.Len(jen.Id(table))),
		jen.For(jen.List(jen.Id("i"), jen.Id("c")).Op(":=").Range().Id(table)).Block(
			jen.Id("out").Index(jen.Id("i")).Op("=").Id("c").Dot("code")),
		jen.Return(jen.Id("out")),
	}
}

// setColumnTable emits the body of a checkbox set's column method when its choices are a table
// (nil otherwise); the set's columns start with the choices, in the table's order:
//
//	return <enum>ChoiceIndex(string(c))
func setColumnTable(fd *fieldPlan) []jen.Code {
	if fd.choices == nil || !fd.choices.table() {
		return nil
	}
	return []jen.Code{jen.Return(jen.Id(fd.choices.tableName("ChoiceIndex")).Call(jen.String().Call(jen.Id("c"))))}
}

// setCheckedTable emits the loop of a checkbox set's Checked method when its choices are a table
// (nil otherwise):
//
//	for i, col := range s.cols[:<n>] {
//		if col == "1" {
//			out = append(out, <enum>Choices[i].code)
//		}
//	}
func setCheckedTable(fd *fieldPlan) jen.Code {
	if fd.choices == nil || !fd.choices.table() {
		return nil
	}
	return jen.For(jen.List(jen.Id("i"), jen.Id("col")).Op(":=").Range().Id("s").Dot("cols").Index(jen.Empty(), jen.Lit(fd.nChoices))).Block(
		jen.If(jen.Id("col").Op("==").Lit("1")).Block(
			jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id(fd.choices.tableName("Choices")).Index(jen.Id("i")).Dot("code"))))
}

// longSetSpan returns the layout columns [from, to) of a checkbox field of more than
// maxSwitchChoices choices whose columns are contiguous, so that the codec copies them as one
// slice instead of one statement per column; ok is false for other fields.
//
//	f.<Set>.cols = [<n>]string(vals[<from>:<to>])   // decode
//	copy(vals[<from>:<to>], f.<Set>.cols[:])        // encode
func longSetSpan(fd *fieldPlan) (from, to int, ok bool) {
	if fd.nChoices <= maxSwitchChoices || len(fd.cols) == 0 {
		return 0, 0, false
	}
	for i, c := range fd.cols {
		if c != fd.cols[0]+i {
			return 0, 0, false
		}
	}
	return fd.cols[0], fd.cols[0] + len(fd.cols), true
}
