package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
)

// secret says where a token comes from: an environment variable, or generated and written to a
// file.
type secret struct {
	env      string                 // the environment variable that gives it
	what     string                 // "token", "super token"
	length   int                    // its number of hexadecimal characters
	flag     string                 // the flag naming the file a generated one is written to
	path     string                 // that file ("" for none)
	generate func() (string, error) // makes a new one
}

// apiToken and superToken are the two secrets redcapfake hands over.
var (
	apiToken   = secret{env: "REDCAP_API_TOKEN", what: "token", length: 32, flag: "-token-file"}
	superToken = secret{env: "REDCAP_SUPER_TOKEN", what: "super token", length: 64, flag: "-super-token-file"}
)

// loadSecret takes the token from its environment variable (read through getenv), or generates
// one and writes it to its file with mode 0600. Without either there is no safe way to hand the
// token over, so it refuses. Errors never show the token.
func loadSecret(s secret, getenv func(string) string) (string, error) {
	if tok := strings.TrimSpace(getenv(s.env)); tok != "" {
		if _, err := hex.DecodeString(tok); len(tok) != s.length || err != nil {
			return "", fmt.Errorf("%s must be %d hexadecimal characters", s.env, s.length)
		}
		return strings.ToUpper(tok), nil
	}
	if s.path == "" {
		return "", fmt.Errorf("no %s: set %s or give %s to receive a generated one", s.what, s.env, s.flag)
	}
	tok, err := s.generate()
	if err != nil {
		return "", err
	}
	if err := writePrivate(s.path, tok+"\n"); err != nil {
		return "", fmt.Errorf("write %s file: %w", s.what, err)
	}
	return tok, nil
}

// writePrivate writes content to path, readable by its owner only.
func writePrivate(path, content string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		return errors.Join(err, f.Close())
	}
	if _, err := f.WriteString(content); err != nil {
		return errors.Join(err, f.Close())
	}
	return f.Close()
}
