package naming

import (
	"strings"
	"testing"
)

func TestCheckPackageName(t *testing.T) {
	tests := []struct {
		name, wantErr string
	}{
		{"study", ""},
		{"study2", ""},
		{"my_study", ""}, // Go allows it; generated packages used it before
		{"redcap", ""},
		{"", "no package name"},
		{"Study", `"Study" is not a lower-case Go identifier`},
		{"my-study", "not a lower-case Go identifier"},
		{"_study", "starting with a letter"},
		{"2study", "starting with a letter"},
		{"étude", "not a lower-case Go identifier"},
		{"type", `"type" is a Go keyword; choose another package name`},
		{"func", "Go keyword"},
		{"len", `"len" is a predeclared Go identifier`},
		{"string", "predeclared"},
		{"true", "predeclared"},
		{"nil", "predeclared"},
		{"any", "predeclared"},
		{"error", "predeclared"},
		{"append", "predeclared"},
		{"min", "predeclared"},
		{"max", "predeclared"},
		{"clear", "predeclared"},
		{"iota", "predeclared"},
		{"comparable", "predeclared"},
		{"main", `"main" names a program`},
	}
	for _, tt := range tests {
		err := CheckPackageName(tt.name)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("CheckPackageName(%q) = %v, want nil", tt.name, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("CheckPackageName(%q) = %v, want an error containing %q", tt.name, err, tt.wantErr)
		case err != nil && tt.name != "" && !strings.HasSuffix(err.Error(), "choose another package name"):
			t.Errorf("CheckPackageName(%q) = %v, want it to say what to do", tt.name, err)
		}
	}
}
