package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// longChoices is the length of the choice lists of the long-choices dictionary: dropdowns of
// drugs, sites or diagnoses run to thousands of choices.
const longChoices = 10_000

// longChoicesDictionary writes, into dir, a dictionary whose form holds a dropdown and a checkbox
// of n choices each, and returns its path.
func longChoicesDictionary(dir string, n int) (string, error) {
	list := func(label string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = fmt.Sprintf("%d, %s %d", i+1, label, i+1)
		}
		return strings.Join(parts, " | ")
	}
	header := `"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"`
	rows := []string{
		header,
		`record_id,meds,,text,"Record ID",,,,,,,,,,,,,`,
		`drug,meds,,dropdown,"Drug","` + list("Drug") + `",,,,,,,,,,,,`,
		`sites,meds,,checkbox,"Sites","` + list("Site") + `",,,,,,,,,,,,`,
	}
	path := filepath.Join(dir, "long-choices.csv")
	if err := os.WriteFile(path, []byte(strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		return "", fmt.Errorf("long-choices dictionary: %w", err)
	}
	return path, nil
}

// measureLongChoicesBuild times go build of the package generated from the long-choices
// dictionary.
func measureLongChoicesBuild(ctx context.Context) (buildResult, error) {
	dir, err := os.MkdirTemp("", "redcapgen-perf-long-")
	if err != nil {
		return buildResult{}, fmt.Errorf("long-choices build: %w", err)
	}
	defer os.RemoveAll(dir)
	path, err := longChoicesDictionary(dir, longChoices)
	if err != nil {
		return buildResult{}, err
	}
	return measureBuild(ctx, path)
}
