package redcaptest

import (
	"strings"
	"unicode/utf8"
)

// maxFolderName is the length REDCap cuts folder names to.
const maxFolderName = 150

// folderName is the name REDCap stores for a new folder: accents and typographic punctuation
// replaced by ASCII, characters not allowed in file names (\ / : * ? " < > |) dropped, and at
// most 150 characters.
func folderName(sent string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) {
			return -1
		}
		return r
	}, plainLetters(sent))
	if utf8.RuneCountInString(name) > maxFolderName {
		name = string([]rune(name)[:maxFolderName])
	}
	return name
}

// repoFileName is the name REDCap stores for an uploaded file: accents and typographic
// punctuation replaced by ASCII, other characters (an apostrophe, CJK letters) kept.
func repoFileName(sent string) string { return plainLetters(sent) }

// plainLetters replaces accented Latin letters by their base letters and typographic dashes and
// quotes by ASCII ones, like REDCap's accent removal; other characters stay.
func plainLetters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if rep, ok := asciiFor[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// asciiFor maps accented letters and typographic punctuation to ASCII.
var asciiFor = func() map[rune]string {
	m := map[rune]string{
		'Æ': "AE", 'æ': "ae", 'Œ': "OE", 'œ': "oe", 'ß': "s", 'Ð': "D", 'ð': "d", 'Þ': "TH", 'þ': "th",
		'Ø': "O", 'ø': "o", 'Ł': "L", 'ł': "l", 'Đ': "D", 'đ': "d", 'Ħ': "H", 'ħ': "h", 'ı': "i",
		'–': "-", '—': "-", '‘': "'", '’': "'", '‚': ",", '“': `"`, '”': `"`, '„': `"`, '…': "...",
	}
	groups := []struct{ base, letters string }{
		{"A", "ÀÁÂÃÄÅĀĂĄ"}, {"a", "àáâãäåāăą"}, {"C", "ÇĆĈĊČ"}, {"c", "çćĉċč"}, {"D", "Ď"}, {"d", "ď"},
		{"E", "ÈÉÊËĒĔĖĘĚ"}, {"e", "èéêëēĕėęě"}, {"G", "ĜĞĠĢ"}, {"g", "ĝğġģ"}, {"H", "Ĥ"}, {"h", "ĥ"},
		{"I", "ÌÍÎÏĨĪĬĮİ"}, {"i", "ìíîïĩīĭį"}, {"J", "Ĵ"}, {"j", "ĵ"}, {"K", "Ķ"}, {"k", "ķ"},
		{"L", "ĹĻĽĿ"}, {"l", "ĺļľŀ"}, {"N", "ÑŃŅŇ"}, {"n", "ñńņň"}, {"O", "ÒÓÔÕÖŌŎŐ"}, {"o", "òóôõöōŏő"},
		{"R", "ŔŖŘ"}, {"r", "ŕŗř"}, {"S", "ŚŜŞŠ"}, {"s", "śŝşš"}, {"T", "ŢŤŦ"}, {"t", "ţťŧ"},
		{"U", "ÙÚÛÜŨŪŬŮŰŲ"}, {"u", "ùúûüũūŭůűų"}, {"W", "Ŵ"}, {"w", "ŵ"}, {"Y", "ÝŸŶ"}, {"y", "ýÿŷ"},
		{"Z", "ŹŻŽ"}, {"z", "źżž"},
	}
	for _, g := range groups {
		for _, r := range g.letters {
			m[r] = g.base
		}
	}
	return m
}()

// forbiddenExtensions are file types REDCap refuses to store: server-side scripts and
// executables.
var forbiddenExtensions = map[string]bool{
	"php": true, "php3": true, "php4": true, "php5": true, "php7": true, "phtml": true, "phar": true, "exe": true,
}

// uploadAllowed reports whether REDCap accepts a file of that name: it must have an extension,
// and not a forbidden one.
func uploadAllowed(name string) bool {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || i == len(name)-1 {
		return false
	}
	return !forbiddenExtensions[strings.ToLower(name[i+1:])]
}
