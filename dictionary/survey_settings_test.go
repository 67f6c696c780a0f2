package dictionary

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProjectXMLSurveySettings checks which survey forms a project XML gives Save & Return Later,
// and whether its survey queue is on.
func TestProjectXMLSurveySettings(t *testing.T) {
	tests := []struct {
		file          string
		surveys       []string
		saveAndReturn []string
		queue         bool
	}{
		{"dictionaries/pycap-longitudinal.xml", []string{"contact_info"}, []string{"contact_info"}, true},
		{"conformance/projects/long_surveys.xml", []string{"contact_info"}, []string{"contact_info"}, true},
		{"dictionaries/rsvc-a64400.xml", []string{"survey", "consent"}, nil, false},
		{"conformance/projects/classic_admin.xml", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, err := ReadFile(filepath.Join(sharedDir(t), tt.file))
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			type settings struct {
				Surveys, SaveAndReturn []string
				Queue                  bool
			}
			want := settings{tt.surveys, tt.saveAndReturn, tt.queue}
			got := settings{p.SurveyForms, p.SaveAndReturnForms, p.SurveyQueue}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("survey settings (-want +got):\n%s", diff)
			}
		})
	}
}
