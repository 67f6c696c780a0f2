package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
)

// Kept is one part of the project that the checked source does not carry, taken from the
// committed package instead of being reported as removed.
type Kept struct {
	// Part names what was kept: "form labels", "events", "missing-data codes", "survey settings"
	// or "project title".
	Part string `json:"part"`
	// CarriedBy says which flag or source carries it.
	CarriedBy string `json:"carried_by"`
}

// String renders the note: `missing-data codes: kept from the committed package (-events FILE,
// -url or a project XML carries them)`.
func (k Kept) String() string {
	return fmt.Sprintf("%s: kept from the committed package (%s)", k.Part, k.CarriedBy)
}

// committedPackage is what a package on disk says of the project it was generated from.
type committedPackage struct {
	project *dictionary.Project // from the snapshot
	title   string              // from the header of a generated Go file
}

// readCommitted reads the snapshot and title of the package in dir; nil when there is none.
func readCommitted(dir string) (*committedPackage, error) {
	data, err := os.ReadFile(filepath.Join(dir, SnapshotFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	p, err := snapshot.ParseSnapshot(data)
	if err != nil {
		return nil, fmt.Errorf("check: read committed snapshot %s: %w", SnapshotFile, err)
	}
	return &committedPackage{project: p, title: titleOnDisk(dir)}, nil
}

// keepLacking fills in, from the committed package, each part of the project that p's source
// does not carry (p.Lacks), so that what a source cannot say is not reported as a change. It
// returns a note per part it took that the source would otherwise have left empty or defaulted.
func keepLacking(p *dictionary.Project, committed *committedPackage) []Kept {
	if committed == nil || p.Lacks == 0 {
		return nil
	}
	old := committed.project
	var kept []Kept
	if p.Lacks.Has(dictionary.PartFormLabels) && keepFormLabels(p, old) {
		kept = append(kept, Kept{"form labels", "a dictionary file has none: -url or a project XML carries them"})
	}
	if p.Lacks.Has(dictionary.PartEvents) && (old.IsLongitudinal() || old.HasRepeating()) {
		keepDesign(p, old)
		kept = append(kept, Kept{"arms, events and repeating instruments", "-events FILE, -url or a project XML carries them"})
	}
	if p.Lacks.Has(dictionary.PartMissingCodes) && len(old.MissingCodes) > 0 {
		p.MissingCodes = slices.Clone(old.MissingCodes)
		kept = append(kept, Kept{"missing-data codes", "-events FILE, -url or a project XML carries them"})
	}
	if p.Lacks.Has(dictionary.PartSurveys) && len(old.SurveyForms) > 0 {
		p.SurveyForms = nil
		for _, f := range old.SurveyForms {
			if _, ok := p.Form(f); ok {
				p.SurveyForms = append(p.SurveyForms, f)
			}
		}
		kept = append(kept, Kept{"survey settings", "-url with survey rights or a project XML carries them"})
	}
	if p.Lacks.Has(dictionary.PartTitle) && committed.title != "" {
		p.Title = committed.title
		kept = append(kept, Kept{"project title", "-url or a project XML carries it"})
	}
	return kept
}

// keepFormLabels gives p's forms their committed labels; it reports whether any differed from
// the default the source gave. An empty committed label is not kept: REDCap gives every form a
// label, so it was written by a generator that left dictionary forms unlabelled.
func keepFormLabels(p, old *dictionary.Project) bool {
	changed := false
	for _, f := range p.Forms {
		if o, ok := old.Form(f.Name); ok && o.Label != "" && o.Label != f.Label {
			f.Label = o.Label
			changed = true
		}
	}
	return changed
}

// keepDesign copies the committed arms, events, mappings and repeats of forms p still has.
func keepDesign(p, old *dictionary.Project) {
	has := func(form string) bool {
		_, ok := p.Form(form)
		return form == "" || ok
	}
	p.Arms, p.Events = slices.Clone(old.Arms), slices.Clone(old.Events)
	p.Mappings, p.Repeating = nil, nil
	for _, m := range old.Mappings {
		if has(m.Form) {
			p.Mappings = append(p.Mappings, m)
		}
	}
	for _, r := range old.Repeating {
		if has(r.Form) {
			p.Repeating = append(p.Repeating, r)
		}
	}
}

// headerSource matches the second header line of a generated Go file; the project title is
// there only when the project has one.
var headerSource = regexp.MustCompile(`(?m)^// Source: .*?(?:\. Project: ("(?:[^"\\]|\\.)*"))?\. Dictionary fingerprint: \S*\.$`)

// titleOnDisk returns the project title named in the header of an owned Go file in dir.
func titleOnDisk(dir string) string {
	if m := headerSource.FindSubmatch(firstOwnedGoFile(dir)); m != nil && m[1] != nil {
		if title, err := strconv.Unquote(string(m[1])); err == nil {
			return title
		}
	}
	return ""
}

// firstOwnedGoFile returns the first generated Go file of dir that can be read (nil when none).
func firstOwnedGoFile(dir string) []byte {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		if e.IsDir() || !IsOwnedFile(e.Name()) || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
			return data
		}
	}
	return nil
}
