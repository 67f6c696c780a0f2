// Command redcapgen generates a typed Go package from a REDCap project's data dictionary: from a
// dictionary file or live from the REDCap API. Every instrument becomes a struct, every choice
// field an enum that keeps REDCap's raw codes, every checkbox a set, every date, number and time
// a typed value that remembers REDCap's exact text; the package also carries the project's rules,
// logic and dictionary snapshot for validation, recalculation and drift checks.
//
// Usage:
//
//	redcapgen -dict FILE -package NAME [-out DIR] [flags]
//	redcapgen -url URL (-token-env VAR | -token-file PATH) -package NAME [-out DIR] [flags]
//	redcapgen -check (-dict FILE | -url URL ...) -package NAME [-out DIR] [-json]
//	redcapgen -version
//
// Typically run by go generate from a file of the package's parent:
//
//	//go:generate go run github.com/redcapgen/redcapgen/cmd/redcapgen -dict study.csv -package study -out study
//
// # Sources
//
// The file given to -dict is recognised by its content: the Data Dictionary CSV from REDCap's
// Data Dictionary page (UTF-8 or Windows-1252, comma or semicolon, the older 16- and 17-column
// headers too), the API's metadata as JSON or XML, or a project XML (CDISC ODM), which also
// carries arms, events, form-event mappings, repeating instruments and missing-data codes.
// A file that is not a dictionary is refused after reading its first 64 KiB.
//
// With -url the dictionary, design and project information are fetched from the REDCap API. The
// token is read from the environment variable named by -token-env or from the file named by
// -token-file; there is no flag that takes the token itself, and the token is never printed. The
// URL must be https, except for a loopback address.
//
// # Flags
//
//	-dict FILE       dictionary file: Data Dictionary CSV, API JSON/XML metadata, or project XML
//	-url URL         REDCap API URL (https://.../api/) to fetch the dictionary from
//	-token-env VAR   environment variable holding the API token (with -url)
//	-token-file PATH file holding the API token (with -url)
//	-package NAME    generated package name: a lower-case Go identifier that is not a keyword,
//	                 a predeclared name (len, string, any...) or main
//	-out DIR         output directory (default "."), created when missing
//	-names FILE      names file pinning Go names: one "kind:redcap_name = GoName" per line, kind
//	                 one of form, field, enum, const, set, event, arm; '#' starts a comment line
//	-events FILE     event design (project XML, or JSON) for a dictionary file without events
//	-codebook FILE   also write a codebook, Markdown (FILE.md) or HTML (FILE.html)
//	-timeout D       with -url, give up when the API has not answered within D (default 2m; 0
//	                 waits forever)
//	-check           write nothing; compare the package on disk with what would be generated
//	-json            with -check, print the report as JSON
//	-v               list the files written and the dictionary warnings
//	-version         print the generator version and exit
//
// # Output
//
// The package is written as redcap_<concern>_gen.go files (enums, checkboxes, record, codec,
// validate, project, rules, logic, snapshot), one redcap_form_<form>_gen.go per instrument, and
// redcap_snapshot_gen.txt, the dictionary one field per line, which the package embeds as its
// Snapshot and which -check reads. A run writes the whole package or nothing: files are staged
// beside the package and moved into place, and on any failure the previous files are put back
// byte for byte. Owned files that are no longer generated are removed; nothing else in the
// directory is touched. Output is deterministic: the same dictionary and version give the same
// bytes.
//
// Whatever REDCap holds generates. What REDCap refuses only when a dictionary is uploaded (a calc
// without equation, an unknown validation, logic naming an unknown field...) is a warning naming
// the field; -v lists them. A dictionary no Go package can be made from (unreadable, duplicate
// fields or export columns, malformed choices...) is refused with every problem and its place:
// file and line for CSV, element for JSON and XML, field name for API metadata.
//
// # Check
//
// -check runs the same pipeline without writing and compares with the package on disk. It
// reports first what changed in REDCap terms (fields added or removed, types, validations,
// choices, each marked breaking or compatible), then the files that would change, appear or
// disappear. Header lines that only name the source or the generator version are not a change,
// and what the source does not carry (a dictionary file's events, missing-data codes, form labels
// and title; survey settings the API does not tell) is kept from the committed package, with a
// note naming the flag or source that carries it.
//
// # Exit status
//
// Generation exits 0 when the package is written, 1 when generation failed, and 2 on a usage
// error. -check exits 0 when the package is current, 1 when it must be regenerated, and 2 when the
// check could not be made: a usage error, or a source error (an unreadable or refused dictionary,
// a failed API call).
//
// # Examples
//
// Generate from a downloaded dictionary:
//
//	redcapgen -dict MyStudy_DataDictionary.csv -package study -out ./study
//
// Generate from the live project, the token in an environment variable:
//
//	export REDCAP_API_TOKEN=...
//	redcapgen -url https://redcap.example.edu/api/ -token-env REDCAP_API_TOKEN -package study -out ./study
//
// A dictionary file with the event design from a project XML, and a codebook:
//
//	redcapgen -dict study.csv -events design.xml -codebook codebook.html -package study -out ./study
//
// In CI, fail when the committed package no longer matches the live project:
//
//	redcapgen -check -url https://redcap.example.edu/api/ -token-file ~/.redcap/study.token -package study -out ./study
package main
