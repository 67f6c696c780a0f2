package naming

import (
	"fmt"
	"go/token"
	"go/types"
)

// CheckPackageName reports why name cannot be the generated package's name: it must be a
// lower-case Go identifier (ASCII letters, digits and _, starting with a letter), not a keyword
// (`type`, `func`) and not a predeclared name (`string`, `len`), which would shadow a built-in
// wherever the package is imported.
func CheckPackageName(name string) error {
	if name == "" {
		return fmt.Errorf("no package name: set -package to a lower-case Go identifier")
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z') && !(i > 0 && (c >= '0' && c <= '9' || c == '_')) {
			return fmt.Errorf("package name %q: want lower-case ASCII letters, digits and _, starting with a letter", name)
		}
	}
	if token.IsKeyword(name) {
		return fmt.Errorf("package name %q is a Go keyword", name)
	}
	if types.Universe.Lookup(name) != nil {
		return fmt.Errorf("package name %q is a predeclared Go identifier; it would shadow the built-in where imported", name)
	}
	return nil
}
