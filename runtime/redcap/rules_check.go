package redcap

// Field types that need special handling by the import rules.
const (
	typeFormStatus  = "form_status"
	typeCheckbox    = "checkbox"
	typeDescriptive = "descriptive"
	typeCalc        = "calc"
	typeFile        = "file"
	typeSlider      = "slider"
	typeText        = "text"
)

// CheckImport applies REDCap's import rule to one value of a non-checkbox field, as a REDCap
// 15.7.6 server does for a record import with the given dateFormat.
//
// It returns the value REDCap would store and true: the value itself, or its normal form (phone
// numbers reformatted, vmrn zero-padded, 2024-2-9 → 2024-02-09, datetime "T" → " ", a date alone
// → "... 00:00", seconds dropped from minute datetimes, 9:05 → 09:05, M/D/Y → Y-M-D), or "" for
// calc, file and signature fields, whose values REDCap accepts and drops. Blank and, except in
// form status fields, the project's missing-data codes are valid everywhere.
//
// Otherwise it returns ok=false, REDCap's exact message (the 4th column of REDCap's error line)
// and, as stored, the value REDCap names in that line (which is the value after REDCap's own
// conversions, e.g. a reformatted phone number). It never panics and allocates only when it
// changes a value or refuses one.
func (r *FieldRule) CheckImport(raw string, codes *MissingCodes, df DateFormat) (stored string, msg string, ok bool) {
	if raw == "" {
		return "", "", true
	}
	switch r.Type {
	case typeFormStatus:
		if _, ok := ParseFormStatus(raw); !ok {
			return raw, msgCategory(r.Name), false
		}
		return raw, "", true
	case typeCheckbox, typeDescriptive:
		return raw, msgUnknownField(r.Name), false
	case typeCalc, typeFile:
		return "", "", true
	}
	if codes.Has(raw) {
		return raw, "", true
	}
	switch r.Type {
	case "dropdown", "radio", "yesno", "truefalse":
		if !r.hasChoice(raw) {
			return raw, msgCategory(r.Name), false
		}
		return raw, "", true
	case typeSlider:
		if msg := r.sliderProblem(raw); msg != "" {
			return raw, msg, false
		}
		return raw, "", true
	case typeText:
		return r.checkValidation(raw, df)
	}
	return raw, "", true // notes, sql and anything else take any text
}

// CheckCheckboxColumn applies REDCap's import rule to one checkbox column of this field: "1",
// "0" and "" are accepted; anything else (also a missing-data code) is refused with REDCap's
// message. A column the field does not have is refused as REDCap refuses unknown fields.
func (r *FieldRule) CheckCheckboxColumn(column, raw string) (stored string, msg string, ok bool) {
	if !r.hasCheckboxColumn(column) {
		return raw, msgUnknownField(column), false
	}
	if raw != "" && raw != "0" && raw != "1" {
		return raw, msgCheckbox(column), false
	}
	return raw, "", true
}

// hasChoice reports whether code is exactly one of the field's choice codes. A yesno or truefalse
// rule built without its choices takes REDCap's fixed codes 1 and 0.
func (r *FieldRule) hasChoice(code string) bool {
	if len(r.Choices) == 0 && (r.Type == "yesno" || r.Type == "truefalse") {
		return code == "1" || code == "0"
	}
	for i := range r.Choices {
		if r.Choices[i].Code == code {
			return true
		}
	}
	return false
}

// hasCheckboxColumn reports whether column is one of the field's checkbox columns.
func (r *FieldRule) hasCheckboxColumn(column string) bool {
	for _, c := range r.CheckboxColumns {
		if c == column {
			return true
		}
	}
	return false
}

