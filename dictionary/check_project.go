package dictionary

import (
	"strings"
)

// checkProject runs the checks that need the whole dictionary: duplicate names, names that
// clash with form-status columns, matrix groups whose choices differ, and export columns that
// collide. at gives each field's location.
func checkProject(c *collector, p *Project, at map[*Field]where) {
	checkDuplicateFields(c, p, at)
	checkCompleteNames(c, p, at)
	checkMatrixGroups(c, p, at)
	checkColumnCollisions(c, p, at)
	checkLogicReferences(c, p, at)
}

// checkDuplicateFields reports a field name used twice; names that differ only in case count,
// since REDCap lower-cases them.
func checkDuplicateFields(c *collector, p *Project, at map[*Field]where) {
	first := make(map[string]*Field)
	for _, f := range p.Fields() {
		if f.Name == "" {
			continue
		}
		key := strings.ToLower(f.Name)
		prev, dup := first[key]
		if !dup {
			first[key] = f
			continue
		}
		if prev.Name == f.Name {
			c.errorf(at[f], f.Name, "field name is used twice (first at %s)", prev.Location)
		} else {
			c.errorf(at[f], f.Name, "field name differs from %q (at %s) only in case; REDCap lower-cases both", prev.Name, prev.Location)
		}
	}
}

// checkCompleteNames reports a field called <form>_complete for a form of the project.
func checkCompleteNames(c *collector, p *Project, at map[*Field]where) {
	for _, f := range p.Fields() {
		form, isComplete := strings.CutSuffix(strings.ToLower(f.Name), "_complete")
		if !isComplete {
			continue
		}
		if _, ok := p.Form(form); ok {
			c.errorf(at[f], f.Name, "field name is the form-status column of form %q; rename the field", form)
		}
	}
}

// checkMatrixGroups warns about matrix groups whose fields do not share one choice list.
func checkMatrixGroups(c *collector, p *Project, at map[*Field]where) {
	first := make(map[string]*Field)
	for _, f := range p.Fields() {
		if f.MatrixGroup == "" || !choiceFieldType(f.Type) {
			continue
		}
		prev, seen := first[f.MatrixGroup]
		if !seen {
			first[f.MatrixGroup] = f
			continue
		}
		if !sameChoices(prev.Choices, f.Choices) {
			// REDCap refuses this on dictionary upload; each field keeps its own choices here.
			c.warnf(at[f], f.Name, "matrix group %q needs the same choices in every field (REDCap refuses this on upload): %q has %q, this field has %q",
				f.MatrixGroup, prev.Name, prev.ChoicesRaw, f.ChoicesRaw)
		}
	}
}

// sameChoices reports whether two choice lists have the same codes and labels in the same order.
func sameChoices(a, b []Choice) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkColumnCollisions reports two fields whose export columns coincide, e.g. a text field
// "race___1" next to checkbox "race" with code 1, or a field named like a form's status column.
func checkColumnCollisions(c *collector, p *Project, at map[*Field]where) {
	owner := make(map[string]*Field)
	for _, f := range p.Fields() {
		for _, col := range p.FieldColumns(f) {
			col = strings.ToLower(col)
			prev, dup := owner[col]
			if !dup {
				owner[col] = f
				continue
			}
			if prev != f && strings.ToLower(prev.Name) != strings.ToLower(f.Name) {
				c.errorf(at[f], f.Name, "export column %q is also a column of field %q (at %s)", col, prev.Name, prev.Location)
			}
		}
	}
}
