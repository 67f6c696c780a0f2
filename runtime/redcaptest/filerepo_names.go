package redcaptest

import (
	"strings"
	"unicode/utf8"
)

// maxFolderName is the length REDCap cuts folder names to.
const maxFolderName = 150

// folderName is the name REDCap stores for a new folder: cleaned like a stored file name
// (accents removed, characters not allowed in file names dropped) and at most 150 characters.
func folderName(sent string) string {
	name := storedFileName(sent)
	if utf8.RuneCountInString(name) > maxFolderName {
		name = string([]rune(name)[:maxFolderName])
	}
	return name
}

// repoUploadAllowed reports whether the File Repository accepts a file of that name: it must
// have an extension, and not one on the site's restricted list.
func (st *state) repoUploadAllowed(name string) bool {
	i := strings.LastIndexByte(name, '.')
	return i >= 0 && i < len(name)-1 && !st.fileRules.forbiddenName(name)
}
