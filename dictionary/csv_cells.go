package dictionary

import (
	"strings"
)

// csvRecord is one CSV record: its cells and the line where it starts.
type csvRecord struct {
	Line  int
	Cells []string
}

// csvUnterminated reports a quoted cell that never closes, usually a truncated file.
type csvUnterminated struct {
	RecordLine int // line where the record starts
	QuoteLine  int // line where the open quote is
}

// splitCSV splits text into records. Cells are kept byte for byte (CRLF inside quoted cells
// stays CRLF); a quoted cell may span lines and "" inside it is one quote; a quote in the
// middle of an unquoted cell is literal, and text after a closing quote is appended as is.
// Records end at LF, CRLF or a lone CR. It stops at an unterminated quote.
func splitCSV(text string, delim byte) ([]csvRecord, *csvUnterminated) {
	var (
		records []csvRecord
		cells   []string
		cell    strings.Builder
		line    = 1
		start   = 1
	)
	endCell := func() {
		cells = append(cells, cell.String())
		cell.Reset()
	}
	endRecord := func() {
		endCell()
		records = append(records, csvRecord{Line: start, Cells: cells})
		cells = nil
	}
	atCellStart := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '"' && atCellStart:
			quoteLine := line
			closed := false
			for i++; i < len(text); i++ {
				if text[i] == '"' {
					if i+1 < len(text) && text[i+1] == '"' {
						cell.WriteByte('"')
						i++
						continue
					}
					closed = true
					break
				}
				if text[i] == '\n' {
					line++
				}
				cell.WriteByte(text[i])
			}
			if !closed {
				return records, &csvUnterminated{RecordLine: start, QuoteLine: quoteLine}
			}
			atCellStart = false
		case c == delim:
			endCell()
			atCellStart = true
		case c == '\r' || c == '\n':
			if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			endRecord()
			line++
			start = line
			atCellStart = true
		default:
			cell.WriteByte(c)
			atCellStart = false
		}
	}
	if len(cells) > 0 || cell.Len() > 0 || !atCellStart {
		endRecord()
	}
	return records, nil
}

// sniffDelimiter picks "," or ";" by counting each outside quotes on the header line.
func sniffDelimiter(text string) byte {
	commas, semicolons := 0, 0
	inQuote := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\n' || c == '\r':
			i = len(text)
		case c == ',':
			commas++
		case c == ';':
			semicolons++
		}
	}
	if semicolons > commas {
		return ';'
	}
	return ','
}

// blankRecord reports whether every cell of a record is empty or white space.
func blankRecord(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
