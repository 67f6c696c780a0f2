package emit

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/dictionary"
)

// TestSharedSets checks which checkbox fields share a set type: identical choices (codes and
// labels, in order) and identical missing-data code columns share, the owner being the field
// whose REDCap name sorts first; @NOMISSING (no missing-code columns) or another label makes a
// type of its own.
func TestSharedSets(t *testing.T) {
	p := readRows(t, []dictRow{
		{Name: "record_id", Form: "f", Type: "text", Label: "ID"},
		{Name: "seen_b", Form: "f", Type: "checkbox", Label: "B", Choices: "1, Never | 2, Often"},
		{Name: "seen_a", Form: "f", Type: "checkbox", Label: "A", Choices: "1, Never | 2, Often"},
		{Name: "seen_c", Form: "f", Type: "checkbox", Label: "C", Choices: "1, Never | 2, Often"},
		{Name: "seen_nomiss", Form: "f", Type: "checkbox", Label: "N", Choices: "1, Never | 2, Often", Annotation: "@NOMISSING"},
		{Name: "seen_nomiss2", Form: "f", Type: "checkbox", Label: "N2", Choices: "1, Never | 2, Often", Annotation: "@NOMISSING"},
		{Name: "seen_label", Form: "f", Type: "checkbox", Label: "L", Choices: "1, Never | 2, Always"},
	})
	p.MissingCodes = []dictionary.MissingCode{{Code: "UNK", Label: "Unknown"}}
	pl := smallPlan(t, p)
	got := map[string]string{}
	for fd, owner := range pl.setOwner {
		got[fd.field.Name] = owner.field.Name
	}
	want := map[string]string{"seen_b": "seen_a", "seen_c": "seen_a", "seen_nomiss2": "seen_nomiss"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("set aliases (-want +got):\n%s", d)
	}
}