// sliderProblem returns REDCap's message when raw is not an integer within the slider's range
// (Min..Max, 0..100 when unset), or "".
func (r *FieldRule) sliderProblem(raw string) string {
	if !isSliderInteger(raw) {
		return msgSliderInteger(r.Name)
	}
	value, _ := parseDecimal(raw)
	min, max := sliderBound(r.Min, "0"), sliderBound(r.Max, "100")
	if bound, ok := parseDecimal(max); ok && compareDecimal(value, bound) > 0 {
		return msgSliderAbove(r.Name, max)
	}
	if bound, ok := parseDecimal(min); ok && compareDecimal(value, bound) < 0 {
		return msgSliderBelow(r.Name, min)
	}
	return ""
}

// sliderBound returns a slider's bound as written, or REDCap's default when it is unset.
func sliderBound(written, def string) string {
	if written == "" {
		return def
	}
	return written
}

// checkValidation applies the rule of a text field's validation type.
func (r *FieldRule) checkValidation(raw string, df DateFormat) (string, string, bool) {
	v := r.Validation
	switch v {
	case "date_ymd", "date_mdy", "date_dmy":
		stored, ok := checkImportDate(raw, df)
		return verdict(stored, ok, dateMessage(df, false))
	case "datetime_ymd", "datetime_mdy", "datetime_dmy":
		stored, ok := checkImportDateTime(raw, df, false)
		return verdict(stored, ok, dateMessage(df, true))
	case "datetime_seconds_ymd", "datetime_seconds_mdy", "datetime_seconds_dmy":
		stored, ok := checkImportDateTime(raw, df, true)
		return verdict(stored, ok, dateMessage(df, true))
	case "time":
		stored, ok := checkImportTime(raw)
		return verdict(stored, ok, msgTime)
	case "phone":
		stored, ok := checkPhoneNA(raw)
		if !ok {
			return stored, msgPhone(r.Name), false
		}
		return stored, "", true
	case "zipcode":
		if !isZipcode(raw) {
			return raw, msgZipcode(r.Name), false
		}
		return raw, "", true
	case "email":
		return verdict(raw, isEmail(raw), msgEmail)
	case "vmrn":
		stored, ok := checkVMRN(raw)
		return verdict(stored, ok, msgFormat)
	}
	ok, known := matchesPattern(v, raw)
	if known && !ok {
		return raw, msgFormat, false
	}
	return raw, "", true // a site-defined validation type: REDCap's pattern is unknown here
}

// verdict turns a check's (stored, ok) into CheckImport's results, with msg when refused.
func verdict(stored string, ok bool, msg string) (string, string, bool) {
	if !ok {
		return stored, msg, false
	}
	return stored, "", true
}

// matchesPattern checks raw against the pattern of the validation types whose failures all give
// REDCap's generic message. known is false for a type REDCap does not ship.
func matchesPattern(validation, raw string) (ok, known bool) {
	if n, point, fixed := fixedDecimalType(validation); fixed {
		return isFixedDecimal(raw, point, n), true
	}
	switch validation {
	case "integer":
		return isIntegerText(raw), true
	case "number":
		return isNumberSyntax(raw, '.'), true
	case "number_comma_decimal":
		return isNumberSyntax(raw, ','), true
	case "time_hh_mm_ss":
		return checkTimeHMS(raw), true
	case "time_mm_ss":
		return checkTimeMS(raw), true
	case "phone_australia":
		return rePhoneAustralia.MatchString(raw), true
	case "phone_uk":
		return rePhoneUK.MatchString(raw), true
	case "phone_france":
		return rePhoneFrance.MatchString(raw), true
	case "postalcode_australia":
		return isAllDigits(raw, 4), true
	case "postalcode_canada":
		return isPostalCanada(raw), true
	case "postalcode_french":
		return isPostalFrench(raw), true
	case "postalcode_germany":
		return isPostalGermany(raw), true
	case "postalcode_uk":
		return rePostalUK.MatchString(raw), true
	case "alpha_only":
		return isAlphaOnly(raw), true
	case "ssn":
		return isSSN(raw), true
	case "mrn_10d":
		return isAllDigits(raw, 10), true
	case "mrn_generic":
		return isMRNGeneric(raw), true
	}
	return true, false
}
