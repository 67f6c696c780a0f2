package naming

import (
	"fmt"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// stageTypeSeparated is the last candidate of a constant: '_' between type and value.
const stageTypeSeparated = stageLossless + 1

// constClaim is the claim of one enum constant and the field it belongs to.
type constClaim struct {
	*claim
	field string
}

// resolveConsts names every enum constant once the types are fixed. A field uses label names
// when every label yields a distinct name, else codes; either way a constant that
// collides in the package scope takes its lossless form with '_' after the type (`XYes` meets
// enum `x_yes`, so it becomes `X_Yes`). A label-named field whose constants still collide falls
// back to codes as a whole, decided per field, never per value.
func (r *resolver) resolveConsts(n *Names) []error {
	var enumFields []*dictionary.Field
	byLabels := map[string]bool{}
	for _, f := range r.fields {
		if IsEnumField(f) {
			enumFields = append(enumFields, f)
			byLabels[f.Name] = labelsUsable(f.EffectiveChoices())
		}
	}
	for {
		claims, consts, errs := r.constClaims(n, enumFields, byLabels)
		if len(errs) > 0 {
			return errs
		}
		stuck := settle(claims)
		switched := false
		for _, g := range stuck {
			for _, c := range g {
				if cc, ok := consts[c]; ok && !c.fixed && byLabels[cc.field] {
					byLabels[cc.field] = false
					switched = true
				}
			}
		}
		if switched {
			continue
		}
		for c, cc := range consts {
			code := strings.TrimPrefix(c.key, constKey(cc.field, ""))
			if n.consts[cc.field] == nil {
				n.consts[cc.field] = map[string]string{}
			}
			n.consts[cc.field][code] = c.name()
		}
		for _, g := range stuck {
			errs = append(errs, collisionError("package scope", g, claims))
		}
		return errs
	}
}

// constClaims builds the package scope for constants: the resolved types and reserved names,
// fixed, and one claim per choice of every enum field in its current mode.
func (r *resolver) constClaims(n *Names, enumFields []*dictionary.Field, byLabels map[string]bool) ([]*claim, map[*claim]constClaim, []error) {
	claims := make([]*claim, 0, len(r.packages))
	for _, c := range r.packages {
		claims = append(claims, fixedClaim(c.key, c.what, c.name()))
	}
	consts := map[*claim]constClaim{}
	var errs []error
	for _, f := range enumFields {
		enum := n.enums[f.Name]
		for _, ch := range f.EffectiveChoices() {
			key := constKey(f.Name, ch.Code)
			what := fmt.Sprintf("choice %q of field %q", ch.Code, f.Name)
			var cands []candidate
			if byLabels[f.Name] {
				words := labelName(ch.Label)
				cands = []candidate{{joinConst(enum, words), stageReadable}, {enum + "_" + words, stageTypeSeparated}}
			} else {
				s := spellName(ch.Code)
				cands = []candidate{
					{joinConst(enum, s.readable), stageReadable},
					{joinConst(enum, s.lossless), stageLossless},
					{enum + "_" + s.lossless, stageTypeSeparated},
				}
			}
			c, err := r.claimFor(key, what, nil, cands...)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			claims = append(claims, c)
			consts[c] = constClaim{claim: c, field: f.Name}
		}
	}
	return claims, consts, errs
}

// joinConst puts an enum type and a constant's words together. Where a digit would meet a
// digit it puts '_' between them, so that code 4 of enum Item2 (Item2_4) cannot meet the enum
// Item24 of another field.
func joinConst(enum, words string) string {
	if words != "" && enum != "" && isDigit(rune(enum[len(enum)-1])) && isDigit(rune(words[0])) {
		return enum + "_" + words
	}
	return enum + words
}

// labelsUsable reports whether every label yields a non-empty name distinct from the others.
func labelsUsable(choices []dictionary.Choice) bool {
	seen := make(map[string]bool, len(choices))
	for _, ch := range choices {
		name := labelName(ch.Label)
		if name == "" || seen[name] {
			return false
		}
		seen[name] = true
	}
	return true
}
