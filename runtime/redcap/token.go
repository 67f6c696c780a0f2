package redcap

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
)

// Token is a REDCap API token: 32 hexadecimal characters for a project token, 64 for a super
// token. Its printed forms (String, GoString, Format, MarshalJSON, MarshalText, LogValue) never
// show more than the last four characters, as "****…ABCD". The only way to build one is a
// TokenSource (TokenFromEnv, TokenFromGetenv, TokenFromFile): there is deliberately no
// constructor from a plain string, so a token cannot arrive through a command-line flag.
type Token struct {
	// p holds the characters masked with a random key, so that even reflection-based printing
	// of a struct holding a Token in an unexported field (where fmt cannot call the methods
	// below) shows meaningless bytes, never the token.
	p *maskedText
}

// maskedText is a token's characters XOR a random key of the same length.
type maskedText struct{ masked, key []byte }

// newToken wraps checked token text.
func newToken(s string) Token {
	m := &maskedText{masked: make([]byte, len(s)), key: make([]byte, len(s))}
	for i := 0; i < len(s); i++ {
		m.key[i] = byte(rand.Uint32()) | 0x80 // masked ASCII is never printable
		m.masked[i] = s[i] ^ m.key[i]
	}
	return Token{p: m}
}

// text returns the token's characters ("" for the zero Token).
func (t Token) text() string {
	if t.p == nil {
		return ""
	}
	b := make([]byte, len(t.p.masked))
	for i := range b {
		b[i] = t.p.masked[i] ^ t.p.key[i]
	}
	return string(b)
}

// tokenMask is what replaces the hidden part of a token.
const tokenMask = "****…"

// String returns the masked token, "****…ABCD".
func (t Token) String() string {
	s := t.text()
	if len(s) < 8 {
		return "****"
	}
	return tokenMask + s[len(s)-4:]
}

// GoString returns the masked token, so %#v does not reveal it either.
func (t Token) GoString() string { return "redcap.Token(" + t.String() + ")" }

// Format prints the masked token for every verb (%s, %v, %q, %x, %#v...).
func (t Token) Format(f fmt.State, verb rune) {
	switch verb {
	case 'q':
		fmt.Fprintf(f, "%q", t.String())
	case 'v':
		if f.Flag('#') {
			fmt.Fprint(f, t.GoString())
			return
		}
		fmt.Fprint(f, t.String())
	default:
		fmt.Fprint(f, t.String())
	}
}

// MarshalJSON encodes the masked token as a JSON string.
func (t Token) MarshalJSON() ([]byte, error) { return []byte(`"` + t.String() + `"`), nil }

// MarshalText encodes the masked token.
func (t Token) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// LogValue makes log/slog print the masked token.
func (t Token) LogValue() slog.Value { return slog.StringValue(t.String()) }

// IsZero reports whether the token is empty.
func (t Token) IsZero() bool { return t.text() == "" }

// TokenSource yields the API token when a Client is built. Use TokenFromEnv or TokenFromFile.
type TokenSource func() (Token, error)

// ErrTokenShape says a token is not 32 or 64 hexadecimal characters.
var ErrTokenShape = errors.New("a REDCap API token is 32 hexadecimal characters (64 for a super token)")

// parseToken checks the shape of a token. Its errors never contain the text checked.
func parseToken(s string) (Token, error) {
	if len(s) != 32 && len(s) != 64 {
		return Token{}, fmt.Errorf("the token has %d characters: %w", len(s), ErrTokenShape)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return Token{}, fmt.Errorf("the token has a non-hexadecimal character at position %d: %w", i+1, ErrTokenShape)
		}
	}
	return newToken(s), nil
}

// TokenFromEnv reads the token from the environment variable name when called. Surrounding
// white space is trimmed; the shape (32 or 64 hex characters) is checked.
func TokenFromEnv(name string) TokenSource {
	return TokenFromGetenv(name, os.Getenv)
}

// TokenFromGetenv is TokenFromEnv for programs that receive their environment as a function (a
// command's run(..., getenv) entry point, so tests can drive it in-process). getenv must be an
// environment lookup such as os.Getenv; it is not a way to pass a token from a flag.
func TokenFromGetenv(name string, getenv func(string) string) TokenSource {
	return func() (Token, error) {
		v := ""
		if getenv != nil {
			v = getenv(name)
		}
		if strings.TrimSpace(v) == "" {
			return Token{}, fmt.Errorf("redcap: token: environment variable %s is not set or empty", name)
		}
		t, err := parseToken(strings.TrimSpace(v))
		if err != nil {
			return Token{}, fmt.Errorf("redcap: token from environment variable %s: %w", name, err)
		}
		return t, nil
	}
}

// TokenFromFile reads the token from a file when called. Surrounding white space (a trailing
// newline) is trimmed and the shape is checked.
//
// On Unix-like systems the file must not be readable by group or others (chmod 600): a token
// grants access to protected health information, so a file others can read is refused with an
// error that says how to fix it, rather than used with a warning nobody reads. Windows has no
// such mode bits and is not checked.
func TokenFromFile(path string) TokenSource {
	return func() (Token, error) {
		info, err := os.Stat(path)
		if err != nil {
			return Token{}, fmt.Errorf("redcap: token file: %w", err)
		}
		if !info.Mode().IsRegular() {
			return Token{}, fmt.Errorf("redcap: token file %s: not a regular file", path)
		}
		if err := checkTokenFileMode(path, info.Mode()); err != nil {
			return Token{}, err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return Token{}, fmt.Errorf("redcap: token file: %w", err)
		}
		t, err := parseToken(strings.TrimSpace(string(b)))
		if err != nil {
			return Token{}, fmt.Errorf("redcap: token file %s: %w", path, err)
		}
		return t, nil
	}
}

// checkTokenFileMode refuses a token file that group or others may read.
func checkTokenFileMode(path string, mode fs.FileMode) error {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		return nil
	}
	if perm := mode.Perm(); perm&0o044 != 0 {
		return fmt.Errorf("redcap: token file %s is readable by group or others (mode %04o): run chmod 600 on it", path, perm)
	}
	return nil
}
