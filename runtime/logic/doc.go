// Package logic reads and evaluates REDCap's logic language: the branching logic that decides
// whether a field applies, the equations of calculated fields, @CALCTEXT and @CALCDATE action
// tags, filterLogic of record exports and data quality rules.
//
// The answers are REDCap 15.7.6's, including the unpleasant ones. REDCap rewrites logic into PHP
// and evaluates it with PHP 8's loose typing, so this package models PHP values: a field's stored
// text is a string, a blank numeric field is NaN (it compares false with every number, and
// arithmetic with it stays NaN), text in arithmetic is read as PHP reads it (a leading number is
// used, anything else fails), numbers and numeric strings compare as numbers and everything else
// compares as text.
//
// Parse reads an expression; Check also reports what REDCap's parser refuses and references the
// project does not have; Eval computes a value against a record through an Env. Calc, CalcText
// and CalcDate turn a value into the text REDCap stores for a calculated field, and Selects tells
// whether a filter or branching expression holds. Analyse and AnalyseCalc report whether REDCap's
// own parser accepts an expression at all: REDCap stores logic it cannot parse, and then never
// shows the field or leaves the calc blank.
package logic
