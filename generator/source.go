package generator

import (
	"context"
	"fmt"

	"github.com/redcapgen/redcapgen/dictionary"
)

// Source is where a project's dictionary comes from: the only step besides writing that does I/O.
type Source interface {
	// Load reads and checks the dictionary.
	Load(ctx context.Context) (*dictionary.Project, error)
	// String describes the source for messages, without secrets.
	String() string
}

// FileSource reads a dictionary file: Data Dictionary CSV, API JSON or XML, or project XML.
type FileSource struct {
	Path string
}

// Load reads the file; the reader is chosen by content.
func (s FileSource) Load(ctx context.Context) (*dictionary.Project, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p, err := dictionary.ReadFile(s.Path)
	if err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	return p, nil
}

// String returns the file path.
func (s FileSource) String() string { return s.Path }
