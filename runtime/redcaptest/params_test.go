package redcaptest

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParamsList: array parameters arrive in every shape REDCap clients send them, and are read
// as PHP reads them.
func TestParamsList(t *testing.T) {
	tests := []struct {
		name string
		form string
		want []string
	}{
		{"indexed, out of order", "records[1]=b&records[0]=a&records[10]=c", []string{"a", "b", "c"}},
		{"repeated []", "records[]=a&records[]=b&records[]=c", []string{"a", "b", "c"}},
		{"indexed then []", "records[]=z&records[0]=a", []string{"a", "z"}},
		{"index sent twice keeps the last", "records[0]=a&records[0]=b", []string{"b"}},
		{"comma-separated", "records=a,%20b,,c", []string{"a", "b", "c"}},
		{"array wins over comma list", "records=x,y&records[0]=a", []string{"a"}},
		{"absent", "fields[0]=f", []string{}},
	}
	for _, tt := range tests {
		v, err := url.ParseQuery(tt.form)
		if err != nil {
			t.Fatal(err)
		}
		got := params{v: v}.list("records")
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s: list(records) (-want +got):\n%s", tt.name, d)
		}
	}
}
