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
		{"", "empty"},
		{"Study", "lower-case"},
		{"my_study", "lower-case"},
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
