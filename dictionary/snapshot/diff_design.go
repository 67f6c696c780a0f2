package snapshot

import (
	"fmt"
	"slices"

	"github.com/redcapgen/redcapgen/dictionary"
)

// diffForms reports forms added, removed, relabelled or with their survey setting changed.
func diffForms(old, new *dictionary.Project) []Change {
	var changes []Change
	oldSurveys, newSurveys := set(old.SurveyForms), set(new.SurveyForms)
	for _, f := range new.Forms {
		o, ok := old.Form(f.Name)
		if !ok {
			changes = append(changes, Change{Kind: KindFormAdded, Form: f.Name,
				Detail: fmt.Sprintf("form added with %d fields", len(f.Fields))})
			continue
		}
		if ol, nl := canon(o.Label), canon(f.Label); ol != nl {
			changes = append(changes, Change{Kind: KindFormChanged, Form: f.Name, Detail: fromTo("form label", ol, nl)})
		}
		if oldSurveys[f.Name] != newSurveys[f.Name] {
			detail := "is now a survey (exports may carry its timestamp column)"
			if !newSurveys[f.Name] {
				detail = "is no longer a survey"
			}
			changes = append(changes, Change{Kind: KindFormChanged, Form: f.Name, Detail: detail})
		}
	}
	for _, f := range old.Forms {
		if _, ok := new.Form(f.Name); !ok {
			changes = append(changes, Change{Kind: KindFormRemoved, Form: f.Name, Breaking: true,
				Detail: fmt.Sprintf("form removed with its %d fields", len(f.Fields))})
		}
	}
	return changes
}

// diffArms reports arms added, removed or renamed (an arm's name is part of its Go type name).
func diffArms(old, new *dictionary.Project) []Change {
	var changes []Change
	oldArms := map[int]string{}
	for _, a := range old.Arms {
		oldArms[a.Num] = canon(a.Name)
	}
	newArms := map[int]string{}
	for _, a := range sortedArms(new.Arms) {
		newArms[a.Num] = canon(a.Name)
		name, ok := oldArms[a.Num]
		switch {
		case !ok:
			changes = append(changes, Change{Kind: KindArmAdded, Detail: fmt.Sprintf("arm %d (%s) added", a.Num, show(canon(a.Name)))})
		case name != canon(a.Name):
			changes = append(changes, Change{Kind: KindArmRenamed, Breaking: true,
				Detail: fromTo(fmt.Sprintf("name of arm %d", a.Num), name, canon(a.Name))})
		}
	}
	for _, a := range sortedArms(old.Arms) {
		if _, ok := newArms[a.Num]; !ok {
			changes = append(changes, Change{Kind: KindArmRemoved, Breaking: true,
				Detail: fmt.Sprintf("arm %d (%s) removed", a.Num, show(canon(a.Name)))})
		}
	}
	return changes
}

// diffEvents reports events added, removed, or with a changed arm, name or label.
func diffEvents(old, new *dictionary.Project) []Change {
	var changes []Change
	oldEvents := map[string]dictionary.Event{}
	for _, e := range old.Events {
		oldEvents[e.UniqueName] = e
	}
	newEvents := map[string]bool{}
	for _, e := range new.Events {
		newEvents[e.UniqueName] = true
		o, ok := oldEvents[e.UniqueName]
		if !ok {
			changes = append(changes, Change{Kind: KindEventAdded, Event: e.UniqueName, Detail: fmt.Sprintf("event added to arm %d", e.Arm)})
			continue
		}
		if o.Arm != e.Arm {
			changes = append(changes, Change{Kind: KindEventChanged, Event: e.UniqueName, Breaking: true,
				Detail: fmt.Sprintf("moved from arm %d to arm %d", o.Arm, e.Arm)})
		}
		if on, nn := canon(o.Name), canon(e.Name); on != nn {
			changes = append(changes, Change{Kind: KindEventChanged, Event: e.UniqueName, Detail: fromTo("event name", on, nn)})
		}
		if ol, nl := canon(o.CustomLabel), canon(e.CustomLabel); ol != nl {
			changes = append(changes, Change{Kind: KindEventChanged, Event: e.UniqueName, Detail: fromTo("custom event label", ol, nl)})
		}
	}
	for _, e := range old.Events {
		if !newEvents[e.UniqueName] {
			changes = append(changes, Change{Kind: KindEventRemoved, Event: e.UniqueName, Breaking: true,
				Detail: fmt.Sprintf("event removed from arm %d", e.Arm)})
		}
	}
	return changes
}

// diffMappings reports forms designated for new events, no longer designated for events, or
// both at once (moved between events), form by form in new form order.
func diffMappings(old, new *dictionary.Project) []Change {
	oldMap, newMap := eventsByForm(old), eventsByForm(new)
	var changes []Change
	for _, form := range formNames(new, old) {
		added := missingFrom(newMap[form], oldMap[form])
		removed := missingFrom(oldMap[form], newMap[form])
		switch {
		case len(added) > 0 && len(removed) > 0:
			changes = append(changes, Change{Kind: KindFormMovedEvents, Form: form, Breaking: true,
				Detail: fmt.Sprintf("moved from events %s to events %s", list(removed), list(added))})
		case len(removed) > 0:
			changes = append(changes, Change{Kind: KindFormUnmapped, Form: form, Breaking: true,
				Detail: fmt.Sprintf("no longer designated for events %s", list(removed))})
		case len(added) > 0:
			changes = append(changes, Change{Kind: KindFormMapped, Form: form,
				Detail: fmt.Sprintf("now designated for events %s", list(added))})
		}
	}
	return changes
}

// eventsByForm lists, per form, the events it is designated for in mapping order.
func eventsByForm(p *dictionary.Project) map[string][]string {
	m := map[string][]string{}
	for _, mp := range sortedMappings(p) {
		m[mp.Form] = append(m[mp.Form], mp.Event)
	}
	return m
}

// formNames lists the forms of a (in order) then those only b has (in order).
func formNames(a, b *dictionary.Project) []string {
	var names []string
	seen := map[string]bool{}
	for _, p := range []*dictionary.Project{a, b} {
		for _, f := range p.Forms {
			if !seen[f.Name] {
				seen[f.Name] = true
				names = append(names, f.Name)
			}
		}
		for _, m := range sortedMappings(p) {
			if !seen[m.Form] {
				seen[m.Form] = true
				names = append(names, m.Form)
			}
		}
	}
	return names
}

// missingFrom lists the items of a that b lacks, in a's order.
func missingFrom(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// set makes a membership map.
func set(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
