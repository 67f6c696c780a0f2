package logic

// nodeKind is the kind of a parsed expression node.
type nodeKind uint8

const (
	nodeLiteral   nodeKind = iota // a number, string, true or false
	nodeRef                       // a field reference or a smart variable
	nodeBlankTest                 // [field] = '' or [field] <> '': REDCap tests the stored text
	nodeNot                       // !x
	nodeNegate                    // -x
	nodeCompare                   // a = b, a < b, ...
	nodeArith                     // a + b, a * b, (a)^(b), ...
	nodeAnd                       // a and b
	nodeOr                        // a or b
	nodeCall                      // f(a, b, ...)
	nodeValue                     // a value computed already (an argument of compiled code)
)

// node is one node of a parsed expression.
type node struct {
	kind   nodeKind
	pos    int // byte offset of the node's first token
	lit    Value
	ref    *Ref
	cmp    compareOp
	arith  arithOp
	negate bool // nodeBlankTest: <> instead of =
	name   string
	kids   []*node
}

// Ref is a reference in an expression: a field ([dob]), a checkbox option ([race(2)]), a field
// of another event ([visit_1_arm_1][weight]) or instance ([weight][2]), or a smart variable
// ([event-name], [record-name], [current-instance], ...).
type Ref struct {
	Pos      int    // byte offset of the reference's first '['
	Event    string // an event's unique name or an event smart variable; "" for the current event
	Field    string // the field's name (lower case), or the smart variable's name
	Code     string // a checkbox option's code; "" for none
	Instance string // an instance number or smart variable; "" for the current instance
	Smart    bool   // Field is a smart variable, not a field
	Label    bool   // [field:label]: the label of the stored choice code instead of the code
}

// smartVariables are the smart variables logic can name on their own.
var smartVariables = map[string]bool{
	"record-name": true, "record-dag-name": true, "record-dag-id": true, "record-dag-label": true,
	"event-name": true, "event-label": true, "event-id": true, "event-number": true,
	"previous-event-name": true, "next-event-name": true, "first-event-name": true, "last-event-name": true,
	"arm-number": true, "arm-label": true, "current-instance": true, "previous-instance": true,
	"next-instance": true, "first-instance": true, "last-instance": true, "new-instance": true,
	"project-id": true, "user-name": true, "is-form": true, "is-survey": true,
}

// eventSmartVariables can stand where an event's name goes: [previous-event-name][weight].
var eventSmartVariables = map[string]bool{
	"event-name": true, "previous-event-name": true, "next-event-name": true,
	"first-event-name": true, "last-event-name": true,
}

// instanceSmartVariables can stand where an instance number goes: [weight][previous-instance].
var instanceSmartVariables = map[string]bool{
	"current-instance": true, "previous-instance": true, "next-instance": true,
	"first-instance": true, "last-instance": true,
}
