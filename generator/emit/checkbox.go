package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// checkboxes returns every checkbox field, in dictionary order.
func (pl *plan) checkboxes() []*fieldPlan {
	var out []*fieldPlan
	for _, fp := range pl.forms {
		for _, fd := range fp.fields {
			if fd.kind == kindCheckbox {
				out = append(out, fd)
			}
		}
	}
	return out
}

// planSets decides which checkbox fields share a set type: those with identical choices (codes
// and labels, in order) and identical missing-data code columns. The field whose REDCap name
// sorts first declares the type, the others are aliases of it: a set type costs the compiler ten
// methods, and projects repeat the same checkbox list hundreds or thousands of times.
func (pl *plan) planSets() {
	boxes := pl.checkboxes()
	keys := make([]string, len(boxes)) // choices and missing-code columns of each field
	owner := map[string]*fieldPlan{}
	for i, fd := range boxes {
		keys[i] = choiceListKey(fd.field.EffectiveChoices()) + "|" + strings.Join(fd.codes[fd.nChoices:], "\x00")
		if o, ok := owner[keys[i]]; !ok || fd.field.Name < o.field.Name {
			owner[keys[i]] = fd
		}
	}
	pl.setOwner = map[*fieldPlan]*fieldPlan{}
	for i, fd := range boxes {
		if o := owner[keys[i]]; o != fd {
			pl.setOwner[fd] = o
		}
	}
}

// emitCheckboxesFile fills redcap_checkboxes_gen.go: every checkbox field's set type, or its
// alias.
func (pl *plan) emitCheckboxesFile(f *jen.File) {
	for _, fd := range pl.checkboxes() {
		if o := pl.setOwner[fd]; o != nil {
			f.Add(pl.emitSetAlias(fd, o)).Line()
			continue
		}
		for _, code := range []jen.Code{
			pl.emitSetType(fd), emitSetColumn(fd), emitSetHas(fd), emitSetSet(fd), emitSetClear(fd),
			pl.emitSetChecked(fd), emitSetIsBlank(fd), emitSetMissingCode(fd), emitSetSetMissing(fd), emitSetRaw(fd),
		} {
			f.Add(code).Line()
		}
	}
}

// emitSetType emits:
//
//	// <Set> is checkbox field "<field>" (<label>): one raw value per export column ...
//	type <Set> struct {
//		cols [<n>]string
//	}
func (pl *plan) emitSetType(fd *fieldPlan) jen.Code {
	doc := fd.set + " is checkbox field " + quoteName(fd.field.Name)
	if l := label(fd.field.Label); l != "" {
		doc += " (" + l + ")"
	}
	doc += ". It keeps REDCap's raw value of each export column (\"1\" checked, \"0\" unchecked, \"\" blank)" +
		" so values round-trip unchanged. Columns: " + pl.columnList(fd.cols) + "."
	if len(fd.codes) > fd.nChoices {
		doc += "\nThe columns after the choices are the project's missing-data codes."
	}
	return jen.Add(comment(doc)).Line().Type().Id(fd.set).Struct(
		jen.Id("cols").Index(jen.Lit(len(fd.cols))).String(),
	)
}

// emitSetAlias emits:
//
//	// <Set> is checkbox field "<field>" (<label>): the same choices and missing-data code
//	// columns as "<owner>", so the same type. Columns: ...
//	type <Set> = <OwnerSet>
func (pl *plan) emitSetAlias(fd, owner *fieldPlan) jen.Code {
	doc := fd.set + " is checkbox field " + quoteName(fd.field.Name)
	if l := label(fd.field.Label); l != "" {
		doc += " (" + l + ")"
	}
	doc += ": the same choices and missing-data code columns as " + quoteName(owner.field.Name) +
		", so the same type. Columns: " + pl.columnList(fd.cols) + "."
	return jen.Add(comment(doc)).Line().Type().Id(fd.set).Op("=").Id(owner.set)
}

// maxListedColumns is how many checkbox columns a doc comment lists before it abbreviates.
const maxListedColumns = 8

// columnList names columns for a comment: all of them, or the first few, "…" and the last.
func (pl *plan) columnList(cols []int) string {
	names := make([]string, 0, min(len(cols), maxListedColumns+1))
	for i, c := range cols {
		if len(cols) > maxListedColumns+1 && i == maxListedColumns-1 {
			names = append(names, "…", pl.columns[cols[len(cols)-1]]+" ("+itoa(len(cols))+" columns)")
			break
		}
		names = append(names, pl.columns[c])
	}
	return strings.Join(names, ", ")
}

