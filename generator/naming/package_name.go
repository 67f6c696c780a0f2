package naming

import (
	"fmt"
	"go/token"
	"go/types"
)

// CheckPackageName reports why name cannot be the generated package's name: it must be a
// lower-case Go identifier (ASCII letters, digits and _, starting with a letter), not a keyword
// (`type`, `func`), not a predeclared identifier (`string`, `len`, `nil`, `any`, `min`...), which
// would shadow the built-in wherever the package is imported, and not `main`, which names a
// program that nothing can import. The message names the package; callers add where it came from.
func CheckPackageName(name string) error {
	const choose = "choose another package name"
	if name == "" {
		return fmt.Errorf("no package name: set -package to a lower-case Go identifier")
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z') && !(i > 0 && (c >= '0' && c <= '9' || c == '_')) {
			return fmt.Errorf("%q is not a lower-case Go identifier (want ASCII letters a-z, digits and _, starting with a letter); %s", name, choose)
		}
	}
	switch {
	case token.IsKeyword(name):
		return fmt.Errorf("%q is a Go keyword; %s", name, choose)
	case types.Universe.Lookup(name) != nil:
		return fmt.Errorf("%q is a predeclared Go identifier (it would shadow the built-in wherever the package is imported); %s", name, choose)
	case name == "main":
		return fmt.Errorf("%q names a program, which no other package can import; %s", name, choose)
	}
	return nil
}
