package redcap

import (
	"fmt"
	"strings"

	"github.com/redcapgen/redcapgen/runtime/logic"
)

// FilterLogicError is a filterLogic the client refuses to send: REDCap would answer it with a
// crash report or an error, so the problem is named here, with its position.
type FilterLogicError struct {
	Filter   string
	Problems []logic.Problem
}

// Error names the filter and lists every problem found in it.
func (e *FilterLogicError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.String()
	}
	return fmt.Sprintf("redcap: filterLogic %q: %s", e.Filter, strings.Join(msgs, "; "))
}

// CheckFilterLogic checks a filterLogic before it is sent: that REDCap's parser accepts it and,
// with a schema (nil checks the syntax alone), that its fields, events, checkbox options and
// functions exist. Smart variables that REDCap fills in are accepted. Exports check their
// FilterLogic with it and return its *FilterLogicError without sending anything.
func CheckFilterLogic(filter string, s *Schema) error {
	if filter == "" {
		return nil
	}
	var schema *logic.Schema
	if s != nil {
		schema = s.logicView().schema
	}
	_, all := logic.Check(filter, schema, logic.UseBranching)
	var probs []logic.Problem
	for _, p := range all {
		if !p.Unevaluable {
			probs = append(probs, p)
		}
	}
	if len(probs) == 0 {
		return nil
	}
	return &FilterLogicError{Filter: filter, Problems: probs}
}
