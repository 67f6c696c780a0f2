package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// moduleRoot returns the directory holding the module's go.mod, walking up from the working
// directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find module root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("find module root: no go.mod above the working directory")
		}
		dir = parent
	}
}

// sharedDictionary returns the path of a dictionary of the shared test corpus (a directory named
// shared beside the checkout).
func sharedDictionary(name string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	path := filepath.Join(filepath.Dir(root), "shared", "dictionaries", name)
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("shared dictionary %s is missing (../shared beside the checkout): %w", name, err)
	}
	return path, nil
}
