package emit

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/google/go-cmp/cmp"
)

func TestRenderReportsBrokenCode(t *testing.T) {
	f := jen.NewFilePathName("", "study")
	f.Func().Id("A").Params().Block()
	f.Func().Id("B").Params().Block(jen.Op("}}{{"))
	f.Func().Id("C").Params().Block()
	_, err := render("redcap_broken_gen.go", f)
	if err == nil {
		t.Fatal("render accepted code that does not parse")
	}
	msg := err.Error()
	for _, want := range []string{"generated file redcap_broken_gen.go:", "a redcapgen bug", "> ", "| func B () {", "redcap_broken_gen.go:6"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	if n := strings.Count(msg, "\n"); n > 2*contextLines+2 {
		t.Errorf("error shows %d lines, want only a few around the problem:\n%s", n, msg)
	}
}

func TestSpansOf(t *testing.T) {
	tests := []struct {
		name string
		cols []int
		want []span
	}{
		{"empty", nil, nil},
		{"one run", []int{3, 4, 5}, []span{{Start: 3, End: 6}}},
		{"unsorted with a gap", []int{9, 1, 2, 8}, []span{{Start: 1, End: 3}, {Start: 8, End: 10}}},
		{"duplicates", []int{2, 2, 3}, []span{{Start: 2, End: 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, spansOf(tt.cols)); diff != "" {
				t.Errorf("spansOf(%v) mismatch (-want +got):\n%s", tt.cols, diff)
			}
		})
	}
}
