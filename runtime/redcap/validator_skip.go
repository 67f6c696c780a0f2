package redcap

import (
	"fmt"
	"strings"
)

// warningRules are the rules ValidatorOptions.Skip may leave out, in a fixed order.
var warningRules = [...]string{RuleRange, RuleNoMissing, RuleRequired, RuleReadOnly, RuleNormalized, RuleHidden, RuleStaleCalc}

// warningSet is a set of warning rules, one bit per entry of warningRules.
type warningSet uint8

// warningSetOf returns the set of the named rules; a name that is not a warning rule is an error.
func warningSetOf(names []string) (warningSet, error) {
	var s warningSet
	for _, name := range names {
		i := warningIndex(name)
		if i < 0 {
			return s, fmt.Errorf("redcap: ValidatorOptions.Skip: %q is not a warning rule (want one of %s); values REDCap would refuse are always reported",
				name, strings.Join(warningRules[:], ", "))
		}
		s |= 1 << i
	}
	return s, nil
}

// has reports whether the rule is in the set.
func (s warningSet) has(rule string) bool {
	if s == 0 {
		return false
	}
	i := warningIndex(rule)
	return i >= 0 && s&(1<<i) != 0
}

// warningIndex returns the position of a warning rule in warningRules, or -1.
func warningIndex(rule string) int {
	for i, r := range warningRules {
		if r == rule {
			return i
		}
	}
	return -1
}
