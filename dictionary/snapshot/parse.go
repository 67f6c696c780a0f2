package snapshot

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// snapshotSource is the Source of a project read from a snapshot.
const snapshotSource = "dictionary snapshot"

// ParseSnapshot reads a snapshot written by Snapshot back into a Project, so a committed
// snapshot can be compared with a project read later. What the snapshot leaves out (project ID,
// title, DAGs, event IDs...) stays empty. Every bad line is reported with its line number.
func ParseSnapshot(data []byte) (*dictionary.Project, error) {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != header {
		return nil, fmt.Errorf("%s: line 1: want %q: not a redcapgen snapshot, or another version", snapshotSource, header)
	}
	r := &reader{p: &dictionary.Project{Source: snapshotSource}, fields: map[string]bool{}, seen: map[string]int{}}
	var errs []error
	for i, line := range lines[1:] {
		n := i + 2
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := r.line(n, line); err != nil {
			errs = append(errs, fmt.Errorf("%s: line %d: %w", snapshotSource, n, err))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return r.p, nil
}

// IsSnapshot reports whether data starts like a snapshot (of any version): its first line is a
// redcapgen snapshot header.
func IsSnapshot(data []byte) bool {
	version := strings.TrimSuffix(header, "v1")
	return strings.HasPrefix(string(data), version)
}

// reader builds a Project line by line.
type reader struct {
	p      *dictionary.Project
	fields map[string]bool
	seen   map[string]int // identity of each design line -> its line number
}

// once reports a design line whose identity an earlier line already declared.
func (r *reader) once(n int, identity string) error {
	if first, dup := r.seen[identity]; dup {
		return fmt.Errorf("%s is declared again (first on line %d)", identity, first)
	}
	r.seen[identity] = n
	return nil
}

// identity names what a design line declares, for duplicate checks.
func identity(kind, name string, attrs attrSet) string {
	switch kind {
	case kindMapping:
		return fmt.Sprintf("mapping of form %q to event %q", attrs.values["form"].value, name)
	case kindRepeat:
		return fmt.Sprintf("repeat of form %q on event %q", attrs.values["form"].value, attrs.values["event"].value)
	}
	return fmt.Sprintf("%s %q", kind, canon(name))
}

// line reads one line.
func (r *reader) line(n int, line string) error {
	kind, tokens, err := splitLine(line)
	if err != nil {
		return err
	}
	name, attrs, err := nameAndAttrs(kind, tokens)
	if err != nil {
		return err
	}
	if kind != kindField {
		if err := r.once(n, identity(kind, name, attrs)); err != nil {
			return err
		}
	}
	switch kind {
	case kindField:
		return r.field(n, name, attrs)
	case kindForm:
		return r.form(name, attrs)
	case kindArm:
		num, err := strconv.Atoi(name)
		if err != nil {
			return fmt.Errorf("arm %q: the arm number is not a number", name)
		}
		r.p.Arms = append(r.p.Arms, dictionary.Arm{Num: num, Name: attrs.take("name")})
		return attrs.done()
	case kindEvent:
		arm, err := attrs.number("arm")
		if err != nil {
			return fmt.Errorf("event %q: %w", name, err)
		}
		r.p.Events = append(r.p.Events, dictionary.Event{
			UniqueName: name, Arm: arm, Name: attrs.take("name"), CustomLabel: attrs.take("custom_label"),
		})
		return attrs.done()
	case kindMapping:
		// The arm of a mapping is its event's arm; the event line came before.
		arm := 0
		if i := slices.IndexFunc(r.p.Events, func(e dictionary.Event) bool { return e.UniqueName == name }); i >= 0 {
			arm = r.p.Events[i].Arm
		}
		r.p.Mappings = append(r.p.Mappings, dictionary.Mapping{Event: name, Arm: arm, Form: attrs.take("form")})
		return attrs.done()
	case kindRepeat:
		r.p.Repeating = append(r.p.Repeating, dictionary.Repeat{
			Event: attrs.take("event"), Form: attrs.take("form"), CustomLabel: attrs.take("custom_label"),
		})
		return attrs.done()
	case kindMissing:
		r.p.MissingCodes = append(r.p.MissingCodes, dictionary.MissingCode{Code: name, Label: attrs.take("label")})
		return attrs.done()
	}
	return fmt.Errorf("unknown line kind %q (want field, form, arm, event, mapping, repeat or missing)", kind)
}

// field reads a field line and appends the field to its form.
func (r *reader) field(n int, name string, attrs attrSet) error {
	if r.fields[name] {
		return fmt.Errorf("field %q appears twice", name)
	}
	r.fields[name] = true
	f := &dictionary.Field{Name: name, Location: fmt.Sprintf("%s:%d", snapshotSource, n)}
	for _, a := range fieldAttrs {
		v, ok := attrs.lookup(a.key, a.flag)
		if !ok {
			continue
		}
		if err := a.set(f, v); err != nil {
			return fmt.Errorf("field %q: %w", name, err)
		}
	}
	if err := attrs.done(); err != nil {
		return fmt.Errorf("field %q: %w", name, err)
	}
	if f.Form == "" {
		return fmt.Errorf("field %q has no form", name)
	}
	if fixed := dictionary.FixedChoices(f.Type); fixed != nil {
		// A snapshot lists no choices for yesno and truefalse fields: REDCap's are fixed.
		f.Choices = fixed
	}
	form := r.formNamed(f.Form)
	form.Fields = append(form.Fields, f)
	return nil
}

// form reads a form line.
func (r *reader) form(name string, attrs attrSet) error {
	form := r.formNamed(name)
	form.Label = attrs.take("label")
	if _, ok := attrs.lookup("survey", true); ok {
		r.p.SurveyForms = append(r.p.SurveyForms, name)
	}
	return attrs.done()
}

// formNamed returns the form called name, adding it at the end when new.
func (r *reader) formNamed(name string) *dictionary.Form {
	if form, ok := r.p.Form(name); ok {
		return form
	}
	form := &dictionary.Form{Name: name}
	r.p.Forms = append(r.p.Forms, form)
	return form
}
