package emit

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"go/scanner"
	"strings"

	"github.com/dave/jennifer/jen"
)

// contextLines is how many lines around a formatting error the error message shows.
const contextLines = 3

// render renders a jennifer file and formats it with go/format. A file that does not format is
// a generator bug: the error names the file and line and shows a few numbered lines around it,
// never the whole source.
func render(path string, f *jen.File) (File, error) {
	f.NoFormat = true
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return File{}, fmt.Errorf("render %s: %w", path, err)
	}
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return File{}, formatError(path, buf.Bytes(), err)
	}
	return File{Path: path, Bytes: out}, nil
}

// formatError describes a go/format failure: file, line, message and the numbered lines around it.
func formatError(path string, src []byte, err error) error {
	line := 0
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		line = list[0].Pos.Line
	}
	if line == 0 {
		return fmt.Errorf("generated file %s does not format (a redcapgen bug): %w", path, err)
	}
	lines := strings.Split(string(src), "\n")
	var b strings.Builder
	for i := max(1, line-contextLines); i <= min(len(lines), line+contextLines); i++ {
		marker := "  "
		if i == line {
			marker = "> "
		}
		fmt.Fprintf(&b, "\n%s%5d | %s", marker, i, lines[i-1])
	}
	return fmt.Errorf("generated file %s:%d does not format (a redcapgen bug): %w%s", path, line, err, b.String())
}
