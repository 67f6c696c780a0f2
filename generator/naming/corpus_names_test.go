package naming

import (
	"path/filepath"
	"testing"

	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// TestCorpusNames pins the names of the hard cases the shared dictionaries hold.
func TestCorpusNames(t *testing.T) {
	paths := map[string]string{} // every dictionary, the large ones under -short too
	all, err := filepath.Glob(filepath.Join(sharedtest.Dir(t), "dictionaries", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range all {
		paths[filepath.Base(p)] = p
	}
	tests := []struct {
		file string
		get  func(n *Names) string
		what string
		want string
	}{
		{"harmonist-hub.csv", func(n *Names) string { return n.Form("admin_update") }, `form "admin_update"`, "AdminUpdate"},
		{"harmonist-hub.csv", func(n *Names) string { return n.Field("admin_update") }, `field "admin_update"`, "AdminUpdate"},
		{"harmonist-hub.csv", func(n *Names) string { return n.EnumConst("admin_status", "4") }, `choice 4 of "admin_status"`, "AdminStatusSubmittedToJournal"},
		// Written reshist_addr1_ADI_edu_l; REDCap stores (and exports) it lower-cased.
		{"abcd-geocoding.csv", func(n *Names) string { return n.Field("reshist_addr1_adi_edu_l") }, `field "reshist_addr1_adi_edu_l"`, "ReshistAddr1AdiEduL"},
		{"ncanda-laptops-import.csv", func(n *Names) string { return n.Field("youthreport1_ageeq1") }, `field "youthreport1_ageeq1"`, "Youthreport1_Ageeq1"},
		{"ncanda-laptops-import.csv", func(n *Names) string { return n.Field("youthreport1_ageeq_1") }, `field "youthreport1_ageeq_1"`, "Youthreport1_Ageeq_1"},
		{"redcap-regression-test.csv", func(n *Names) string { return n.Field("a1") }, `field "a1"`, "A1"},
		{"redcap-regression-test.csv", func(n *Names) string { return n.Field("a_1") }, `field "a_1"`, "A_1"},
		{"rsvc-a64400.xml", func(n *Names) string { return n.EnumConst("radio_button_manual", "9..9") }, `choice 9..9`, "RadioButtonManualChoice99"},
		{"bridge2ai-voice.csv", func(n *Names) string { return n.EnumConst("selected_language_2", "es-419") }, `choice es-419`, "SelectedLanguage2Spanish"},
		{"bridge2ai-voice.csv", func(n *Names) string { return n.EnumConst("diagnosis_as_gsd", "yes") }, `choice yes of "diagnosis_as_gsd"`, "DiagnosisAsGsd_Yes"},
		{"bridge2ai-voice.csv", func(n *Names) string { return n.Enum("diagnosis_as_gsd_yes") }, `enum "diagnosis_as_gsd_yes"`, "DiagnosisAsGsdYes"},
		{"tbi-return-to-school.csv", func(n *Names) string { return n.Enum("ppcsi_16b_m24") }, `enum "ppcsi_16b_m24"`, "Ppcsi16BM24"},
		{"tbi-return-to-school.csv", func(n *Names) string { return n.EnumConst("ppcsi_16b_m2", "4") }, `choice 4 of "ppcsi_16b_m2"`, "Ppcsi16BM2_4"},
		{"redcap-etl-repeating-events.xml", func(n *Names) string { return n.Event("baseline_arm_1") }, `event "baseline_arm_1"`, "BaselineArm1"},
	}
	resolved := map[string]*Names{}
	for _, tt := range tests {
		n, ok := resolved[tt.file]
		if !ok {
			path, found := paths[tt.file]
			if !found {
				t.Fatalf("%s is not in the shared dictionaries", tt.file)
			}
			var err error
			if n, err = Resolve(readDictionary(t, path), nil); err != nil {
				t.Fatalf("%s: Resolve: %v", tt.file, err)
			}
			resolved[tt.file] = n
		}
		if got := tt.get(n); got != tt.want {
			t.Errorf("%s: %s = %q, want %q", tt.file, tt.what, got, tt.want)
		}
	}
}
