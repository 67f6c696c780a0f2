package redcapimpl

import "github.com/redcapgen/redcapgen/runtime/internal/instance"

// ParseInstance reads a redcap_repeat_instance value as exported: a positive decimal integer
// (a JSON number arrives as its text). It refuses "", "0", signs, decimals and "new".
func ParseInstance(s string) (int, bool) { return instance.Parse(s) }

// FormatInstance returns the redcap_repeat_instance text of an instance number for import:
// redcap.NewInstanceNumber (0) becomes "new", which REDCap replaces with the next free instance.
// Generated encoders refuse negative numbers before calling it.
func FormatInstance(n int) string { return instance.Format(n) }
