package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// line is one row of the results table.
type line struct {
	What     string // the measurement
	Ours     string // redcapgen's figure
	Baseline string // the baseline's figure ("" when there is none)
	Ratio    string // ours against the baseline, or against the target
	Target   string // what the issue asks
	Met      bool   // whether the target is met
}

// printTable writes the lines as an aligned Markdown table.
func printTable(w io.Writer, lines []line) error {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.Debug)
	fmt.Fprintln(tw, " measurement\t redcapgen\t baseline\t ratio\t target\t met\t")
	fmt.Fprintln(tw, " ---\t ---\t ---\t ---\t ---\t ---\t")
	for _, l := range lines {
		met := "no"
		if l.Met {
			met = "yes"
		}
		fmt.Fprintf(tw, " %s\t %s\t %s\t %s\t %s\t %s\t\n", cell(l.What), cell(l.Ours), cell(l.Baseline), cell(l.Ratio), cell(l.Target), met)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("print table: %w", err)
	}
	return nil
}

// cell keeps a table cell on one line and free of the column separator.
func cell(s string) string {
	if s == "" {
		return "–"
	}
	return strings.NewReplacer("|", "/", "\n", " ", "\t", " ").Replace(s)
}

// mib renders bytes in MiB.
func mib(b uint64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

// ratio renders a/b as "2.35x".
func ratio(a, b float64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2fx", a/b)
}
