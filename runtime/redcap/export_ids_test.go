package redcap

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRecordIDs(t *testing.T) {
	tests := []struct {
		name string
		rows []string
		want []string
	}{
		{"none", nil, []string{}},
		{"one", []string{"1"}, []string{"1"}},
		{"rows of a record together", []string{"1", "1", "1", "2", "10", "10"}, []string{"1", "2", "10"}},
		{"rows of a record apart keep the first place", []string{"3", "1", "3", "2", "1", "3"}, []string{"3", "1", "2"}},
		{"prefixes are different IDs", []string{"1", "10", "1", "101"}, []string{"1", "10", "101"}},
		{"non-ASCII IDs", []string{"é", "e", "é"}, []string{"é", "e"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newRecordIDsBuilder()
			for _, id := range tt.rows {
				if err := b.add(id); err != nil {
					t.Fatal(err)
				}
			}
			l := b.list()
			if diff := cmp.Diff(tt.want, l.Slice(0, l.Len())); diff != "" {
				t.Fatalf("IDs (-want +got):\n%s", diff)
			}
			for i, id := range tt.want {
				if l.At(i) != id {
					t.Fatalf("At(%d) = %q, want %q", i, l.At(i), id)
				}
			}
			if l.Len() > 1 {
				if diff := cmp.Diff(tt.want[1:2], l.Slice(1, 2)); diff != "" {
					t.Fatalf("Slice(1, 2) (-want +got):\n%s", diff)
				}
			}
		})
	}
}
