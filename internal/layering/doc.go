// Package layering holds the tests that keep the module's layers apart: the runtime (the client
// and the fake REDCap) never depends on the generator, and the example programs use only the
// generated packages and the runtime.
package layering
