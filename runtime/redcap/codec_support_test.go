package redcap

import "testing"

func TestRowErrorMessage(t *testing.T) {
	tests := []struct {
		err  RowError
		want string
	}{
		{RowError{Record: "7", Row: 2, Column: "dob", Problem: "bad"}, `redcap: record "7", row 2, column "dob": bad`},
		{RowError{Record: "7", Event: "week_2_arm_2", Instance: "0", Problem: "instance numbers start at 1"},
			`redcap: record "7", event "week_2_arm_2", instance "0": instance numbers start at 1`},
		{RowError{Record: "a", Row: 1, RepeatInstrument: "meds", Instance: "x", Problem: "p"},
			`redcap: record "a", row 1, repeating instrument "meds", instance "x": p`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}
