package redcaptest

import (
	"slices"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// TestValidationTableMatchesDictionary: the fake lists exactly the validation types the
// dictionary reader knows, each once and with an expression.
func TestValidationTableMatchesDictionary(t *testing.T) {
	var names []string
	for _, v := range validationTable {
		if v.regex == "" {
			t.Errorf("%s has no regular expression", v.name)
		}
		names = append(names, v.name)
	}
	known := dictionary.KnownValidations()
	slices.Sort(names)
	slices.Sort(known)
	if !slices.Equal(names, known) {
		t.Errorf("validation types %v, the dictionary knows %v", names, known)
	}
}
