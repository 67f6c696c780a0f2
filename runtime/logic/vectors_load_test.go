package logic_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
	"github.com/redcapgen/redcapgen/runtime/logic"
)

// loadVectors reads one gzip-compressed vector file.
func loadVectors(t *testing.T, path string) []sharedtest.Vector {
	t.Helper()
	return sharedtest.ReadVectors(t, path)
}

// project is a dictionary read for the vectors, with the schema logic needs.
type project struct {
	dict   *dictionary.Project
	schema *logic.Schema
}

func loadProject(t *testing.T, path string) project {
	t.Helper()
	p, err := dictionary.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return project{dict: p, schema: dictionary.LogicSchema(p)}
}

// rowEnv is a record's exported rows as a logic.Env.
type rowEnv struct {
	p    *dictionary.Project
	rows map[rowKey]map[string]string
	id   string
}

type rowKey struct {
	record, event, form string
	instance            string
}

func (e rowEnv) Value(field, code, event string, instance int) string {
	col := field
	if code != "" {
		col = dictionary.CheckboxColumn(field, code)
	}
	if field == e.p.RecordIDField().Name {
		return e.id
	}
	form := ""
	if f, ok := e.p.Field(field); ok {
		form = f.Form
	} else if strings.HasSuffix(field, "_complete") {
		form = strings.TrimSuffix(field, "_complete")
	}
	if r, ok := e.rows[rowKey{e.id, event, form, itoa(instance)}]; ok {
		return r[col]
	}
	if r, ok := e.rows[rowKey{e.id, event, "", itoa(instance)}]; ok && e.repeatsEvent(event) {
		return r[col]
	}
	return e.rows[rowKey{e.id, event, "", ""}][col]
}

func (e rowEnv) repeatsEvent(event string) bool {
	for _, r := range e.p.Repeating {
		if r.Event == event && r.Form == "" {
			return true
		}
	}
	return false
}

func itoa(i int) string {
	if i <= 0 {
		return ""
	}
	b, _ := json.Marshal(i)
	return string(b)
}

// exportRows indexes an export_all answer by record, event, repeat instrument and instance.
func exportRows(t *testing.T, body, idField string) ([]map[string]string, map[rowKey]map[string]string) {
	t.Helper()
	var raw []map[string]any
	if err := json.Unmarshal([]byte(body), &raw); err != nil {
		t.Fatal(err)
	}
	rows := make([]map[string]string, len(raw))
	for i, r := range raw {
		rows[i] = map[string]string{}
		for k, v := range r {
			rows[i][k] = fmt.Sprint(v)
		}
	}
	idx := map[rowKey]map[string]string{}
	for _, r := range rows {
		idx[keyOf(r, idField)] = r
	}
	return rows, idx
}

func keyOf(r map[string]string, idField string) rowKey {
	return rowKey{r[idField], r["redcap_event_name"], r["redcap_repeat_instrument"], r["redcap_repeat_instance"]}
}

func sharedPath(t *testing.T, rel string) string {
	return filepath.Join(sharedtest.Dir(t), rel)
}
