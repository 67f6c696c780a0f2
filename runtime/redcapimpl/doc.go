// Package redcapimpl is the part of redcapgen's runtime that only generated code uses: the
// helpers of the generated flat-row codec, instance numbers, and the names compiled logic is
// written in.
//
// For generated code only; do not use. Its API follows the generator and changes whenever the
// generator needs it to, without notice. Programs use package redcap (values, client, typed
// export and import, validation, errors, schema) and the generated package.
package redcapimpl

// GeneratedCodeV2 is referenced by every generated package (var _ = redcapimpl.GeneratedCodeV2),
// so a generated package and a runtime that do not fit fail to compile with an error naming this
// handshake:
//
//   - "undefined: redcap.GeneratedCodeV1", or other undefined redcap names: the generated package
//     is older than this runtime. Regenerate it: run go generate (or redcapgen) again.
//   - "undefined: redcapimpl.GeneratedCodeV3" (or a later version), or no package
//     runtime/redcapimpl at all: the generated package is newer than the runtime the module
//     requires. Update the runtime: go get github.com/redcapgen/redcapgen@latest.
const GeneratedCodeV2 = true
