package dictionary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// headSize is how much of a dictionary file is read first: enough for the header of any Data
// Dictionary CSV, so that a file that is not one is refused before the rest is read.
const headSize = 64 << 10

// maxDictionaryBytes is the largest dictionary file read: far above any real project's.
const maxDictionaryBytes = 1 << 30

// readChecked reads a dictionary file, refusing a binary file or a CSV whose header is not a
// Data Dictionary header after reading only its first headSize bytes, and a file larger than
// maxDictionaryBytes before reading it.
func readChecked(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	defer f.Close()
	head := make([]byte, headSize)
	n, err := io.ReadFull(f, head)
	complete := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
	if err != nil && !complete {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	head = head[:n]
	name := filepath.Base(path)
	if !complete {
		if p := checkEmptyOrBinary(name, head); p != nil {
			return nil, p
		}
		switch sniffFormat(head) {
		case FormatCSV:
			if p := checkCSVHead(name, head); p != nil {
				return nil, p
			}
		case FormatJSON:
			if bytes.TrimLeft(bytes.TrimPrefix(head, []byte(utf8BOM)), " \t\r\n")[0] == '{' {
				return nil, fileProblem(name, "not a JSON array of dictionary rows: the top level is a JSON object, want an array of objects")
			}
		}
	}
	if complete {
		return head, nil
	}
	var buf bytes.Buffer
	if info, err := f.Stat(); err == nil && info.Size() > int64(n) {
		if info.Size() > maxDictionaryBytes {
			return nil, fileProblem(name, "the file is %d MB; REDCap dictionaries are at most a few tens of MB (a 35,000-field project's is about 10 MB), so this is not one", info.Size()>>20)
		}
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	buf.Write(head)
	if _, err := buf.ReadFrom(f); err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	return buf.Bytes(), nil
}

// checkCSVHead checks the header of a Data Dictionary CSV from the first bytes of a longer file,
// with the problems ReadCSV would report for it. It reports nothing when the head is not enough
// to judge (the header record does not end within it).
func checkCSVHead(name string, head []byte) Problems {
	head = bytes.TrimPrefix(head, []byte(utf8BOM))
	end := bytes.LastIndexAny(head, "\r\n")
	if end < 0 {
		return fileProblem(name, "the first line is longer than %d KiB: not a Data Dictionary CSV header", headSize>>10)
	}
	head = head[:end+1] // whole lines only: no cut character or row
	text := string(head)
	if !utf8.Valid(head) {
		text = decodeCP1252(head)
	}
	delim, excelSep := excelSeparator(text)
	if !excelSep {
		delim = sniffDelimiter(text)
	}
	records, _ := splitCSV(text, delim)
	if excelSep && len(records) > 0 {
		records = records[1:]
	}
	for len(records) > 0 && blankRecord(records[0].Cells) {
		records = records[1:]
	}
	if len(records) < 2 {
		return nil // the header may go on past the head (a quoted cell over many lines)
	}
	if _, missing, _, duplicate := parseCSVHeader(records[0].Cells); len(missing) > 0 || len(duplicate) > 0 {
		return headerProblems(name, records[0].Line, missing, duplicate)
	}
	return nil
}
