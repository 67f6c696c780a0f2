package dictionary

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// writeLines writes a file of n lines after a first line and returns its path.
func writeLines(t *testing.T, first string, n int, line func(i int) string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dict.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(first + "\n")
	for i := range n {
		w.WriteString(line(i) + "\n")
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReadFileRefusesBadHeaderBeforeReadingAll reads a 50 MB one-column file: it is refused on
// its header line, with the problems the whole-file reader gives, having allocated a small,
// fixed amount instead of memory in proportion to the file.
func TestReadFileRefusesBadHeaderBeforeReadingAll(t *testing.T) {
	lines := 5_000_000 // 50 MB
	if testing.Short() {
		lines = 1_000_000 // 10 MB: still more than the allocation limit below
	}
	path := writeLines(t, "patient_name", lines, func(i int) string { return fmt.Sprintf("name %04d", i%10000) })
	if info, err := os.Stat(path); err != nil || info.Size() < int64(lines)*10 {
		t.Fatalf("test file: %v, %v", info, err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := ReadFile(path)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "dict.csv:1:") || !strings.Contains(err.Error(), "header") {
		t.Fatalf("ReadFile = %v, want a header problem on line 1", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 4<<20 {
		t.Errorf("ReadFile allocated %d MiB before refusing the header, want under 4 MiB", got>>20)
	}
	small := writeLines(t, "patient_name", 3, func(i int) string { return fmt.Sprintf("name %d", i) })
	_, whole := ReadFile(small) // under 64 KiB: read whole, as before
	if whole == nil || err.Error() != whole.Error() {
		t.Errorf("the early refusal differs from the whole-file reader's:\n early %v\n whole %v", err, whole)
	}
}

// TestReadFileLongDictionary reads a valid dictionary longer than the first read, with LF and
// with lone CR line ends, and a header preceded by blank lines.
func TestReadFileLongDictionary(t *testing.T) {
	header := `"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"`
	field := func(i int) string {
		if i == 0 {
			return "record_id,form_1,,text,ID,,,,,,,,,,,,,"
		}
		return fmt.Sprintf("field_%d,form_1,,text,\"A long label for field %d, with a comma\",,,,,,,,,,,,,", i, i)
	}
	for _, tt := range []struct{ name, first, sep string }{{"LF", header, "\n"}, {"CR", header, "\r"}, {"blank lines first", "\n\n" + header, "\n"}} {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(tt.first + tt.sep)
			for i := range 2000 {
				b.WriteString(field(i) + tt.sep)
			}
			if b.Len() <= headSize {
				t.Fatalf("test dictionary of %d bytes fits the first read", b.Len())
			}
			path := filepath.Join(t.TempDir(), "long.csv")
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(p.Fields()); n != 2000 {
				t.Errorf("%d fields, want 2000", n)
			}
		})
	}
}

// TestReadFileRefusesOversizedFile: a file larger than any dictionary is refused from its size,
// before its content is read (a sparse file takes no disk space).
func TestReadFileRefusesOversizedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(`[{"field_name":"record_id"}` + strings.Repeat(" ", headSize)); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxDictionaryBytes + 1); err != nil {
		t.Skipf("no sparse file here: %v", err)
	}
	f.Close()
	_, err = ReadFile(path)
	if err == nil || !strings.Contains(err.Error(), "huge.json") || !strings.Contains(err.Error(), "1024 MB") {
		t.Errorf("ReadFile: %v, want a refusal naming the file and its size", err)
	}
}

// TestReadFileRefusesJSONObjectFromItsHead: a long JSON object (an error answer saved as a file,
// a wrong export) is refused from its first bytes with the message ReadJSON gives.
func TestReadFileRefusesJSONObjectFromItsHead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "answer.json")
	body := `{"error":"` + strings.Repeat("x", 2*headSize) + `"}`
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errHead := ReadFile(path)
	_, errWhole := Read("answer.json", []byte(body))
	if errHead == nil || errWhole == nil || errHead.Error() != errWhole.Error() {
		t.Errorf("ReadFile: %v\nRead: %v\nwant the same refusal", errHead, errWhole)
	}
}
