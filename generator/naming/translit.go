package naming

// latin maps common accented Latin letters (and a few symbols seen in REDCap labels) to ASCII.
var latin = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ù': "u",
	'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss", 'œ': "oe", 'ł': "l",
	'À': "A", 'Á': "A", 'Â': "A", 'Ã': "A", 'Ä': "A", 'Å': "A", 'Æ': "AE", 'Ç': "C",
	'È': "E", 'É': "E", 'Ê': "E", 'Ë': "E", 'Ì': "I", 'Í': "I", 'Î': "I", 'Ï': "I",
	'Ñ': "N", 'Ò': "O", 'Ó': "O", 'Ô': "O", 'Õ': "O", 'Ö': "O", 'Ø': "O", 'Ù': "U",
	'Ú': "U", 'Û': "U", 'Ü': "U", 'Ý': "Y", 'Œ': "OE", 'Ł': "L",
}

// symbolRunes maps non-ASCII symbols with a clear meaning to words, like symbolWords.
var symbolRunes = map[rune]string{
	'≥': "Ge",
	'≤': "Le",
	'−': "Minus", // U+2212 minus sign
	'±': "PlusMinus",
}

// transliterate returns the ASCII letters for an accented Latin letter.
func transliterate(r rune) (string, bool) {
	s, ok := latin[r]
	return s, ok
}
