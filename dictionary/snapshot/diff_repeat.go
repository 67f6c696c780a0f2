package snapshot

import (
	"fmt"

	"github.com/redcapgen/redcapgen/dictionary"
)

// repeatKey identifies a repeat declaration: a form (on an event, or in a classic project) or a
// whole event (Form empty).
type repeatKey struct{ event, form string }

// diffRepeats reports forms and events that started or stopped repeating (breaking: the rows
// of their data change shape) and changed custom repeat labels (compatible).
func diffRepeats(old, new *dictionary.Project) []Change {
	oldRepeats := map[repeatKey]string{}
	for _, r := range old.Repeating {
		oldRepeats[repeatKey{r.Event, r.Form}] = canon(r.CustomLabel)
	}
	var changes []Change
	newRepeats := map[repeatKey]bool{}
	for _, r := range sortedRepeats(new) {
		k := repeatKey{r.Event, r.Form}
		newRepeats[k] = true
		label, ok := oldRepeats[k]
		switch {
		case !ok:
			changes = append(changes, repeatChange(k, "now repeats", true))
		case label != canon(r.CustomLabel):
			changes = append(changes, repeatChange(k, fromTo("custom repeat label", label, canon(r.CustomLabel)), false))
		}
	}
	for _, r := range sortedRepeats(old) {
		if k := (repeatKey{r.Event, r.Form}); !newRepeats[k] {
			changes = append(changes, repeatChange(k, "no longer repeats", true))
		}
	}
	return changes
}

// repeatChange describes a change to one repeat declaration.
func repeatChange(k repeatKey, detail string, breaking bool) Change {
	if k.form == "" {
		detail = "the whole event " + detail
	}
	return Change{Kind: KindRepeatingChanged, Event: k.event, Form: k.form, Detail: detail, Breaking: breaking}
}

// diffMissingCodes reports missing-data codes added (compatible), removed (breaking: stored
// values using them no longer mean "missing") and relabelled (compatible).
func diffMissingCodes(old, new *dictionary.Project) []Change {
	oldCodes := map[string]string{}
	for _, m := range old.MissingCodes {
		oldCodes[canon(m.Code)] = canon(m.Label)
	}
	newCodes := map[string]bool{}
	var changes []Change
	for _, m := range new.MissingCodes {
		code, label := canon(m.Code), canon(m.Label)
		newCodes[code] = true
		old, ok := oldCodes[code]
		switch {
		case !ok:
			changes = append(changes, Change{Kind: KindMissingCodeAdded, Detail: fmt.Sprintf("missing-data code %q (%s) added", code, show(label))})
		case old != label:
			changes = append(changes, Change{Kind: KindMissingCodeRelabelled, Detail: fromTo(fmt.Sprintf("label of missing-data code %q", code), old, label)})
		}
	}
	for _, m := range old.MissingCodes {
		if code := canon(m.Code); !newCodes[code] {
			changes = append(changes, Change{Kind: KindMissingCodeRemoved, Breaking: true,
				Detail: fmt.Sprintf("missing-data code %q (%s) removed", code, show(canon(m.Label)))})
		}
	}
	return changes
}
