package emit

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSharedEnums checks which choice fields share a type: identical codes and labels in the same
// order share, the owner is the field whose REDCap name sorts first whatever the dictionary
// order, and a list differing by a label or by order stays a type of its own.
func TestSharedEnums(t *testing.T) {
	rows := []dictRow{
		{Name: "record_id", Form: "f", Type: "text", Label: "ID"},
		{Name: "mood_b", Form: "f", Type: "radio", Label: "B", Choices: "1, Never | 2, Often"},
		{Name: "mood_a", Form: "f", Type: "dropdown", Label: "A", Choices: "1, Never | 2, Often"},
		{Name: "mood_html", Form: "f", Type: "radio", Label: "H", Choices: "1, Never | 2, <b>Often</b>"},
		{Name: "mood_order", Form: "f", Type: "radio", Label: "O", Choices: "2, Often | 1, Never"},
		{Name: "moods", Form: "g", Type: "checkbox", Label: "C", Choices: "1, Never | 2, Often"},
		{Name: "smoker", Form: "g", Type: "yesno", Label: "S"},
		{Name: "drinker", Form: "g", Type: "yesno", Label: "D"},
	}
	want := map[string]string{"MoodB": "MoodA", "Moods": "MoodA", "Smoker": "Drinker"}
	for try := range 5 {
		shuffled := append([]dictRow{rows[0]}, rows[1:]...)
		if try > 0 {
			r := rand.New(rand.NewPCG(uint64(try), 7))
			f, g := shuffled[1:5], shuffled[5:] // fields of a form stay together
			r.Shuffle(len(f), func(i, j int) { f[i], f[j] = f[j], f[i] })
			r.Shuffle(len(g), func(i, j int) { g[i], g[j] = g[j], g[i] })
		}
		pl := smallPlan(t, readRows(t, shuffled))
		if d := cmp.Diff(want, pl.sharedEnum); d != "" {
			t.Errorf("order %d: aliases (-want +got):\n%s", try, d)
		}
		sharers := map[string]int{}
		for _, ep := range pl.enums() {
			if ep.alias == nil {
				sharers[ep.typ] = ep.sharers
			}
		}
		if d := cmp.Diff(map[string]int{"MoodA": 2, "MoodHTML": 0, "MoodOrder": 0, "Drinker": 1}, sharers); d != "" {
			t.Errorf("order %d: owners and their sharers (-want +got):\n%s", try, d)
		}
		if got := pl.enumType(fieldOf(t, pl, "mood_b")); got != "MoodA" {
			t.Errorf("order %d: mood_b decodes with Parse%s, want ParseMoodA", try, got)
		}
	}
}
