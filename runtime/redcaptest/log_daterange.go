package redcaptest

import "strings"

// changedBetween returns the records (by name) with a create, update, file upload or file
// delete entry in the log between dateRangeBegin and dateRangeEnd, both inclusive to the second;
// nil when neither bound was sent (no filter). REDCap reads the bounds loosely: "Y-m-d H:i:s",
// "Y-m-d H:i", a "T" separator, a date alone (00:00:00 as begin, 23:59:59 as end), and other
// digit groups as year, month, day (so 12/02/2026 is year 12); an unreadable begin is no lower
// bound and an unreadable end is now.
func (st *state) changedBetween(beginText, endText string) map[string]bool {
	if beginText == "" && endText == "" {
		return nil
	}
	now := logDigits(st.now())
	begin, ok := rangeBound(beginText, false)
	if !ok {
		begin = 0
	}
	end, ok := rangeBound(endText, true)
	if !ok {
		end = now
	}
	out := map[string]bool{}
	if begin > end || begin > now {
		return out
	}
	for _, e := range st.journal().entries {
		if (e.kind == logRecordAdd || e.kind == logRecordEdit) && e.pk != "" {
			if d := logDigits(e.at); d >= begin && d <= end {
				out[e.pk] = true
			}
		}
	}
	return out
}

// rangeBound reads one dateRange bound as the number YYYYMMDDhhmmss; an end without a time is
// the last second of its day.
func rangeBound(s string, isEnd bool) (int64, bool) {
	groups := strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if len(groups) < 3 || len(groups) > 6 {
		return 0, false
	}
	parts := [6]int64{}
	if isEnd && len(groups) == 3 {
		parts[3], parts[4], parts[5] = 23, 59, 59
	}
	for i, g := range groups {
		if len(g) > 4 {
			return 0, false
		}
		var n int64
		for _, r := range g {
			n = n*10 + int64(r-'0')
		}
		parts[i] = n
	}
	return parts[0]*1e10 + parts[1]*1e8 + parts[2]*1e6 + parts[3]*1e4 + parts[4]*1e2 + parts[5], true
}

// inDateRange reports whether an export with dateRangeBegin/End (changed, from changedBetween)
// keeps the record.
func (sp exportSpec) inDateRange(id string) bool {
	return sp.changed == nil || sp.changed[id]
}