// emitSetColumn emits:
//
//	// column returns the position of choice c among the set's columns.
//	func (<Set>) column(c <Enum>) (int, bool) {
//		switch c {
//		case <Const>:
//			return <i>, true
//		}
//		return 0, false
//	}
func emitSetColumn(fd *fieldPlan) jen.Code {
	body := setColumnTable(fd)
	if body == nil {
		cases := make([]jen.Code, 0, fd.nChoices)
		for i := 0; i < fd.nChoices; i++ {
			cases = append(cases, jen.Case(jen.Id(fd.consts[i])).Return(jen.Lit(i), jen.True()))
		}
		body = []jen.Code{jen.Switch(jen.Id("c")).Block(cases...), jen.Return(jen.Lit(0), jen.False())}
	}
	return comment("column returns the position of choice c among the set's columns.").Line().
		Func().Params(jen.Id(fd.set)).Id("column").Params(jen.Id("c").Id(fd.enum)).Params(jen.Int(), jen.Bool()).
		Block(body...)
}

// emitSetHas emits:
//
//	// Has reports whether choice c is checked (its column holds "1").
//	func (s <Set>) Has(c <Enum>) bool { i, ok := s.column(c); return ok && s.cols[i] == "1" }
func emitSetHas(fd *fieldPlan) jen.Code {
	return comment(`Has reports whether choice c is checked (its column holds "1").`).Line().
		Func().Params(jen.Id("s").Id(fd.set)).Id("Has").Params(jen.Id("c").Id(fd.enum)).Bool().Block(
		jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Id("s").Dot("column").Call(jen.Id("c")),
		jen.Return(jen.Id("ok").Op("&&").Id("s").Dot("cols").Index(jen.Id("i")).Op("==").Lit("1")),
	)
}

