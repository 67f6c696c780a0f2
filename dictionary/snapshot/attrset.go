package snapshot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// attrSet holds the key=value pairs and flags of one line; each must be taken exactly once.
type attrSet struct {
	values map[string]token
	taken  map[string]bool
}

// nameAndAttrs separates a line's name (every kind but repeat has one, first) from its pairs.
func nameAndAttrs(kind string, tokens []token) (string, attrSet, error) {
	set := attrSet{values: map[string]token{}, taken: map[string]bool{}}
	name := ""
	if kind != kindRepeat {
		if len(tokens) == 0 || tokens[0].key != "" {
			return "", set, fmt.Errorf("%s line without a name", kind)
		}
		name, tokens = tokens[0].value, tokens[1:]
	}
	for _, t := range tokens {
		if t.key == "" {
			return "", set, fmt.Errorf("%s %q: unexpected value %q without a key", kind, name, t.value)
		}
		if _, dup := set.values[t.key]; dup {
			return "", set, fmt.Errorf("%s %q: %q given twice", kind, name, t.key)
		}
		set.values[t.key] = t
	}
	return name, set, nil
}

// lookup returns the value of key (or "y" for a set flag) and marks it taken.
func (s attrSet) lookup(key string, isFlag bool) (string, bool) {
	t, ok := s.values[key]
	if !ok || t.isFlag != isFlag {
		return "", false
	}
	s.taken[key] = true
	if isFlag {
		return "y", true
	}
	return t.value, true
}

// take returns the value of key, "" when absent.
func (s attrSet) take(key string) string {
	v, _ := s.lookup(key, false)
	return v
}

// number returns the integer value of key; it must be present.
func (s attrSet) number(key string) (int, error) {
	v, ok := s.lookup(key, false)
	if !ok {
		return 0, fmt.Errorf("%s is missing", key)
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%s=%q is not a number", key, v)
	}
	return n, nil
}

// done reports pairs no one took: unknown keys, or a flag given a value and the reverse.
func (s attrSet) done() error {
	var unknown []string
	for key := range s.values {
		if !s.taken[key] {
			unknown = append(unknown, key)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	return fmt.Errorf("unknown or misused attributes: %s", strings.Join(unknown, ", "))
}
