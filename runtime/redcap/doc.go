// Package redcap is redcapgen's runtime: the typed values generated code is made of, the flat-row
// codec plumbing, REDCap's validation rules (shared by generated validators, the import pre-flight
// and the redcaptest server), and a small API client with typed, batched export and import and
// streamed download, upload and delete of the files of file upload and signature fields.
//
// Generated packages import only this package and the standard library.
package redcap
