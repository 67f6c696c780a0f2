package redcap

// FormStatus is the value of a <form>_complete column.
type FormStatus uint8

// The form statuses REDCap knows.
const (
	Incomplete FormStatus = 0
	Unverified FormStatus = 1
	Complete   FormStatus = 2
)

// String returns REDCap's code: "0", "1" or "2".
func (s FormStatus) String() string { return string(rune('0' + s)) }

// Label returns REDCap's label: "Incomplete", "Unverified" or "Complete".
func (s FormStatus) Label() string {
	switch s {
	case Incomplete:
		return "Incomplete"
	case Unverified:
		return "Unverified"
	case Complete:
		return "Complete"
	}
	return ""
}

// ParseFormStatus accepts "0", "1" and "2".
func ParseFormStatus(s string) (FormStatus, bool) {
	if len(s) == 1 && s[0] >= '0' && s[0] <= '2' {
		return FormStatus(s[0] - '0'), true
	}
	return 0, false
}
