package naming

import "testing"

func TestSpellName(t *testing.T) {
	tests := []struct {
		name, readable, lossless string
	}{
		{"record_id", "RecordID", "Record_ID"},
		{"dob_1", "DOB1", "DOB_1"},
		{"dob1", "Dob1", "Dob1"},
		{"a_1", "A1", "A_1"},
		{"youthreport1_ageeq_1", "Youthreport1Ageeq1", "Youthreport1_Ageeq_1"},
		{"reshist_addr1_ADI_edu_l", "ReshistAddr1ADIEduL", "Reshist_Addr1_ADI_Edu_L"},
		{"reshist_addr1_WalkIndex", "ReshistAddr1WalkIndex", "Reshist_Addr1_WalkIndex"},
		{"type", "Type", "Type"},
		{"-1", "Minus1", "Minus1"},
		{"5.5", "5Dot5", "5Dot5"},
		{"9..9", "9DotDot9", "9DotDot9"},
		{"en-US", "EnMinusUS", "EnMinusUS"},
		{"2029_7", "20297", "2029_7"},
		{"café", "Cafe", "Cafe"},
		{"中", "U4E2D", "U4E2D"},
		{"a+b", "APlusB", "APlusB"},
		{"_x_", "X", "X"},
		{"", "", ""},
	}
	for _, tt := range tests {
		got := spellName(tt.name)
		if got.readable != tt.readable || got.lossless != tt.lossless {
			t.Errorf("spellName(%q) = %q, %q; want %q, %q", tt.name, got.readable, got.lossless, tt.readable, tt.lossless)
		}
	}
}

func TestLabelName(t *testing.T) {
	tests := []struct {
		label, want string
	}{
		{"Female", "Female"},
		{"<b>Don't</b> know", "DontKnow"},
		{"Don’t know", "DontKnow"},
		{"-9 Unknown", "Minus9Unknown"},
		{"Mother-in-law", "MotherInLaw"},
		{"5.5 mg", "5Dot5Mg"},
		{"Dr. Who", "DrWho"},
		{"< 18 years", "Lt18Years"},
		{"≥ 65", "Ge65"},
		{"50% & more", "50PctAndMore"},
		{"Été", "Ete"},
		{"😀", ""},
		{"<span style=\"color:red\">Yes</span> 😀", "Yes"},
		{"&lt;5 &amp; &gt;2", "Lt5AndGt2"},
		{"hiv positive", "HIVPositive"},
		{"Strongly agree with the statement that follows", "StronglyAgreeWithTheStatement"},
		{"Supercalifragilisticexpialidocious extraordinarily long", "Supercalifragilisticexpialidocious"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := labelName(tt.label); got != tt.want {
			t.Errorf("labelName(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

func TestIsExportedIdentifier(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Sex", true}, {"Dob_1", true}, {"A1", true},
		{"sex", false}, {"1A", false}, {"", false}, {"_A", false}, {"Café", false}, {"A-B", false},
	}
	for _, tt := range tests {
		if got := IsExportedIdentifier(tt.s); got != tt.want {
			t.Errorf("IsExportedIdentifier(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestIdentifier(t *testing.T) {
	tests := []struct{ text, prefix, want string }{
		{"baseline_arm_1", "Event", "BaselineArm1"},
		{"1_month_arm_1", "Event", "Event1MonthArm1"},
		{"", "X", "X"},
	}
	for _, tt := range tests {
		if got := Identifier(tt.text, tt.prefix); got != tt.want {
			t.Errorf("Identifier(%q, %q) = %q, want %q", tt.text, tt.prefix, got, tt.want)
		}
	}
}

func FuzzSpellName(f *testing.F) {
	for _, s := range []string{"record_id", "-1", "9..9", "café", "中", "a_1", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := spellName(s)
		for _, name := range []string{got.readable, got.lossless, labelName(s)} {
			if name != "" && !IsExportedIdentifier(withPrefix("X", name)) {
				t.Fatalf("%q gives %q, not an identifier", s, name)
			}
		}
		if id := Identifier(s, "X"); !IsExportedIdentifier(id) {
			t.Fatalf("Identifier(%q) = %q", s, id)
		}
	})
}
