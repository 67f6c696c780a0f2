package main

import (
	"fmt"
	"strings"

	"github.com/redcapgen/redcapgen/runtime/redcap"

	"redcapgen.test/corpus/classic"
)

// isSurveyColumn reports whether col is a read-only survey column of the layout:
// redcap_survey_identifier, or <form>_timestamp beside that form's <form>_complete.
func isSurveyColumn(l *redcap.Layout, col string) bool {
	if col == "redcap_survey_identifier" {
		return true
	}
	form, ok := strings.CutSuffix(col, "_timestamp")
	if !ok {
		return false
	}
	_, hasStatus := l.Index(form + "_complete")
	return hasStatus
}

// withoutSurveyColumns drops the read-only survey columns of a layout from an input row.
func withoutSurveyColumns(in orderedRow, l *redcap.Layout) orderedRow {
	var out orderedRow
	for i, k := range in.keys {
		if !isSurveyColumn(l, k) {
			out.keys = append(out.keys, k)
			out.values = append(out.values, in.values[i])
		}
	}
	return out
}

// surveyCases check the survey columns of classic (demographics is survey-enabled): an export
// with survey fields decodes them into Record.SurveyIdentifier and Demographics.Timestamp, and
// EncodeRows never sends them.
func surveyCases() []syntheticCase {
	return []syntheticCase{
		{"survey_columns_decode", func() error {
			rows, err := rowsOf(classic.Schema().Layout, []string{"record_id", "7", "redcap_survey_identifier", "p-42",
				"demographics_timestamp", "2024-05-06 07:08:09", "first_name", "Ann", "demographics_complete", "2"})
			if err != nil {
				return err
			}
			var rec classic.Record
			if err := rec.DecodeRows(rows); err != nil {
				return err
			}
			if rec.SurveyIdentifier != "p-42" || rec.Demographics.Timestamp.Raw() != "2024-05-06 07:08:09" {
				return fmt.Errorf("decoded survey identifier %q, timestamp %q", rec.SurveyIdentifier, rec.Demographics.Timestamp.Raw())
			}
			return notSent(&rec)
		}},
		{"survey_not_completed", func() error {
			rows, err := rowsOf(classic.Schema().Layout, []string{"record_id", "8", "demographics_timestamp", "[not completed]"})
			if err != nil {
				return err
			}
			var rec classic.Record
			if err := rec.DecodeRows(rows); err != nil {
				return err
			}
			if got := rec.Demographics.Timestamp.Raw(); got != "[not completed]" {
				return fmt.Errorf("timestamp decoded as %q", got)
			}
			return notSent(&rec)
		}},
	}
}

// notSent encodes a record and requires no survey column in its rows.
func notSent(rec *classic.Record) error {
	rows, err := rec.EncodeRows(nil)
	if err != nil {
		return err
	}
	for _, row := range rows {
		for c := 0; c < row.Layout.Len(); c++ {
			if isSurveyColumn(row.Layout, row.Layout.Column(c)) && row.Has(c) {
				return fmt.Errorf("EncodeRows sends the read-only column %s", row.Layout.Column(c))
			}
		}
	}
	return nil
}
