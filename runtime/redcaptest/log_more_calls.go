package redcaptest

import "strconv"

// logRepositoryCall logs a successful File Repository call as REDCap does: a "Manage/Design "
// entry stored for the folder or file the call is about (the new folder's id for createFolder,
// the folder listed for list, the file's doc_id otherwise).
func (st *state) logRepositoryCall(p params) {
	repo := st.fileRepository()
	switch p.get("action") {
	case "createFolder":
		st.logManageCall("Create folder in File Repository (API)", itoa(repo.nextFolderID-1))
	case "list":
		folder := ""
		if id, err := strconv.Atoi(p.get("folder_id")); err == nil && id != 0 {
			folder = itoa(id)
		}
		st.logManageCall("Export list of files/folders from File Repository (API)", folder)
	case "import":
		st.logManageCall("Upload file to File Repository (API)", itoa(st.nextDocID-1))
	case "export":
		st.logManageCall("Download file from File Repository (API)", p.get("doc_id"))
	case "delete":
		st.logManageCall("Delete file from File Repository (API)", p.get("doc_id"))
	}
}

// logPDFCall logs a PDF export as REDCap does: a "Manage/Design " entry stored for the record
// asked for, whose text says what was exported.
func (st *state) logPDFCall(p params) {
	record, form := p.get("record"), p.get("instrument")
	var text string
	switch {
	case p.has("allRecords") || p.has("allrecords"):
		text = "Download all data entry forms as PDF (all records)"
	case form != "" && record == "":
		text = "Download data entry form as PDF"
	case form != "":
		text = "Download data entry form as PDF (with data)"
	case record == "":
		text = "Download all data entry forms as PDF"
	default:
		text = "Download all data entry forms as PDF (with data)"
	}
	st.logManageCall(text+" (API)", record)
}
