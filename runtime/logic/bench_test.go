package logic_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/logic"
)

// benchProject parses every branching and computed expression of a dictionary and returns them
// with one record of REDCap's logic vectors for it (a blank record when there is none).
func benchProject(b *testing.B, dict, vectors string) (project, []*logic.Expr, []*logic.Expr, logic.Env, logic.Context) {
	b.Helper()
	t := &testing.T{}
	p := loadProject(t, sharedPath(t, dict))
	var branching, calcs []*logic.Expr
	for _, f := range p.dict.Fields() {
		if f.Branching != "" {
			if e, err := logic.Parse(f.Branching); err == nil {
				branching = append(branching, e)
			}
		}
		if kind, src := logic.ComputedExpression(string(f.Type), f.ChoicesRaw, f.Annotation); kind != logic.NotComputed {
			if e, err := logic.Parse(src); err == nil {
				calcs = append(calcs, e)
			}
		}
	}
	row := map[string]string{}
	if vectors != "" {
		for _, c := range loadVectors(t, filepath.Join(sharedPath(t, "conformance/logic"), vectors)) {
			if strings.HasSuffix(c.Name, "_export_all") {
				rows, _ := exportRows(t, c.Body, p.dict.RecordIDField().Name)
				row = rows[0]
			}
		}
	}
	return p, branching, calcs, recordEnv(row), logic.Context{Record: "1", Now: captureDay}
}

// recordEnv is one decoded classic record: its values by export column.
type recordEnv map[string]string

func (r recordEnv) Value(field, code, event string, instance int) string {
	if code != "" {
		return r[dictionary.CheckboxColumn(field, code)]
	}
	return r[field]
}

func benchEval(b *testing.B, p project, exprs []*logic.Expr, env logic.Env, ctx logic.Context) {
	if len(exprs) == 0 {
		b.Skip("no expressions")
	}
	b.ReportAllocs()
	b.ReportMetric(float64(len(exprs)), "expressions")
	for b.Loop() {
		for _, e := range exprs {
			logic.Selects(e.Eval(p.schema, env, ctx))
		}
	}
}

// BenchmarkBranchingLargest evaluates every branching expression of the largest shared
// dictionary (11,872 fields) over one record.
func BenchmarkBranchingLargest(b *testing.B) {
	p, branching, _, env, ctx := benchProject(b, "dictionaries/ncanda-laptops-import.csv", "")
	benchEval(b, p, branching, env, ctx)
}

// BenchmarkBranchingTBI evaluates the 3,509 branching expressions of the TBI dictionary over a
// record REDCap stored.
func BenchmarkBranchingTBI(b *testing.B) {
	p, branching, _, env, ctx := benchProject(b, "dictionaries/tbi-return-to-school.csv", "tbi_return_to_school.jsonl.gz")
	benchEval(b, p, branching, env, ctx)
}

// BenchmarkCalcsTBI recomputes the 54 calculations of the TBI dictionary over a record.
func BenchmarkCalcsTBI(b *testing.B) {
	p, _, calcs, env, ctx := benchProject(b, "dictionaries/tbi-return-to-school.csv", "tbi_return_to_school.jsonl.gz")
	benchEval(b, p, calcs, env, ctx)
}

// BenchmarkParseTBI parses the TBI dictionary's branching expressions.
func BenchmarkParseTBI(b *testing.B) {
	p, _, _, _, _ := benchProject(b, "dictionaries/tbi-return-to-school.csv", "")
	var srcs []string
	for _, f := range p.dict.Fields() {
		if f.Branching != "" {
			srcs = append(srcs, f.Branching)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range srcs {
			logic.Parse(s)
		}
	}
}
