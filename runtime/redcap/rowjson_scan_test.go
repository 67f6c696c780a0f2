package redcap

import (
	"encoding/binary"
	"testing"
)

// TestMayStopString checks the 8-byte test of str against the byte table: every byte that ends a
// plain run is seen at every position, whatever its neighbours, and a word of plain bytes
// (ASCII and UTF-8 alike) is never stopped.
func TestMayStopString(t *testing.T) {
	neighbours := []byte{'a', 0x7f, 0x80, 0xff, ' ', '!', '#', '['}
	for b := range 256 {
		for pos := range 8 {
			for _, n := range neighbours {
				var w [8]byte
				for i := range w {
					w[i] = n
				}
				w[pos] = byte(b)
				got := mayStopString(binary.LittleEndian.Uint64(w[:]))
				if want := stopsString[b]; got != want {
					t.Fatalf("byte %#02x at %d among %#02x: mayStopString = %v, want %v", b, pos, n, got, want)
				}
			}
		}
	}
}
