package redcap_test

import (
	"testing"

	"github.com/redcapgen/redcapgen/internal/apidoc"
)

// TestEveryExportedNameIsDocumented keeps go doc complete: every exported function, type,
// method, constant and variable of the package has a doc comment.
func TestEveryExportedNameIsDocumented(t *testing.T) {
	missing, err := apidoc.Undocumented(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range missing {
		t.Errorf("%s has no doc comment", name)
	}
}
