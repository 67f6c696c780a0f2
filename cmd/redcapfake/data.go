package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
)

// readData reads a -data file of flat JSON records. A file that does not start with a JSON array
// (a CSV or XML export, a dictionary given by mistake) is refused on its first bytes, before the
// rest is read.
func readData(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read data: %w", err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	first, err := firstNonSpace(r)
	if err != nil {
		return nil, fmt.Errorf("read data %s: %w", path, err)
	}
	if first != '[' {
		return nil, fmt.Errorf("read data %s: the file does not start with a JSON array: -data takes flat JSON records, as exported with format=json", path)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read data %s: %w", path, err)
	}
	return data, nil
}

// firstNonSpace returns the first byte that is not white space or a UTF-8 byte-order mark, and
// leaves it unread.
func firstNonSpace(r *bufio.Reader) (byte, error) {
	if bom, err := r.Peek(3); err == nil && string(bom) == "\xef\xbb\xbf" {
		r.Discard(3)
	}
	for {
		c, err := r.ReadByte()
		if errors.Is(err, io.EOF) {
			return 0, errors.New("the file is empty")
		}
		if err != nil {
			return 0, err
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c, r.UnreadByte()
	}
}
