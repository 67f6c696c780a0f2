package redcap

// Scalar is a typed REDCap value: it renders as the exact text REDCap stores.
type Scalar interface {
	// String returns REDCap's text for the value.
	String() string
}

// valueState says which of its states a Value is in.
type valueState uint8

const (
	stateBlank   valueState = iota // "" (the zero Value)
	stateValue                     // a typed value; raw is its text
	stateMissing                   // one of the project's missing-data codes; raw is the code
	stateInvalid                   // text that did not parse as T; raw keeps it
)

// Value is one field's value: blank, a typed T, a missing-data code, or (after decoding text REDCap
// stored that T cannot parse) the raw text. It always remembers the text it came from, so an
// unchanged value re-encodes to the same bytes. The zero Value is blank.
type Value[T Scalar] struct {
	raw   string
	state valueState
	v     T
}

// Of returns a Value holding v; its text is v.String().
func Of[T Scalar](v T) Value[T] {
	return Value[T]{raw: v.String(), state: stateValue, v: v}
}

// Blank returns a blank Value.
func Blank[T Scalar]() Value[T] { return Value[T]{} }

// Missing returns a Value holding the missing-data code (such as "UNK").
func Missing[T Scalar](code string) Value[T] {
	if code == "" {
		return Value[T]{}
	}
	return Value[T]{raw: code, state: stateMissing}
}

// Decode turns text REDCap exported into a Value: "" is blank, a project missing-data code is
// missing, text parse accepts is a typed value that keeps its text, anything else is kept raw
// (invalid) for validation to report. Decode never fails and never loses the text.
func Decode[T Scalar](raw string, codes *MissingCodes, parse func(string) (T, bool)) Value[T] {
	if raw == "" {
		return Value[T]{}
	}
	if codes.Has(raw) {
		return Value[T]{raw: raw, state: stateMissing}
	}
	if v, ok := parse(raw); ok {
		return Value[T]{raw: raw, state: stateValue, v: v}
	}
	return Value[T]{raw: raw, state: stateInvalid}
}

// Get returns the typed value and true, or the zero T and false when the Value is blank, missing or
// invalid.
func (x Value[T]) Get() (T, bool) {
	if x.state == stateValue {
		return x.v, true
	}
	var zero T
	return zero, false
}

// IsBlank reports whether the value is blank.
func (x Value[T]) IsBlank() bool { return x.state == stateBlank }

// IsInvalid reports whether the value holds text that does not parse as T (kept raw).
func (x Value[T]) IsInvalid() bool { return x.state == stateInvalid }

// MissingCode returns the missing-data code and true when the value is one.
func (x Value[T]) MissingCode() (string, bool) {
	if x.state == stateMissing {
		return x.raw, true
	}
	return "", false
}

// Raw returns the exact text REDCap stores for the value ("" when blank).
func (x Value[T]) Raw() string { return x.raw }

// String returns the raw text, so a Value prints as REDCap shows it.
func (x Value[T]) String() string { return x.raw }

// MissingCodes is a project's set of missing-data codes, matched exactly.
type MissingCodes struct {
	codes []string
}

// NewMissingCodes returns the set of the given codes, in the project's order.
func NewMissingCodes(codes ...string) *MissingCodes {
	return &MissingCodes{codes: append([]string(nil), codes...)}
}

// Has reports whether s is one of the codes. A nil set has none.
func (m *MissingCodes) Has(s string) bool {
	if m == nil {
		return false
	}
	for _, c := range m.codes {
		if c == s {
			return true
		}
	}
	return false
}

// Codes returns the codes in the project's order.
func (m *MissingCodes) Codes() []string {
	if m == nil {
		return nil
	}
	return append([]string(nil), m.codes...)
}
