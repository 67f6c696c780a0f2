package redcapimpl

import (
	"testing"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// TestInstanceRoundTrip checks that every instance number an encoder writes reads back as the
// same number, and that a new instance is sent as REDCap's "new", which no export holds.
func TestInstanceRoundTrip(t *testing.T) {
	for _, n := range []int{1, 2, 10, 999} {
		if got, ok := ParseInstance(FormatInstance(n)); !ok || got != n {
			t.Errorf("ParseInstance(FormatInstance(%d)) = %d, %v", n, got, ok)
		}
	}
	text := FormatInstance(redcap.NewInstanceNumber)
	if text != "new" {
		t.Errorf("FormatInstance(NewInstanceNumber) = %q, want %q", text, "new")
	}
	if _, ok := ParseInstance(text); ok {
		t.Errorf("ParseInstance(%q) accepted the import-only text", text)
	}
}
