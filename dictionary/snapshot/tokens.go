package snapshot

import (
	"fmt"
	"strconv"
	"strings"
)

// token is one item after the kind of a snapshot line: a name (key empty, value set), a flag
// (key set, isFlag) or a key=value pair.
type token struct {
	key    string
	value  string
	isFlag bool
}

// splitLine splits a snapshot line into its kind and tokens. Values are bare words or Go string
// literals; anything else is an error naming the column.
func splitLine(line string) (string, []token, error) {
	kind, _, _ := strings.Cut(line, " ")
	var tokens []token
	for pos := len(kind) + 1; pos < len(line); {
		if line[pos] == ' ' {
			pos++
			continue
		}
		key, value, isFlag := "", "", false
		start := pos
		if line[pos] != '"' {
			for pos < len(line) && line[pos] != ' ' && line[pos] != '=' {
				pos++
			}
			word := line[start:pos]
			switch {
			case pos < len(line) && line[pos] == '=':
				key = word
				pos++
			case len(tokens) == 0 && kind != kindRepeat:
				tokens = append(tokens, token{value: word})
				continue
			default:
				tokens = append(tokens, token{key: word, isFlag: true})
				continue
			}
		}
		v, n, err := readValue(line[pos:])
		if err != nil {
			return "", nil, fmt.Errorf("column %d: %w", pos+1, err)
		}
		value, pos = v, pos+n
		if pos < len(line) && line[pos] != ' ' {
			return "", nil, fmt.Errorf("column %d: want a space after the value", pos+1)
		}
		tokens = append(tokens, token{key: key, value: value, isFlag: isFlag})
	}
	return kind, tokens, nil
}

// readValue reads a bare word or a Go string literal at the start of s and returns its value
// and length.
func readValue(s string) (string, int, error) {
	if strings.HasPrefix(s, `"`) {
		lit, err := strconv.QuotedPrefix(s)
		if err != nil {
			return "", 0, fmt.Errorf("bad quoted value: %w", err)
		}
		v, err := strconv.Unquote(lit)
		if err != nil {
			return "", 0, fmt.Errorf("bad quoted value: %w", err)
		}
		return v, len(lit), nil
	}
	n := strings.IndexByte(s, ' ')
	if n < 0 {
		n = len(s)
	}
	for i := 0; i < n; i++ {
		if !isBare(s[i]) {
			return "", 0, fmt.Errorf("unquoted value %q holds %q; quote it", s[:n], s[i])
		}
	}
	if n == 0 {
		return "", 0, fmt.Errorf("empty value")
	}
	return s[:n], n, nil
}
