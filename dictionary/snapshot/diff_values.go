package snapshot

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/redcapgen/redcapgen/dictionary"
)

// diffRange compares min and max. Widening a range (or removing a bound) is compatible;
// narrowing it, adding a bound, or changing one that cannot be ordered (today, a field
// reference, a non-ISO date) is breaking: existing values may fall outside.
func diffRange(o, n *dictionary.Field, form string) []Change {
	var changes []Change
	for _, b := range []struct {
		what     string
		old, new string
		lower    bool
	}{
		{"min", canon(o.Min), canon(n.Min), true},
		{"max", canon(o.Max), canon(n.Max), false},
	} {
		if b.old == b.new {
			continue
		}
		changes = append(changes, Change{
			Kind: KindRangeChanged, Field: n.Name, Form: form,
			Detail:   fromTo(b.what, b.old, b.new),
			Breaking: !widens(b.old, b.new, b.lower),
		})
	}
	return changes
}

// widens reports whether moving a bound from old to new admits every value old admitted.
func widens(old, new string, lower bool) bool {
	switch {
	case new == "":
		return true
	case old == "":
		return false
	}
	c, ok := compareBounds(old, new)
	if !ok {
		return false
	}
	if lower {
		return c > 0 // the new minimum is below the old
	}
	return c < 0 // the new maximum is above the old
}

// compareBounds orders two bounds that are both numbers, or both ISO dates or date-times of
// the same shape; ok is false otherwise.
func compareBounds(a, b string) (int, bool) {
	fa, errA := strconv.ParseFloat(a, 64)
	fb, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		switch {
		case fa < fb:
			return -1, true
		case fa > fb:
			return 1, true
		}
		return 0, true
	}
	if isoShape(a) && isoShape(b) && len(a) == len(b) {
		switch {
		case a < b:
			return -1, true
		case a > b:
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// isoShape reports whether s looks like an ISO date or date-time (YYYY-MM-DD...), which sorts
// as text.
func isoShape(s string) bool {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// diffChoices compares choice lists by code: a removed code is breaking (stored values lose
// their meaning); a new code, a relabel or a new order is compatible.
func diffChoices(o, n *dictionary.Field, form string) []Change {
	var changes []Change
	add := func(kind, detail string, breaking bool) {
		changes = append(changes, Change{Kind: kind, Field: n.Name, Form: form, Detail: detail, Breaking: breaking})
	}
	oldLabels := choiceLabels(o.Choices)
	newLabels := choiceLabels(n.Choices)
	for _, c := range n.Choices {
		old, ok := oldLabels[c.Code]
		switch {
		case !ok:
			add(KindChoiceAdded, fmt.Sprintf("choice %q (%s) added", c.Code, show(canon(c.Label))), false)
		case old != canon(c.Label):
			add(KindChoiceRelabelled, fromTo(fmt.Sprintf("label of choice %q", c.Code), old, canon(c.Label)), false)
		}
	}
	for _, c := range o.Choices {
		if _, ok := newLabels[c.Code]; !ok {
			add(KindChoiceRemoved, fmt.Sprintf("choice %q (%s) removed", c.Code, show(canon(c.Label))), true)
		}
	}
	if oc, nc := commonOrder(o.Choices, newLabels), commonOrder(n.Choices, oldLabels); !slices.Equal(oc, nc) {
		add(KindChoicesReordered, fmt.Sprintf("choice order changed from %s to %s", list(oc), list(nc)), false)
	}
	return changes
}

// choiceLabels maps each code to its canonical label.
func choiceLabels(choices []dictionary.Choice) map[string]string {
	m := make(map[string]string, len(choices))
	for _, c := range choices {
		m[c.Code] = canon(c.Label)
	}
	return m
}

// commonOrder lists, in order, the codes of choices that the other list also has.
func commonOrder(choices []dictionary.Choice, other map[string]string) []string {
	var codes []string
	for _, c := range choices {
		if _, ok := other[c.Code]; ok {
			codes = append(codes, c.Code)
		}
	}
	return codes
}
