package redcap

// REDCap's own error texts for refused import values (the 4th CSV column of its error lines),
// copied from the conformance vectors of REDCap 15.7.6. Texts that depend on the field are built
// by the functions below.
const (
	// msgFormat is REDCap's message for a value that does not match its validation pattern.
	msgFormat = "The value you provided could not be validated because it does not follow the expected format. Please try again."
	// msgDateYMD is the message for a bad date when no dateFormat (or YMD) is sent.
	msgDateYMD = "Invalid date format. (NOTE: Dates must be imported here only in Y-M-D format, regardless of the specific date format designated for this field.)"
	// msgDateDMY is the message for a bad date with dateFormat=DMY.
	msgDateDMY = "Invalid date format. (NOTE: Dates must be imported here only in D/M/Y format or Y-M-D format, regardless of the specific date format designated for this field.)"
	// msgDateMDY is the message for a bad date with dateFormat=MDY. Built by analogy with the
	// DMY text (no vector shows it).
	msgDateMDY = "Invalid date format. (NOTE: Dates must be imported here only in M/D/Y format or Y-M-D format, regardless of the specific date format designated for this field.)"
	// msgDateTimeYMD is the message for a bad datetime when no dateFormat (or YMD) is sent.
	msgDateTimeYMD = "Invalid date format. (NOTE: Dates must be imported here only in Y-M-D H:M[:S] format, regardless of the specific date format designated for this field.)"
	// msgDateTimeDMY and msgDateTimeMDY are built by analogy (no vector shows them).
	msgDateTimeDMY = "Invalid date format. (NOTE: Dates must be imported here only in D/M/Y H:M[:S] format or Y-M-D H:M[:S] format, regardless of the specific date format designated for this field.)"
	msgDateTimeMDY = "Invalid date format. (NOTE: Dates must be imported here only in M/D/Y H:M[:S] format or Y-M-D H:M[:S] format, regardless of the specific date format designated for this field.)"
	// msgTime is the message for a bad value of a "time" field.
	msgTime = "Time is not properly formatted as HH:MM (military format)."
	// msgEmail is the message for a bad e-mail address.
	msgEmail = "Email address is not properly formatted."
)

// msgCategory is REDCap's message for a code that is not one of the field's choices.
func msgCategory(field string) string { return "The value is not a valid category for " + field }

// msgPhone is REDCap's message for a bad North-American phone number.
func msgPhone(field string) string { return field + " must be a 10-digit phone number." }

// msgZipcode is REDCap's message for a bad U.S. ZIP code.
func msgZipcode(field string) string { return field + " must be a 5 or 9 digit U.S. ZIP Code" }

// msgCheckbox is REDCap's message for a checkbox column holding something other than 1, 0 or "".
func msgCheckbox(column string) string {
	return column + " is a checkbox field and thus can only have a value of '1' (checked) or '0' (unchecked)."
}

// msgSliderInteger is REDCap's message for a slider value that is not an integer.
func msgSliderInteger(field string) string { return field + " must be an integer" }

// msgSliderAbove is REDCap's message for a slider value above the slider's maximum.
func msgSliderAbove(field, max string) string {
	return field + " should not be greater than the field maximum (" + max + ")"
}

// msgSliderBelow is REDCap's message for a slider value below the slider's minimum.
func msgSliderBelow(field, min string) string {
	return field + " should not be less than the field minimum (" + min + ")"
}

// msgUnknownField is REDCap's message for a column that is not a real data field (a descriptive
// field, a checkbox base name, an unknown checkbox column).
func msgUnknownField(field string) string {
	return "The following fields were not found in the project as real data fields: " + field
}
