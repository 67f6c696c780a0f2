package naming

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Candidate stages: when names collide, only the members whose next candidate has the lowest
// stage in the group move on. Readable first, then lossless, then kind suffixes —
// forms, events and arms give way before enums and sets, which user code names most.
const (
	stageReadable = iota
	stageLossless
	stageStructSuffix
	stageTypeSuffix
)

// candidate is one Go name a claim may take.
type candidate struct {
	name  string
	stage int
}

// claim is one REDCap identity wanting a Go name in a scope.
type claim struct {
	key   string // pin key, e.g. "field:dob_1"
	what  string // for messages, e.g. `field "dob_1"`
	cands []candidate
	at    int
	fixed bool // pinned or reserved: never moves
}

// name is the claim's current Go name.
func (c *claim) name() string { return c.cands[c.at].name }

// newClaim builds a claim from candidates in order, dropping empty names, names in forbidden,
// and repeats, so that moving on always changes the name. When the readable name is forbidden
// (a generated name) the lossless one goes too: `validate` becomes ValidateField
// and `new_record` NewRecordForm, never New_Record.
func newClaim(key, what string, forbidden map[string]bool, cands ...candidate) *claim {
	c := &claim{key: key, what: what}
	readableForbidden := false
	for _, cd := range cands {
		if cd.stage == stageReadable && forbidden[cd.name] {
			readableForbidden = true
		}
		if cd.name == "" || forbidden[cd.name] || (readableForbidden && cd.stage == stageLossless) ||
			slices.ContainsFunc(c.cands, func(x candidate) bool { return x.name == cd.name }) {
			continue
		}
		c.cands = append(c.cands, cd)
	}
	return c
}

// fixedClaim is a name that cannot move: a reserved name or a pin.
func fixedClaim(key, what, name string) *claim {
	return &claim{key: key, what: what, cands: []candidate{{name: name}}, fixed: true}
}

// resolveScope moves colliding claims through their candidates until every name in the scope
// is unique or a group cannot move. Each step depends only on the set of claims, never on their
// order. It returns one error per group that still collides.
func resolveScope(scope string, claims []*claim) []error {
	var errs []error
	for _, g := range settle(claims) {
		errs = append(errs, collisionError(scope, g, claims))
	}
	return errs
}

// settle does the work of resolveScope and returns the groups that still collide.
func settle(claims []*claim) [][]*claim {
	for {
		groups := collisionGroups(claims)
		moved := false
		for _, g := range groups {
			if advanceGroup(g) {
				moved = true
			}
		}
		if !moved {
			relax(claims)
			return groups
		}
	}
}

// relax moves claims back to their readable name when it has become free: when a form and an
// enum share a name, both try their lossless form before the form takes its suffix, and the
// enum should then get its readable name back. When several claims want the same readable name,
// only a sole claim at the lowest current stage takes it, so the result does not depend on order.
func relax(claims []*claim) {
	for {
		taken := make(map[string]bool, len(claims))
		for _, c := range claims {
			taken[c.name()] = true
		}
		wants := map[string][]*claim{}
		for _, c := range claims {
			if !c.fixed && c.at > 0 && !taken[c.cands[0].name] {
				wants[c.cands[0].name] = append(wants[c.cands[0].name], c)
			}
		}
		moved := false
		for _, g := range wants {
			if winner := soleLowestStage(g); winner != nil {
				winner.at = 0
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// soleLowestStage returns the one claim of g at the lowest current stage, or nil on a tie.
func soleLowestStage(g []*claim) *claim {
	var best *claim
	tie := false
	for _, c := range g {
		switch {
		case best == nil || c.cands[c.at].stage < best.cands[best.at].stage:
			best, tie = c, false
		case c.cands[c.at].stage == best.cands[best.at].stage:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// collisionGroups returns the groups of claims sharing a name, each sorted by key, in name order.
func collisionGroups(claims []*claim) [][]*claim {
	byName := make(map[string][]*claim, len(claims))
	for _, c := range claims {
		byName[c.name()] = append(byName[c.name()], c)
	}
	var groups [][]*claim
	for _, g := range byName {
		if len(g) > 1 {
			slices.SortFunc(g, func(a, b *claim) int {
				return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.what, b.what))
			})
			groups = append(groups, g)
		}
	}
	slices.SortFunc(groups, func(a, b []*claim) int { return strings.Compare(a[0].name(), b[0].name()) })
	return groups
}

// advanceGroup moves every member whose next candidate has the group's lowest next stage.
func advanceGroup(g []*claim) bool {
	lowest := -1
	for _, c := range g {
		if next, ok := nextStage(c); ok && (lowest < 0 || next < lowest) {
			lowest = next
		}
	}
	if lowest < 0 {
		return false
	}
	for _, c := range g {
		if next, ok := nextStage(c); ok && next == lowest {
			c.at++
		}
	}
	return true
}

// nextStage is the stage of the claim's next candidate, if it can move.
func nextStage(c *claim) (int, bool) {
	if c.fixed || c.at+1 >= len(c.cands) {
		return 0, false
	}
	return c.cands[c.at+1].stage, true
}

// collisionError names every REDCap identity of a stuck group and the pin that fixes it.
func collisionError(scope string, g []*claim, all []*claim) error {
	whats := make([]string, len(g))
	for i, c := range g {
		whats[i] = c.what
	}
	verb := "both"
	if len(g) > 2 {
		verb = "all"
	}
	msg := fmt.Sprintf("naming: %s: %s %s end up as Go name %q", scope, strings.Join(whats, " and "), verb, g[0].name())
	for _, c := range g {
		if !c.fixed {
			return fmt.Errorf("%s; give one another name in the names file, e.g. `%s = %s`", msg, c.key, freeName(c.cands[0].name, all))
		}
	}
	return fmt.Errorf("%s; change one of the pins", msg)
}

// freeName suggests base followed by the smallest number ≥ 2 that no claim uses ("_2" when
// base ends in a digit).
func freeName(base string, all []*claim) string {
	taken := make(map[string]bool, len(all))
	for _, c := range all {
		taken[c.name()] = true
	}
	sep := ""
	if base != "" && isDigit(rune(base[len(base)-1])) {
		sep = "_"
	}
	for i := 2; ; i++ {
		if s := base + sep + strconv.Itoa(i); !taken[s] {
			return s
		}
	}
}
