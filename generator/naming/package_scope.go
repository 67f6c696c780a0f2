package naming

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/redcapgen/redcapgen/dictionary"
)

// resolvePackage names the package-level types: forms, enums, sets, events and arms, beside the
// generator's reserved names.
func (r *resolver) resolvePackage(n *Names) []error {
	var claims []*claim
	var errs []error
	add := func(c *claim, err error) {
		if err != nil {
			errs = append(errs, err)
			return
		}
		claims = append(claims, c)
	}
	for _, name := range reservedPackageNames {
		claims = append(claims, fixedClaim("", fmt.Sprintf("generated name %q", name), name))
	}
	member := recordMemberReserved()
	generated := make(map[string]bool, len(reservedPackageNames))
	for _, name := range reservedPackageNames {
		generated[name] = true
		member[name] = true
	}
	for _, form := range r.p.Forms {
		add(r.claimFor(formKey(form.Name), fmt.Sprintf("form %q", form.Name), member,
			kindNames(form.Name, "Form", "Form", stageStructSuffix)...))
	}
	for _, f := range r.fields {
		if !IsEnumField(f) {
			continue
		}
		add(r.claimFor(enumKey(f.Name), fmt.Sprintf("enum of field %q", f.Name), generated,
			kindNames(f.Name, "Enum", "Enum", stageTypeSuffix)...))
		if f.Type == dictionary.TypeCheckbox {
			s := spellName(f.Name)
			readable, lossless := withPrefix("Enum", s.readable), withPrefix("Enum", s.lossless)
			add(r.claimFor(setKey(f.Name), fmt.Sprintf("checkbox set of field %q", f.Name), generated,
				candidate{readable + "Set", stageReadable},
				candidate{lossless + "Set", stageLossless},
				candidate{readable + "ChoiceSet", stageTypeSuffix},
				candidate{lossless + "ChoiceSet", stageTypeSuffix}))
		}
	}
	for _, ev := range r.p.Events {
		add(r.claimFor(eventKey(ev.UniqueName), fmt.Sprintf("event %q", ev.UniqueName), member,
			kindNames(ev.UniqueName, "Event", "Event", stageStructSuffix)...))
	}
	for _, arm := range r.p.Arms {
		add(r.claimFor(armKey(arm.Num), fmt.Sprintf("arm %d", arm.Num), member, armNames(arm)...))
	}
	if len(errs) > 0 {
		return errs
	}
	claims, stuck := settleWithEnumFuncs(claims)
	for _, g := range stuck {
		errs = append(errs, collisionError("package scope", g, claims))
	}
	r.packages = claims
	for _, c := range claims {
		r.record(n, c)
	}
	return errs
}

// maxEnumFuncRounds bounds the search for names clear of the per-enum functions.
const maxEnumFuncRounds = 8

// settleWithEnumFuncs settles the package scope so that no name meets a function the
// generator derives from an enum (ParseSex, SexValues): it settles, adds those functions as
// fixed names, and settles again from the start until the functions it added are those of the
// result. It returns the claims with the functions included, and the groups still colliding.
func settleWithEnumFuncs(base []*claim) ([]*claim, [][]*claim) {
	var funcs []*claim
	for round := 0; ; round++ {
		for _, c := range base {
			c.at = 0
		}
		claims := append(slices.Clip(base), funcs...)
		stuck := settle(claims)
		next := enumFuncClaims(base)
		if len(stuck) > 0 || sameNames(funcs, next) || round == maxEnumFuncRounds {
			return claims, stuck
		}
		funcs = next
	}
}

// enumFuncClaims lists, as fixed claims, the functions derived from every enum type.
func enumFuncClaims(claims []*claim) []*claim {
	var out []*claim
	for _, c := range claims {
		if kind, field := splitKey(c.key); kind == "enum" {
			for _, name := range EnumFuncNames(c.name()) {
				out = append(out, fixedClaim("", fmt.Sprintf("generated function %q of field %q", name, field), name))
			}
		}
	}
	return out
}

// sameNames reports whether two claim lists hold the same names in the same order.
func sameNames(a, b []*claim) bool {
	return slices.EqualFunc(a, b, func(x, y *claim) bool { return x.name() == y.name() })
}

// record stores a resolved package-level claim in the table by its key.
func (r *resolver) record(n *Names, c *claim) {
	kind, rest := splitKey(c.key)
	switch kind {
	case "form":
		n.forms[rest] = c.name()
	case "enum":
		n.enums[rest] = c.name()
	case "set":
		n.sets[rest] = c.name()
	case "event":
		n.events[rest] = c.name()
	case "arm":
		if num, err := strconv.Atoi(rest); err == nil {
			n.arms[num] = c.name()
		}
	}
}

// splitKey splits a pin key into its kind and the rest.
func splitKey(key string) (kind, rest string) {
	for i := 0; i < len(key); i++ {
		if key[i] == ':' {
			return key[:i], key[i+1:]
		}
	}
	return "", key
}
