package redcap

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors of the file methods, matched with errors.Is on a *FileError.
var (
	// ErrNoFile: the field holds no file ("There is no file to download for this record", and
	// the same for delete).
	ErrNoFile = errors.New("redcap: no file in the field")
	// ErrNotFileField: the field does not exist or is no file upload or signature field.
	ErrNotFileField = errors.New("redcap: not a file field")
	// ErrNoSuchRecord: the record does not exist (for a download: not in the given event).
	ErrNoSuchRecord = errors.New("redcap: no such record")
	// ErrInvalidEvent: a longitudinal project needs the unique name of one of its events.
	ErrInvalidEvent = errors.New("redcap: invalid event")
	// ErrFileRefused: REDCap refused the upload: a restricted file type, or no file arrived.
	ErrFileRefused = errors.New("redcap: file refused")
	// ErrFileTooLarge: the file is over the caller's limit (UploadOptions.MaxSize, checked before
	// or while sending) or over one of REDCap's limits.
	ErrFileTooLarge = errors.New("redcap: file too large")
)

// FileError is the error of a file method: the operation and the file it addressed, and the
// cause (an *APIError for REDCap's refusals). It never holds the file's name or content.
type FileError struct {
	Op  string // "download", "stat", "upload" or "delete"
	Ref FileRef
	Err error
}

// fileError wraps err with the operation and file.
func fileError(op string, ref FileRef, err error) error {
	return &FileError{Op: op, Ref: ref, Err: err}
}

// Error names the operation, record, field, event and instance, then the cause.
func (e *FileError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "redcap: %s file: record %q field %q", e.Op, e.Ref.Record, e.Ref.Field)
	if e.Ref.Event != "" {
		fmt.Fprintf(&b, " event %q", e.Ref.Event)
	}
	if e.Ref.Instance > 0 {
		fmt.Fprintf(&b, " instance %d", e.Ref.Instance)
	}
	return b.String() + ": " + strings.TrimPrefix(e.Err.Error(), "redcap: ")
}

// Unwrap returns the cause.
func (e *FileError) Unwrap() error { return e.Err }

// Is matches the file sentinels by REDCap's message.
func (e *FileError) Is(target error) bool {
	var apiErr *APIError
	if !errors.As(e.Err, &apiErr) {
		return false
	}
	msg := apiErr.Message
	switch target {
	case ErrNoFile:
		return strings.HasPrefix(msg, "There is no file to ")
	case ErrNotFileField:
		return strings.HasSuffix(msg, "does not exist or is not a 'file' field")
	case ErrNoSuchRecord:
		return strings.HasPrefix(msg, "The record ") && strings.Contains(msg, " does not exist")
	case ErrInvalidEvent:
		return msg == "invalid event"
	case ErrFileRefused:
		return strings.Contains(msg, "file type is not permitted") || msg == "No valid file was uploaded"
	case ErrFileTooLarge:
		return strings.Contains(msg, "exceeded the maximum file size") || msg == "There was a problem with the uploaded file"
	}
	return false
}