// emitSetSet emits:
//
//	// Set checks choice c and clears any missing-data code; false when c is not a choice.
//	func (s *<Set>) Set(c <Enum>) bool { ... }
func emitSetSet(fd *fieldPlan) jen.Code {
	body := []jen.Code{
		jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Id("s").Dot("column").Call(jen.Id("c")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
		jen.Id("s").Dot("cols").Index(jen.Id("i")).Op("=").Lit("1"),
	}
	for i := fd.nChoices; i < len(fd.cols); i++ {
		col := jen.Id("s").Dot("cols").Index(jen.Lit(i))
		body = append(body, jen.If(col.Clone().Op("==").Lit("1")).Block(col.Clone().Op("=").Lit("0")))
	}
	body = append(body, jen.Return(jen.True()))
	return comment("Set checks choice c and unchecks any missing-data code column; it returns false, changing nothing, when c is not a choice.").Line().
		Func().Params(jen.Id("s").Op("*").Id(fd.set)).Id("Set").Params(jen.Id("c").Id(fd.enum)).Bool().Block(body...)
}

// emitSetClear emits:
//
//	// Clear unchecks choice c; false when c is not a choice.
//	func (s *<Set>) Clear(c <Enum>) bool { ... }
func emitSetClear(fd *fieldPlan) jen.Code {
	return comment(`Clear unchecks choice c (its column becomes "0"); it returns false, changing nothing, when c is not a choice.`).Line().
		Func().Params(jen.Id("s").Op("*").Id(fd.set)).Id("Clear").Params(jen.Id("c").Id(fd.enum)).Bool().Block(
		jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Id("s").Dot("column").Call(jen.Id("c")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
		jen.Id("s").Dot("cols").Index(jen.Id("i")).Op("=").Lit("0"),
		jen.Return(jen.True()),
	)
}

// emitSetChecked emits:
//
//	// Checked returns the checked choices in dictionary order.
//	func (s <Set>) Checked() []<Enum> { var out []<Enum>; if s.cols[0] == "1" { out = append(out, <Const>) }; ...; return out }
func (pl *plan) emitSetChecked(fd *fieldPlan) jen.Code {
	body := []jen.Code{jen.Var().Id("out").Index().Id(fd.enum)}
	if loop := setCheckedTable(fd); loop != nil {
		body = append(body, loop)
	} else {
		for i := 0; i < fd.nChoices; i++ {
			body = append(body, jen.If(jen.Id("s").Dot("cols").Index(jen.Lit(i)).Op("==").Lit("1")).Block(
				jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id(fd.consts[i]))))
		}
	}
	body = append(body, jen.Return(jen.Id("out")))
	return comment("Checked returns the checked choices in dictionary order.").Line().
		Func().Params(jen.Id("s").Id(fd.set)).Id("Checked").Params().Index().Id(fd.enum).Block(body...)
}

// emitSetIsBlank emits:
//
//	// IsBlank reports whether every column is blank.
//	func (s <Set>) IsBlank() bool { return s == <Set>{} }
func emitSetIsBlank(fd *fieldPlan) jen.Code {
	return comment(`IsBlank reports whether every column is blank ("").`).Line().
		Func().Params(jen.Id("s").Id(fd.set)).Id("IsBlank").Params().Bool().
		Block(jen.Return(jen.Id("s").Op("==").Id(fd.set).Values()))
}

// emitSetMissingCode emits:
//
//	// MissingCode returns the missing-data code whose column holds "1".
//	func (s <Set>) MissingCode() (string, bool) { switch { case s.cols[<i>] == "1": return "<code>", true }; return "", false }
func emitSetMissingCode(fd *fieldPlan) jen.Code {
	var body []jen.Code
	if len(fd.cols) > fd.nChoices {
		cases := make([]jen.Code, 0, len(fd.cols)-fd.nChoices)
		for i := fd.nChoices; i < len(fd.cols); i++ {
			cases = append(cases, jen.Case(jen.Id("s").Dot("cols").Index(jen.Lit(i)).Op("==").Lit("1")).
				Return(jen.Lit(fd.codes[i]), jen.True()))
		}
		body = append(body, jen.Switch().Block(cases...))
	}
	body = append(body, jen.Return(jen.Lit(""), jen.False()))
	return comment(`MissingCode returns the first missing-data code whose column holds "1".`).Line().
		Func().Params(jen.Id("s").Id(fd.set)).Id("MissingCode").Params().Params(jen.String(), jen.Bool()).Block(body...)
}

// emitSetSetMissing emits:
//
//	// SetMissing marks the field as missing with code: its column becomes "1", every other "0".
//	func (s *<Set>) SetMissing(code string) bool { ... }
func emitSetSetMissing(fd *fieldPlan) jen.Code {
	var body []jen.Code
	if len(fd.cols) > fd.nChoices {
		cases := make([]jen.Code, 0, len(fd.cols)-fd.nChoices+1)
		for i := fd.nChoices; i < len(fd.cols); i++ {
			cases = append(cases, jen.Case(jen.Lit(fd.codes[i])).Id("i").Op("=").Lit(i))
		}
		cases = append(cases, jen.Default().Return(jen.False()))
		body = append(body,
			jen.Var().Id("i").Int(),
			jen.Switch(jen.Id("code")).Block(cases...),
			jen.For(jen.Id("j").Op(":=").Range().Id("s").Dot("cols")).Block(
				jen.Id("s").Dot("cols").Index(jen.Id("j")).Op("=").Lit("0")),
			jen.Id("s").Dot("cols").Index(jen.Id("i")).Op("=").Lit("1"),
			jen.Return(jen.True()))
	} else {
		body = append(body, jen.Return(jen.False()))
	}
	return comment(`SetMissing marks the field missing with a project missing-data code: that code's column becomes "1" and every other column "0". It returns false, changing nothing, when the field has no column for code (no such project code, or @NOMISSING).`).Line().
		Func().Params(jen.Id("s").Op("*").Id(fd.set)).Id("SetMissing").Params(jen.Id("code").String()).Bool().Block(body...)
}

// emitSetRaw emits:
//
//	// Raw returns a copy of the raw column values, in column order.
//	func (s <Set>) Raw() []string { return append([]string(nil), s.cols[:]...) }
func emitSetRaw(fd *fieldPlan) jen.Code {
	return comment("Raw returns a copy of the raw value of every column, in export column order.").Line().
		Func().Params(jen.Id("s").Id(fd.set)).Id("Raw").Params().Index().String().
		Block(jen.Return(jen.Append(jen.Index().String().Call(jen.Nil()), jen.Id("s").Dot("cols").Index(jen.Empty(), jen.Empty()).Op("..."))))
}
