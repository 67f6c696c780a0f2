// Package partly documents some of its names only.
package partly

// Documented has a doc comment.
func Documented() {}

func Bare() {}

// T is documented; one of its methods is not.
type T struct{}

// Good is documented.
func (T) Good() {}

func (T) Bad() {}

func (T) unexported() {}

type U int

// Grouped constants share the group's comment.
const (
	A = 1
	B = 2
)

const (
	C = 3 // C has a line comment.
	D = 4
)

var E = 5

func NewU() U { return 0 }
