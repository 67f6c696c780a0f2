package generator

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// TestAPISourceGivesSameBytesAsFile serves each shared dictionary from the fake REDCap server and
// requires generation through the API to give the same files as generation from the file: form
// labels (a dictionary's forms get REDCap's default labels) and survey forms (asked form by form)
// included. Only the header's "Source:" line differs.
func TestAPISourceGivesSameBytesAsFile(t *testing.T) {
	for _, path := range sharedtest.Dictionaries(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p, err := dictionary.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			srv := redcaptest.NewServer(p, redcaptest.WithProjectInfo(p.Title, 17))
			defer srv.Close()
			t.Setenv("REDCAPGEN_TEST_TOKEN", srv.Token())
			client, err := redcap.NewClient(srv.URL(), redcap.TokenFromEnv("REDCAPGEN_TEST_TOKEN"))
			if err != nil {
				t.Fatal(err)
			}
			fromAPI, err := Generate(context.Background(), Config{Source: APISource{Client: client}, Package: "study", GeneratorVersion: "v0.0.0-test"})
			if err != nil {
				t.Fatalf("generate from API: %v", err)
			}
			fileProject, err := dictionary.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fromFile, err := GenerateProject(fileProject, Config{Package: "study", GeneratorVersion: "v0.0.0-test"})
			if err != nil {
				t.Fatalf("generate from file: %v", err)
			}
			if len(fromAPI.Files) != len(fromFile.Files) {
				t.Fatalf("API gave %d files, file gave %d", len(fromAPI.Files), len(fromFile.Files))
			}
			for i := range fromFile.Files {
				a, f := fromAPI.Files[i], fromFile.Files[i]
				if a.Path != f.Path {
					t.Fatalf("file %d: API %s, file %s", i, a.Path, f.Path)
				}
				if !bytes.Equal(withoutSourceLine(a.Bytes), withoutSourceLine(f.Bytes)) {
					t.Errorf("%s differs between API and file generation (-file +API):\n%s", a.Path, cmp.Diff(string(withoutSourceLine(f.Bytes)), string(withoutSourceLine(a.Bytes))))
				}
			}
		})
	}
}

// withoutSourceLine drops the header line that names the source.
func withoutSourceLine(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	out := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(l, "// Source: ") {
			out = append(out, l)
		}
	}
	return []byte(strings.Join(out, "\n"))
}
