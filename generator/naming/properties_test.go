package naming

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// nameTable lists every name of p by pin key, for comparisons.
func nameTable(p *dictionary.Project, n *Names) map[string]string {
	t := map[string]string{}
	for _, f := range p.Forms {
		t[formKey(f.Name)] = n.Form(f.Name)
		for _, fld := range f.Fields {
			t[fieldKey(fld.Name)] = n.Field(fld.Name)
			if !IsEnumField(fld) {
				continue
			}
			t[enumKey(fld.Name)] = n.Enum(fld.Name)
			if fld.Type == dictionary.TypeCheckbox {
				t[setKey(fld.Name)] = n.Set(fld.Name)
			}
			for _, ch := range fld.EffectiveChoices() {
				t[constKey(fld.Name, ch.Code)] = n.EnumConst(fld.Name, ch.Code)
			}
		}
	}
	for _, e := range p.Events {
		t[eventKey(e.UniqueName)] = n.Event(e.UniqueName)
	}
	for _, a := range p.Arms {
		t[armKey(a.Num)] = n.Arm(a.Num)
	}
	return t
}

// checkProperties asserts that every name is a valid exported identifier and unique in its scope.
func checkProperties(t *testing.T, p *dictionary.Project, n *Names) {
	t.Helper()
	for key, name := range nameTable(p, n) {
		if !IsExportedIdentifier(name) {
			t.Errorf("%s = %q: not an exported identifier", key, name)
		}
	}
	pkg := map[string]string{}
	for _, r := range reservedPackageNames {
		pkg[r] = "reserved"
	}
	claim := func(scope map[string]string, name, key string) {
		if other, dup := scope[name]; dup {
			t.Errorf("%s and %s share Go name %q", other, key, name)
		}
		scope[name] = key
	}
	for key, name := range nameTable(p, n) {
		if strings.HasPrefix(key, "field:") {
			continue
		}
		claim(pkg, name, key)
		if strings.HasPrefix(key, "enum:") {
			for _, fn := range EnumFuncNames(name) {
				claim(pkg, fn, "function of "+key)
			}
		}
	}
	for _, f := range p.Forms {
		scope := map[string]string{}
		for name := range structReserved() {
			scope[name] = "reserved"
		}
		for _, fld := range f.Fields {
			claim(scope, n.Field(fld.Name), fieldKey(fld.Name))
		}
		if recordMemberReserved()[n.Form(f.Name)] {
			t.Errorf("form %q is named %q, a Record member name", f.Name, n.Form(f.Name))
		}
	}
}

// shuffle returns a copy of p with forms, fields, choices, events and arms in a random order.
func shuffle(p *dictionary.Project, rng *rand.Rand) *dictionary.Project {
	q := *p
	q.Forms = nil
	for _, f := range p.Forms {
		g := *f
		g.Fields = nil
		for _, fld := range f.Fields {
			c := *fld
			c.Choices = slices.Clone(fld.Choices)
			rng.Shuffle(len(c.Choices), func(i, j int) { c.Choices[i], c.Choices[j] = c.Choices[j], c.Choices[i] })
			g.Fields = append(g.Fields, &c)
		}
		rng.Shuffle(len(g.Fields), func(i, j int) { g.Fields[i], g.Fields[j] = g.Fields[j], g.Fields[i] })
		q.Forms = append(q.Forms, &g)
	}
	rng.Shuffle(len(q.Forms), func(i, j int) { q.Forms[i], q.Forms[j] = q.Forms[j], q.Forms[i] })
	q.Events = slices.Clone(p.Events)
	rng.Shuffle(len(q.Events), func(i, j int) { q.Events[i], q.Events[j] = q.Events[j], q.Events[i] })
	q.Arms = slices.Clone(p.Arms)
	rng.Shuffle(len(q.Arms), func(i, j int) { q.Arms[i], q.Arms[j] = q.Arms[j], q.Arms[i] })
	return &q
}

// checkOrderIndependent resolves shuffled copies of p and compares with the names of p.
func checkOrderIndependent(t *testing.T, p *dictionary.Project, want map[string]string, rounds int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < rounds; i++ {
		q := shuffle(p, rng)
		n, err := Resolve(q, nil)
		if err != nil {
			t.Fatalf("shuffle %d: Resolve: %v", i, err)
		}
		if diff := cmp.Diff(want, nameTable(q, n)); diff != "" {
			t.Fatalf("shuffle %d changed names (-want +got):\n%s", i, diff)
		}
	}
}

func TestNastyProperties(t *testing.T) {
	p := nastyProject()
	n, err := Resolve(p, nil)
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	checkProperties(t, p, n)
	checkOrderIndependent(t, p, nameTable(p, n), 50)
}

// sharedDictionaries returns the paths of the shared dictionaries (see sharedtest.Dictionaries).
func sharedDictionaries(t testing.TB) []string { return sharedtest.Dictionaries(t) }

// readDictionary reads one shared dictionary.
func readDictionary(t testing.TB, path string) *dictionary.Project {
	t.Helper()
	p, err := dictionary.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", filepath.Base(path), err)
	}
	return p
}

func TestCorpusProperties(t *testing.T) {
	for _, path := range sharedDictionaries(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p := readDictionary(t, path)
			n, err := Resolve(p, nil)
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			checkProperties(t, p, n)
			rounds := 3
			if testing.Short() {
				rounds = 1
			}
			checkOrderIndependent(t, p, nameTable(p, n), rounds)
		})
	}
}
