package naming

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Pins maps a REDCap identity to the Go name a user chose for it in a names file.
// Keys are "form:<name>", "field:<name>", "enum:<field>", "const:<field>:<code>", "set:<field>",
// "event:<unique_event_name>" and "arm:<num>". Pinned names are never changed by the collision
// rules.
type Pins map[string]string

// pinKinds are the identity kinds a pin key may start with.
var pinKinds = map[string]bool{
	"form": true, "field": true, "enum": true, "const": true, "set": true, "event": true, "arm": true,
}

// ReadPins reads a names file: one `kind:name = GoName` per line; blank lines and lines
// starting with '#' are ignored. Every bad line is reported as `file:line: ...`.
func ReadPins(path string) (Pins, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read names file: %w", err)
	}
	return ParsePins(filepath.Base(path), data)
}

// ParsePins parses the bytes of a names file; name is used in messages.
func ParsePins(name string, data []byte) (Pins, error) {
	pins := Pins{}
	lines := map[string]int{}
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, goName, err := parsePinLine(line)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		if first, dup := lines[key]; dup {
			errs = append(errs, fmt.Errorf("%s:%d: %q is pinned again (first on line %d); keep one", name, n, key, first))
			continue
		}
		lines[key] = n
		pins[key] = goName
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return pins, nil
}

// parsePinLine splits `kind:name = GoName` and checks both sides.
func parsePinLine(line string) (key, goName string, err error) {
	// A Go name holds no '=', so the last one separates: choice codes may contain '='.
	eq := strings.LastIndexByte(line, '=')
	if eq < 0 {
		return "", "", fmt.Errorf("want `kind:name = GoName`, got %q", line)
	}
	key, goName = strings.TrimSpace(line[:eq]), strings.TrimSpace(line[eq+1:])
	kind, rest, ok := strings.Cut(key, ":")
	kind, rest = strings.TrimSpace(kind), strings.TrimSpace(rest)
	key = kind + ":" + rest
	if !ok || !pinKinds[kind] || rest == "" {
		return "", "", fmt.Errorf("%q is not a REDCap identity (want form:, field:, enum:, const:<field>:<code>, set:, event: or arm: and a name)", key)
	}
	if kind == "const" {
		if f, code, ok := strings.Cut(rest, ":"); !ok || f == "" || code == "" {
			return "", "", fmt.Errorf("%q: a constant pin is const:<field>:<code>", key)
		}
	}
	if !IsExportedIdentifier(goName) {
		return "", "", fmt.Errorf("%q = %q: the Go name must start with an upper-case ASCII letter and hold only letters, digits and '_'", key, goName)
	}
	return key, goName, nil
}

// Pin keys for each kind of REDCap identity.
func formKey(form string) string         { return "form:" + form }
func fieldKey(field string) string       { return "field:" + field }
func enumKey(field string) string        { return "enum:" + field }
func setKey(field string) string         { return "set:" + field }
func constKey(field, code string) string { return "const:" + field + ":" + code }
func eventKey(uniqueEvent string) string { return "event:" + uniqueEvent }
func armKey(num int) string              { return fmt.Sprintf("arm:%d", num) }
