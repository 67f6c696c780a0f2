package redcaptest

import (
	"fmt"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
)

// NewServerFromSnapshot starts a fake REDCap server on a loopback port for the project a
// generated package was made from, given the package's embedded Snapshot text: its fields,
// forms and labels, survey flags, arms, events, form-event mapping, repeating forms and events,
// and missing-data codes. So a test or a demo needs only the generated package, not the
// dictionary file. The snapshot holds no project title or ID: set them with WithProjectInfo.
// Bad text is an error naming its line; close the server when done.
func NewServerFromSnapshot(snapshotText string, opts ...Option) (*Server, error) {
	p, err := projectFromSnapshot(snapshotText)
	if err != nil {
		return nil, err
	}
	return NewServer(p, opts...), nil
}

// NewUnstartedServerFromSnapshot is NewServerFromSnapshot without a listener: use Handler to
// serve it yourself.
func NewUnstartedServerFromSnapshot(snapshotText string, opts ...Option) (*Server, error) {
	p, err := projectFromSnapshot(snapshotText)
	if err != nil {
		return nil, err
	}
	return NewUnstartedServer(p, opts...), nil
}

// projectFromSnapshot reads a snapshot text into the project the server holds.
func projectFromSnapshot(snapshotText string) (*dictionary.Project, error) {
	p, err := snapshot.ParseSnapshot([]byte(snapshotText))
	if err != nil {
		return nil, fmt.Errorf("redcaptest: read the snapshot: %w", err)
	}
	if len(p.Fields()) == 0 {
		return nil, fmt.Errorf("redcaptest: read the snapshot: it declares no field (want the Snapshot of a generated package)")
	}
	return p, nil
}
