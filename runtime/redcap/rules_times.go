package redcap

// checkImportDateTime applies REDCap's import rule for datetime_* (withSeconds false) and
// datetime_seconds_* fields. The date part follows checkImportDate; a "T" or a space separates
// the time, "H:MM" or "HH:MM" with optional ":SS". REDCap stores "YYYY-MM-DD HH:MM" (seconds
// dropped) or "YYYY-MM-DD HH:MM:SS" (":00" added), pads the hour (9:05 → 09:05) and gives a
// date without time 00:00.
//
// Not shown by any vector, decided conservatively: seconds dropped from a minutes field must
// still be 00-59, and only one separator character is allowed.
func checkImportDateTime(s string, f DateFormat, withSeconds bool) (string, bool) {
	split := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == 'T' {
			split = i
			break
		}
	}
	date, ok := checkImportDate(s[:split], f)
	if !ok {
		if date != s[:split] {
			return date + s[split:], false
		}
		return s, false
	}
	var h, m, sec int
	hLen, hasSec := 2, false
	if split < len(s) {
		var clockOK bool
		h, m, sec, hLen, hasSec, clockOK = scanClock(s[split+1:])
		if !clockOK {
			return s, false
		}
	}
	canonical := split < len(s) && s[split] == ' ' && date == s[:split] && hLen == 2 && hasSec == withSeconds
	if canonical {
		return s, true
	}
	b := make([]byte, 0, len(date)+9)
	b = append(b, date...)
	b = append(b, ' ')
	b = appendTwo(b, h)
	b = append(b, ':')
	b = appendTwo(b, m)
	if withSeconds {
		b = append(b, ':')
		b = appendTwo(b, sec)
	}
	return string(b), true
}

// scanClock reads "H:MM", "HH:MM", "H:MM:SS" or "HH:MM:SS" (hours 0-23, minutes and seconds
// 00-59) and reports the hour's digit count and whether seconds were given.
func scanClock(s string) (h, m, sec, hLen int, hasSec, ok bool) {
	h, hLen = leadingDigits(s, 2)
	if hLen == 0 || h > 23 || hLen >= len(s) || s[hLen] != ':' {
		return 0, 0, 0, 0, false, false
	}
	rest := s[hLen+1:]
	m, ok = fixedDigits(rest, 0, 2)
	if !ok || m > 59 {
		return 0, 0, 0, 0, false, false
	}
	switch {
	case len(rest) == 2:
		return h, m, 0, hLen, false, true
	case len(rest) == 5 && rest[2] == ':':
		sec, ok = fixedDigits(rest, 3, 2)
		if !ok || sec > 59 {
			return 0, 0, 0, 0, false, false
		}
		return h, m, sec, hLen, true, true
	}
	return 0, 0, 0, 0, false, false
}

// checkImportTime applies the rule of "time" fields: "H:MM" or "HH:MM", hours 0-23; REDCap
// stores the hour with two digits (9:05 → 09:05).
func checkImportTime(s string) (string, bool) {
	h, m, _, hLen, hasSec, ok := scanClock(s)
	if !ok || hasSec {
		return s, false
	}
	if hLen == 2 {
		return s, true
	}
	b := appendTwo(make([]byte, 0, 5), h)
	b = append(b, ':')
	return string(appendTwo(b, m)), true
}

// checkTimeHMS applies the rule of "time_hh_mm_ss" fields: "H:MM:SS" or "HH:MM:SS", hours 0-23.
// The value is stored as sent.
func checkTimeHMS(s string) bool {
	_, _, _, _, hasSec, ok := scanClock(s)
	return ok && hasSec
}

// checkTimeMS applies the rule of "time_mm_ss" fields: exactly "MM:SS", each 00-59.
func checkTimeMS(s string) bool {
	if len(s) != 5 || s[2] != ':' {
		return false
	}
	m, ok1 := fixedDigits(s, 0, 2)
	sec, ok2 := fixedDigits(s, 3, 2)
	return ok1 && ok2 && m <= 59 && sec <= 59
}

// appendTwo appends n (0-99) as two digits.
func appendTwo(b []byte, n int) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}
