package redcap

// File is the value of a file upload or signature field in a record export: the name REDCap
// stored the file under. A field's redcap.Value[File] is blank when the field holds no file, a
// File when it does (Get), or a missing-data code. The file itself is read and written with
// Client.DownloadFile, UploadFile and DeleteFile; REDCap drops a value imported into the field.
type File string

// String returns the stored file name.
func (f File) String() string { return string(f) }

// Name returns the stored file name (REDCap's sanitised form of the uploaded name).
func (f File) Name() string { return string(f) }

// ParseFile accepts any non-blank text as a stored file name.
func ParseFile(s string) (File, bool) { return File(s), s != "" }
