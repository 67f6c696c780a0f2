package main

import (
	"fmt"
	"io"

	"github.com/redcapgen/redcapgen/generator"
)

// printCheckReport prints a -check report: dictionary changes first, in REDCap terms and
// classed, then the files, then what the source does not carry and generator-version drift.
func printCheckReport(w io.Writer, r *generator.CheckReport) {
	if r.Current() {
		fmt.Fprintln(w, "redcapgen: generated package is current")
	}
	if len(r.Changes) > 0 {
		fmt.Fprintf(w, "Dictionary changes (%d):\n", len(r.Changes))
		for _, c := range r.Changes {
			class := "compatible"
			if c.Breaking {
				class = "BREAKING"
			}
			fmt.Fprintf(w, "  %-10s %s\n", class, c.Summary())
		}
	}
	if !r.Current() {
		fmt.Fprintln(w, "Files that would change:")
		for _, f := range r.Changed {
			if r.IsHeaderOnly(f) {
				fmt.Fprintf(w, "  changed  %s (header only: fingerprint or version)\n", f)
				continue
			}
			fmt.Fprintf(w, "  changed  %s\n", f)
		}
		for _, f := range r.Added {
			fmt.Fprintf(w, "  new      %s\n", f)
		}
		for _, f := range r.Removed {
			fmt.Fprintf(w, "  removed  %s\n", f)
		}
	}
	if len(r.Kept) > 0 {
		fmt.Fprintln(w, "Not carried by this source, so not compared:")
		for _, k := range r.Kept {
			fmt.Fprintf(w, "  %s\n", k)
		}
	}
	if n := len(r.SourceOnly); n > 0 {
		fmt.Fprintf(w, "%d files name another source or generator version in their header only: not a change\n", n)
	}
	if d := r.GeneratorDrift; d != nil {
		fmt.Fprintf(w, "Generator version: package written by redcapgen %s, running %s\n", d.OnDisk, d.Running)
	}
}
