package naming

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// resolver holds the state of one Resolve call.
type resolver struct {
	p        *dictionary.Project
	pins     Pins
	used     map[string]bool
	fields   []*dictionary.Field // every field, sorted by name
	formOf   map[string]string   // field -> form
	packages []*claim            // package-scope claims after phase 1
}

// Resolve computes the Go name of every form, field, enum, set, enum constant, event and arm of
// p, honouring pins. It returns every collision it cannot settle, each naming the REDCap
// identities involved and a pin that fixes it.
func Resolve(p *dictionary.Project, pins Pins) (*Names, error) {
	if p == nil {
		return nil, errors.New("naming: no project")
	}
	r := &resolver{p: p, pins: pins, used: map[string]bool{}, formOf: map[string]string{}}
	if err := r.indexFields(); err != nil {
		return nil, err
	}
	n := &Names{
		forms: map[string]string{}, fields: map[string]string{}, enums: map[string]string{},
		sets: map[string]string{}, consts: map[string]map[string]string{},
		events: map[string]string{}, arms: map[int]string{},
	}
	errs := r.resolvePackage(n)
	errs = append(errs, r.resolveStructs(n)...)
	if len(errs) == 0 {
		errs = append(errs, r.resolveConsts(n)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, key := range slices.Sorted(maps.Keys(pins)) {
		if !r.used[key] {
			n.unusedPins = append(n.unusedPins, key)
		}
	}
	return n, nil
}

// indexFields lists every field once, sorted by name, and rejects duplicate form and field names.
func (r *resolver) indexFields() error {
	var errs []error
	forms := map[string]bool{}
	for i, form := range r.p.Forms {
		if form == nil || slices.Contains(form.Fields, nil) {
			return fmt.Errorf("naming: form %d of the project is incomplete (nil form or field)", i+1)
		}
		if forms[form.Name] {
			errs = append(errs, fmt.Errorf("naming: form %q appears twice", form.Name))
		}
		forms[form.Name] = true
		for _, f := range form.Fields {
			if other, dup := r.formOf[f.Name]; dup {
				errs = append(errs, fmt.Errorf("naming: field %q appears twice (forms %q and %q)", f.Name, other, form.Name))
				continue
			}
			r.formOf[f.Name] = form.Name
			r.fields = append(r.fields, f)
			if code, dup := duplicateCode(f); dup {
				errs = append(errs, fmt.Errorf("naming: field %q lists choice code %q twice", f.Name, code))
			}
		}
	}
	slices.SortFunc(r.fields, func(a, b *dictionary.Field) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(errs...)
}

// duplicateCode returns a choice code an enum field lists more than once.
func duplicateCode(f *dictionary.Field) (string, bool) {
	if !IsEnumField(f) {
		return "", false
	}
	seen := map[string]bool{}
	for _, ch := range f.EffectiveChoices() {
		if seen[ch.Code] {
			return ch.Code, true
		}
		seen[ch.Code] = true
	}
	return "", false
}

// pinned returns the pinned name for key and marks the pin used.
func (r *resolver) pinned(key string) (string, bool) {
	name, ok := r.pins[key]
	if ok {
		r.used[key] = true
	}
	return name, ok
}

// claimFor builds the claim of one identity: its pin when there is one (checked against the
// names its kind cannot take), else its candidates.
func (r *resolver) claimFor(key, what string, forbidden map[string]bool, cands ...candidate) (*claim, error) {
	if name, ok := r.pinned(key); ok {
		if forbidden[name] {
			return nil, fmt.Errorf("naming: pin `%s = %s`: %s cannot be named %q, a name the generator uses there", key, name, what, name)
		}
		return fixedClaim(key, what, name), nil
	}
	c := newClaim(key, what, forbidden, cands...)
	if len(c.cands) == 0 {
		return nil, fmt.Errorf("naming: %s has no usable Go name; pin one in the names file, e.g. `%s = X`", what, key)
	}
	return c, nil
}

// kindNames gives the readable, lossless and kind-suffixed candidates of a REDCap name; prefix
// is put in front when the name does not start with a letter.
func kindNames(name, prefix, suffix string, suffixStage int) []candidate {
	s := spellName(name)
	readable, lossless := withPrefix(prefix, s.readable), withPrefix(prefix, s.lossless)
	return []candidate{
		{readable, stageReadable},
		{lossless, stageLossless},
		{readable + suffix, suffixStage},
		{lossless + suffix, suffixStage},
	}
}

// withPrefix puts prefix in front of s unless s starts with a letter.
func withPrefix(prefix, s string) string {
	if startsWithLetter(s) {
		return s
	}
	return prefix + s
}

// armNames gives the candidates of an arm: Arm<num><name words>, lossless, then Arm<num>.
func armNames(a dictionary.Arm) []candidate {
	num := strconv.Itoa(a.Num)
	words := labelName(a.Name)
	base := "Arm" + num
	if words == "" || words == base {
		return []candidate{{base, stageReadable}, {base + "Arm", stageStructSuffix}}
	}
	return []candidate{
		{base + words, stageReadable},
		{base + "_" + words, stageLossless},
		{base + words + "Arm", stageStructSuffix},
	}
}
