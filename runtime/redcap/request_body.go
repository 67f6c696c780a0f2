package redcap

import (
	"bytes"
	"net/url"
	"slices"
	"sync"
)

// bodyBuffer is storage for urlencoded request bodies that one sequence of calls (the batches of
// an Import) reuses. net/http may go on reading a request body after the answer has come back,
// until its transport closes it, so the storage is reused only once the transport has closed
// the body made from it; a body still open when the next one is built is left to the garbage
// collector and new storage is used. A nil *bodyBuffer always uses new storage.
type bodyBuffer struct {
	buf    []byte
	closed chan struct{} // closed when the transport has closed the last body; nil before the first
}

// encode writes form as an urlencoded body, keys sorted like url.Values.Encode, with data (when
// not nil) as the "data" parameter, escaped straight from its bytes.
func (bb *bodyBuffer) encode(form url.Values, data []byte) []byte {
	var b []byte
	if bb != nil && bb.free() {
		b = bb.buf[:0]
	}
	keys := make([]string, 0, len(form)+1)
	for k := range form {
		if k != "data" || data == nil {
			keys = append(keys, k)
		}
	}
	if data != nil {
		keys = append(keys, "data")
	}
	slices.Sort(keys)
	for _, k := range keys {
		if k == "data" && data != nil {
			b = appendSep(b)
			b = append(appendQueryEscape(b, "data"), '=')
			b = appendQueryEscape(b, data)
			continue
		}
		for _, v := range form[k] {
			b = appendSep(b)
			b = append(appendQueryEscape(b, k), '=')
			b = appendQueryEscape(b, v)
		}
	}
	if bb != nil {
		bb.buf = b
	}
	return b
}

// free reports whether the transport has closed the last body made from the storage.
func (bb *bodyBuffer) free() bool {
	if bb.closed == nil {
		return true
	}
	select {
	case <-bb.closed:
		return true
	default:
		return false
	}
}

// reader returns the request body for b, which encode returned; its Close marks the storage free.
func (bb *bodyBuffer) reader(b []byte) *requestBody {
	rb := &requestBody{closed: make(chan struct{})}
	rb.Reset(b)
	if bb != nil {
		bb.closed = rb.closed
	}
	return rb
}

// requestBody is a request body that tells when the transport has closed it.
type requestBody struct {
	bytes.Reader
	once   sync.Once
	closed chan struct{}
}

// Close marks the body done; the transport reads no more after it.
func (rb *requestBody) Close() error {
	rb.once.Do(func() { close(rb.closed) })
	return nil
}

func appendSep(b []byte) []byte {
	if len(b) > 0 {
		return append(b, '&')
	}
	return b
}

// appendQueryEscape appends s escaped like url.QueryEscape: letters, digits and -_.~ as they
// are, space as +, every other byte as %XX.
func appendQueryEscape[S string | []byte](b []byte, s S) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b = append(b, c)
		case c == ' ':
			b = append(b, '+')
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}
