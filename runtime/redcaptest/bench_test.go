package redcaptest

import (
	"testing"
)

// benchServer holds n demo records.
func benchServer(b *testing.B, n int) *Server {
	b.Helper()
	s := NewUnstartedServer(demoProject(b))
	rows := make([]map[string]string, n)
	for i := range rows {
		rows[i] = map[string]string{"record_id": itoa(i + 1), "dob": "1990-01-02", "sex": "1", "race___2": "1", "cigs": "7"}
	}
	if err := s.Load(rows); err != nil {
		b.Fatalf("load: %v", err)
	}
	return s
}

func BenchmarkExportFlatJSON1000(b *testing.B) {
	s := benchServer(b, 1000)
	p := params{v: map[string][]string{"format": {"json"}}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if a := s.st.exportRecords(p); a.status != 200 {
			b.Fatalf("status %d", a.status)
		}
	}
}

func BenchmarkImport1000(b *testing.B) {
	rows := make([]map[string]string, 1000)
	for i := range rows {
		rows[i] = map[string]string{"record_id": itoa(i + 1), "dob": "1990-01-02", "sex": "1", "race___2": "1", "cigs": "7"}
	}
	p := demoProject(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := NewUnstartedServer(p)
		if err := s.Load(rows); err != nil {
			b.Fatalf("load: %v", err)
		}
	}
}
