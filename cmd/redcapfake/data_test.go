package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestDataRefusedOnFirstBytes gives -data files that are not flat JSON records: each is refused
// with a message saying what -data takes, a 50 MB one without reading it whole.
func TestDataRefusedOnFirstBytes(t *testing.T) {
	d := writeFile(t, "study.csv", dict)
	big := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("record_id\n")
	line := strings.Repeat("1234567,", 1000) + "\n"
	for range 50_000_000/len(line) + 1 { // 50 MB
		w.WriteString(line)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct{ name, path, want string }{
		{"CSV", writeFile(t, "data.csv", "record_id,age\n1,42\n"), "does not start with a JSON array"},
		{"object", writeFile(t, "data.json", "\ufeff  {\"record_id\":\"1\"}"), "does not start with a JSON array"},
		{"empty", writeFile(t, "empty.json", " \n"), "the file is empty"},
		{"50 MB CSV", big, "does not start with a JSON array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"-dict", d, "-addr", "127.0.0.1:0", "-data", tt.path}, &stdout, &stderr,
				env(map[string]string{"REDCAP_API_TOKEN": strings.Repeat("C3", 16)}))
			runtime.ReadMemStats(&after)
			if code != 1 || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr.String(), tt.want)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 8<<20 {
				t.Errorf("allocated %d MiB before refusing the file, want under 8 MiB", got>>20)
			}
		})
	}
	data := writeFile(t, "ok.json", "\ufeff\n [{\"record_id\":\"1\",\"age\":\"42\"}]")
	b, err := readData(data)
	if err != nil || string(b) != `[{"record_id":"1","age":"42"}]` {
		t.Errorf("readData = %q, %v", b, err)
	}
}
