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
		{"", "no package name"},
		{"Study", "lower-case"},
		{"my_study", ""}, // Go allows it; generated packages used it before
		{"_study", "starting with a letter"},
		{"nil", "predeclared"},
		{"any", "predeclared"},
		{"2study", "starting with a letter"},
		{"étude", "lower-case"},
		{"type", "keyword"},
		{"func", "keyword"},
		{"string", "predeclared"},
		{"len", "predeclared"},
	}
	for _, tt := range tests {
		err := CheckPackageName(tt.name)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("CheckPackageName(%q) = %v, want nil", tt.name, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("CheckPackageName(%q) = %v, want an error containing %q", tt.name, err, tt.wantErr)
		}
	}
}
