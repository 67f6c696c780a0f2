// Package redcaptest runs an in-process fake REDCap API server, in the spirit of
// net/http/httptest, with REDCap 15.7.6's semantics: the same parameters, answers, error texts
// and envelopes, checked against the conformance vectors captured from a real server.
//
// A test builds a server from a dictionary.Project (NewServer) or from the Snapshot a generated
// package embeds (NewServerFromSnapshot), points a client at s.URL() with s.Token(), and
// inspects s.Records() and s.Requests() afterwards. Options inject faults (latency, failing
// statuses, truncated bodies, dropped connections, failing imports) to test clients' error paths.
//
// The server keeps REDCap's project log: every request, design change, export and change of
// record data, with REDCap's texts, answered by content=log and read by the dateRangeBegin/End
// of record exports.
//
// Value validation goes through redcap.FieldRule, the same rules generated code uses, so the
// fake and a generated validator cannot disagree. What the fake does not model is listed in
// UNMODELLED.md.
package redcaptest
