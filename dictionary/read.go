package dictionary

import (
	"bytes"
	"path/filepath"
)

// ReadFile reads a dictionary file of any format REDCap produces and checks it. The project's
// Source is the file's base name; the reader is chosen by content (see Read). A binary file, or a
// CSV whose header is not a Data Dictionary header, is refused after reading its first 64 KiB.
func ReadFile(path string) (*Project, error) {
	data, err := readChecked(path)
	if err != nil {
		return nil, err
	}
	return Read(filepath.Base(path), data)
}

// Read parses a dictionary, choosing the reader by content, not by name: a JSON array is an API
// metadata export (an object is reported as not an array), <records>/<item> XML is the API XML export, <ODM is a project XML file, and
// anything else is read as a Data Dictionary CSV. name is used in messages and as Source.
func Read(name string, data []byte) (*Project, error) {
	switch sniffFormat(data) {
	case FormatJSON:
		return ReadJSON(name, data)
	case FormatAPIXML:
		return ReadAPIXML(name, data)
	case FormatProjectXML:
		return ReadProjectXML(name, data)
	}
	return ReadCSV(name, data)
}

// sniffFormat guesses the format from the first bytes.
func sniffFormat(data []byte) Format {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte(utf8BOM)), " \t\r\n")
	switch {
	case len(head) == 0:
		return FormatCSV
	case head[0] == '[' || head[0] == '{':
		return FormatJSON
	case head[0] != '<':
		return FormatCSV
	}
	if len(head) > 4096 {
		head = head[:4096]
	}
	switch {
	case bytes.Contains(head, []byte("<ODM")):
		return FormatProjectXML
	case bytes.Contains(head, []byte("<records")), bytes.Contains(head, []byte("<item")):
		return FormatAPIXML
	}
	return FormatProjectXML
}

// checkEmptyOrBinary reports an empty file or one that is not text (NUL bytes, or many control
// characters), which no reader can make sense of.
func checkEmptyOrBinary(name string, data []byte) Problems {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte(utf8BOM)))) == 0 {
		return fileProblem(name, "the file is empty")
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return fileProblem(name, "the file is UTF-16 text; save it as UTF-8 (CSV UTF-8) and try again")
	}
	sample := data
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	control := 0
	for _, b := range sample {
		switch {
		case b == 0:
			return fileProblem(name, "the file is binary (it contains NUL bytes), not a REDCap dictionary")
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f':
			control++
		}
	}
	if control*10 > len(sample) {
		return fileProblem(name, "the file is binary (%d control bytes in the first %d), not a REDCap dictionary", control, len(sample))
	}
	return nil
}
