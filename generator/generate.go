// Package generator composes redcapgen's steps: read a dictionary (file or API), check it, name
// everything, emit Go files and the dictionary snapshot, and write them atomically or compare
// them with what is on disk.
package generator

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
	"github.com/redcapgen/redcapgen/generator/emit"
	"github.com/redcapgen/redcapgen/generator/naming"
)

// SnapshotFile is the name of the dictionary snapshot every generated package carries.
const SnapshotFile = emit.SnapshotFile

// Config says what to generate from and how.
type Config struct {
	// Source is where the dictionary comes from: a file or the API.
	Source Source
	// EventsFile optionally adds the event design (arms, events, mappings, repeating forms) from a
	// project XML or a small JSON file to a dictionary that has none (CSV, API JSON).
	EventsFile string
	// Package is the generated package's name: a lower-case Go identifier.
	Package string
	// NamesFile optionally pins Go names (see naming.ReadPins).
	NamesFile string
	// GeneratorVersion is written into headers; tests pin it so goldens do not churn.
	GeneratorVersion string
}

// File is one generated file: a path relative to the output directory and its bytes.
type File = emit.File

// Files is the complete output of one generation, in path order.
type Files []File

// Result is what Generate produced: the files, the project they came from and its warnings.
type Result struct {
	Files   Files
	Project *dictionary.Project
	Names   *naming.Names
}

// Generate runs the whole pipeline in memory: nothing is written.
func Generate(ctx context.Context, cfg Config) (*Result, error) {
	p, err := loadProject(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return GenerateProject(p, cfg)
}

// loadProject loads the source and adds the event design file, if any.
func loadProject(ctx context.Context, cfg Config) (*dictionary.Project, error) {
	if err := checkPackageName(cfg.Package); err != nil {
		return nil, err
	}
	if cfg.Source == nil {
		return nil, errors.New("no dictionary source: give a dictionary file or an API URL")
	}
	p, err := cfg.Source.Load(ctx)
	if err != nil {
		return nil, err
	}
	if cfg.EventsFile != "" {
		if err := addEventDesign(p, cfg.EventsFile); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// GenerateProject names and emits an already loaded project.
func GenerateProject(p *dictionary.Project, cfg Config) (*Result, error) {
	if err := checkPackageName(cfg.Package); err != nil {
		return nil, err
	}
	var pins naming.Pins
	if cfg.NamesFile != "" {
		var err error
		if pins, err = naming.ReadPins(cfg.NamesFile); err != nil {
			return nil, fmt.Errorf("read names file: %w", err)
		}
	}
	names, err := naming.Resolve(p, pins)
	if err != nil {
		return nil, fmt.Errorf("name Go identifiers: %w", err)
	}
	snap := snapshot.Snapshot(p)
	emitted, err := emit.Emit(p, names, emit.Config{
		Package:          cfg.Package,
		GeneratorVersion: versionOrDefault(cfg.GeneratorVersion),
		Fingerprint:      snapshot.Fingerprint(p),
		Snapshot:         snap,
	})
	if err != nil {
		return nil, fmt.Errorf("emit Go code: %w", err)
	}
	files := Files(emitted) // the snapshot text among them
	slices.SortFunc(files, func(a, b File) int { return compareStrings(a.Path, b.Path) })
	return &Result{Files: files, Project: p, Names: names}, nil
}

// checkPackageName is naming.CheckPackageName: the one rule for package names.
func checkPackageName(name string) error { return naming.CheckPackageName(name) }

func versionOrDefault(v string) string {
	if v == "" {
		return "(devel)"
	}
	return v
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
