package logic

import (
	"bytes"
	"math"
	"strconv"
)

// AppendStored appends to dst the text REDCap stores for a computed field ("calc", "calctext"
// or "calcdate", with the field's validation for "calcdate") whose expression gave v or err: the
// text of Calc, CalcText or CalcDate, without allocating for numbers written plainly.
func AppendStored(dst []byte, computed string, v Value, err error, validation string) []byte {
	switch computed {
	case "calctext":
		if err != nil {
			return dst
		}
		return appendText(dst, v)
	case "calcdate":
		if err == nil && v.timed {
			return v.when.AppendFormat(dst, dateLayout(validation))
		}
		return append(dst, CalcDate(v, err, validation)...)
	}
	if err != nil {
		return dst
	}
	switch v.kind {
	case KindInt, KindFloat:
		if v.IsNaN() {
			return dst
		}
		return appendText(dst, v)
	case KindString:
		if _, ok := numericString(v.str()); ok && !v.missing {
			return append(dst, v.str()...)
		}
	}
	return dst
}

// appendText appends v's PHP text (Value.Text).
func appendText(dst []byte, v Value) []byte {
	switch v.kind {
	case KindInt:
		return strconv.AppendInt(dst, v.i, 10)
	case KindFloat:
		f := v.f
		if math.IsNaN(f) || math.IsInf(f, 0) || f == 0 {
			return append(dst, formatFloat(f)...)
		}
		start := len(dst)
		dst = strconv.AppendFloat(dst, f, 'g', 14, 64)
		if bytes.IndexByte(dst[start:], 'e') >= 0 {
			// PHP writes exponents its own way (6.77E+15, 5.0E-6).
			return append(dst[:start], formatFloat(f)...)
		}
		return dst
	}
	return append(dst, v.Text()...)
}
