package apidoc

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestUndocumented(t *testing.T) {
	got, err := Undocumented("testdata/partly")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Bare", "D", "E", "NewU", "T.Bad", "U"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Undocumented (-want +got):\n%s", diff)
	}
}

func TestUndocumentedRefusesAMissingDirectory(t *testing.T) {
	if _, err := Undocumented("testdata/none"); err == nil {
		t.Error("Undocumented of a missing directory gave no error")
	}
}
