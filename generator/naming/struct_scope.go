package naming

import (
	"fmt"

	"github.com/redcapgen/redcapgen/dictionary"
)

// resolveStructs names the fields of each form struct, beside its methods, Complete and
// Timestamp.
func (r *resolver) resolveStructs(n *Names) []error {
	var errs []error
	forbidden := structReserved()
	for _, form := range r.p.Forms {
		var claims []*claim
		for _, name := range ReservedMethodNames() {
			claims = append(claims, fixedClaim("", fmt.Sprintf("generated method %q", name), name))
		}
		claims = append(claims, fixedClaim("", "the form status field", formStatusField))
		for _, f := range form.Fields {
			if r.formOf[f.Name] != form.Name {
				continue // a duplicate, already reported
			}
			c, err := r.claimFor(fieldKey(f.Name), fieldWhat(f), forbidden,
				kindNames(f.Name, "Field", "Field", stageStructSuffix)...)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			claims = append(claims, c)
		}
		errs = append(errs, resolveScope(fmt.Sprintf("struct of form %q", form.Name), claims)...)
		for _, c := range claims {
			if kind, rest := splitKey(c.key); kind == "field" {
				n.fields[rest] = c.name()
			}
		}
	}
	return errs
}

// fieldWhat names a field for messages.
func fieldWhat(f *dictionary.Field) string { return fmt.Sprintf("field %q", f.Name) }
