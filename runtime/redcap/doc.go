// Package redcap is what programs built on redcapgen call: REDCap's typed values, an API client,
// typed export and import through a generated package, validation, REDCap's logic, files,
// reports, incremental sync, errors, and the check that a project still fits its generated code.
//
// A generated package (redcapgen's output for one project's data dictionary) defines a Record
// type per project; the generic functions here take it as a type argument:
//
//	client, err := redcap.NewClient(apiURL, redcap.TokenFromEnv("REDCAP_API_TOKEN"))
//	for rec, err := range redcap.Stream[study.Record](ctx, client, redcap.ExportOptions{}) { ... }
//
// Generated code also imports package redcapimpl, which holds what only generated code uses.
//
// # Values
//
// Every field of a generated record is a [Value] of a scalar type: [Text], [Number], [Integer],
// [Date], [DateTime], [Time], [MinSec], [File], [FormStatus], or a generated choice type. A Value
// is blank, a typed value, one of the project's missing-data codes, or text REDCap stored that the
// type cannot parse; it keeps the exact text it came from, so an unchanged value is imported back
// byte for byte. Build values with [Of], [Blank] and [Missing]; read REDCap's text with [Decode]
// and the ParseX function of each scalar type. Repeating instruments and events are slices of
// [Instance].
//
// # Client
//
// [NewClient] takes the API URL and a [TokenSource] ([TokenFromEnv], [TokenFromFile]): a token
// is never printed, logged or sent in a URL, and http is refused except on a loopback host.
// Options set the HTTP client ([WithHTTPClient]), a logger whose lines never carry values or
// tokens ([WithLogger]), errors without values ([WithRedactedValues]), retries of reads
// ([WithRetry]; writes are never retried) and the server's time zone ([WithServerZone]). Client methods cover REDCap's other API calls: project
// information, metadata, users and roles, data access groups, surveys, the log, PDFs and the
// project XML.
//
// # Typed export and import
//
// [Stream] exports records in batches as generated records, [ExportAll] collects them, and
// [ReadRecords] and [ReadRecordsInto] decode a saved flat JSON export without a server.
// [Import] writes records in batches, validates each batch first, never retries a write, and
// reports in an [ImportResult] which batches landed, failed, were refused or are uncertain.
// [ReadRows] and [WriteRows] read and write REDCap's flat JSON one [Row] at a time, byte for
// byte.
//
// # Validation
//
// A generated record's Validate method checks every value against REDCap's rules into a
// [Validator] ([NewValidator] with the generated package's Schema); the Validator collects every
// [Violation] (errors REDCap would refuse on import, warnings its data entry would show) with
// record, event, instance and field. [FieldRule] holds one field's rules; its CheckImport says
// what REDCap does with one value.
//
// # Logic
//
// [Applies] says whether a field's branching logic shows it on a row of a record, [Recalculate]
// recomputes calculated fields (calc, @CALCTEXT, @CALCDATE) as REDCap stores them, and
// [CheckFilterLogic] checks an export's filterLogic before it is sent. They evaluate REDCap's
// logic language with REDCap's answers (package logic); a generated package carries its logic
// compiled to Go.
//
// # Files
//
// [NewFileRef] names the file of a file upload or signature field of a record;
// [Client.DownloadFile] streams it into a writer, [Client.UploadFile] streams one in,
// [Client.StatFile] and [Client.DeleteFile] complete the set. Files are never held whole in
// memory. The project's File Repository has calls of its own.
//
// # Reports
//
// [StreamReport] and [ExportReportAll] export a report made in REDCap's report editor as
// generated records, with the [ReportColumns] the report carries; [Client.ExportReport] returns
// it as REDCap writes it, in any format.
//
// # Sync
//
// [Sync] and [SyncEach] return what changed since a [SyncCursor]: the records created or
// changed, as generated records, and the IDs of the records deleted, with the cursor for the
// next run. The cursor is a time of the server's clock, stored as text ([ParseSyncCursor]).
//
// # Errors
//
// Every error REDCap answers is an [*APIError], matched by status with errors.Is ([ErrPermission],
// [ErrBadRequest], ...). An import batch that did not land is a [*BatchError] wrapping an
// APIError or a [*ValidationError]; a row that does not fit the generated project is a
// [*RowError], a column it does not know an [*UnknownColumnError]; file calls return
// [*FileError]. Errors name records, fields, rules and columns; they show a refused value so that
// it can be found and fixed, unless the client was made [WithRedactedValues]. The client's log
// lines never carry values.
//
// # Drift
//
// A generated package is made from one version of a project's dictionary. [CheckDrift] compares
// the live dictionary and missing-data codes with the generated package's [Schema] and returns
// a [*DriftError] listing every difference; [WithDriftCheck] makes the client do so before its
// first typed export or import.
package redcap
