package redcap

import (
	"fmt"
	"testing"
)

// schemaOf is a schema with cols columns: record_id, then fields f1… on form "a" (the first
// half) and "b", one of them a checkbox of three columns.
func schemaOf(cols int) *Schema {
	names := []string{"record_id"}
	fields := []FieldRule{{Name: "record_id", Form: "a"}}
	for i := 1; i < cols; i++ {
		n := fmt.Sprintf("f%d", i)
		names = append(names, n)
		form := "a"
		if i > cols/2 {
			form = "b"
		}
		fields = append(fields, FieldRule{Name: n, Form: form})
	}
	fields[1].CheckboxColumns = []string{"f1___1", "f1___2", "f1___3"}
	return &Schema{RecordIDField: "record_id", Layout: NewLayout(names...), Fields: fields}
}

// idsOf is an ID pass of records records with rows rows in all.
func idsOf(records, rows int) *recordIDs {
	b := newRecordIDsBuilder()
	for i := range records {
		_ = b.add(fmt.Sprint(i + 1))
	}
	l := b.list()
	l.rows = rows
	return l
}

func TestExportBatchSize(t *testing.T) {
	tests := []struct {
		name          string
		opts          ExportOptions
		cols          int
		records, rows int
		want          int
	}{
		{"explicit size wins", ExportOptions{BatchSize: 7}, 50, 250, 250, 7},
		{"small project: one request", ExportOptions{}, 50, 250, 250, 250},
		{"250 records of 1,000 columns: one request", ExportOptions{}, 1000, 250, 250, 250},
		{"just above one request: equal batches of at most 100,000 values", ExportOptions{}, 1000, 251, 251, 84},
		{"200,000 records of 50 columns", ExportOptions{}, 50, 200_000, 200_000, 2000},
		{"rows per record count", ExportOptions{}, 50, 2000, 20_000, 200},
		{"fields asked for count, not the layout", ExportOptions{Fields: []string{"f2", "f3"}}, 1000, 10_000, 10_000, 10_000},
		{"forms asked for count their fields", ExportOptions{Forms: []string{"b"}}, 1000, 1000, 1000, 167},
		{"no records", ExportOptions{}, 50, 0, 0, 1},
		{"a single record wider than a batch", ExportOptions{}, 120_000, 3, 6, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exportBatchSize(tt.opts, schemaOf(tt.cols), idsOf(tt.records, tt.rows)); got != tt.want {
				t.Errorf("batch size %d, want %d", got, tt.want)
			}
		})
	}
}
