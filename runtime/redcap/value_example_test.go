package redcap_test

import (
	"fmt"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// Decode reads the text REDCap stores for a field into a Value: blank, one of the project's
// missing-data codes, a typed value that keeps its exact text, or text the type cannot parse,
// kept as it was for validation to report. Generated decoders call it for every field.
func ExampleDecode() {
	codes := redcap.NewMissingCodes("UNK", "NA")
	for _, raw := range []string{"", "UNK", "2024/02/29", "2023-02-29"} {
		dob := redcap.Decode(raw, codes, redcap.ParseDate)
		d, isDate := dob.Get()
		code, isMissing := dob.MissingCode()
		fmt.Printf("%-12q blank=%-5v missing=%-5v %-4q date=%-5v %v invalid=%-5v raw=%q\n",
			raw, dob.IsBlank(), isMissing, code, isDate, d, dob.IsInvalid(), dob.Raw())
	}
	// Output:
	// ""           blank=true  missing=false ""   date=false 0000-00-00 invalid=false raw=""
	// "UNK"        blank=false missing=true  "UNK" date=false 0000-00-00 invalid=false raw="UNK"
	// "2024/02/29" blank=false missing=false ""   date=true  2024-02-29 invalid=false raw="2024/02/29"
	// "2023-02-29" blank=false missing=false ""   date=false 0000-00-00 invalid=true  raw="2023-02-29"
}

// Of, Blank and Missing build values in code; Raw is the text an import sends.
func ExampleOf() {
	height := redcap.Of(redcap.Number("172.5"))
	weight := redcap.Missing[redcap.Number]("NA")
	var smoker redcap.Value[redcap.Text] // the zero Value is blank, like redcap.Blank[redcap.Text]()
	fmt.Printf("%q %q %q\n", height.Raw(), weight.Raw(), smoker.Raw())
	// Output:
	// "172.5" "NA" ""
}

// Each scalar type reads the text REDCap stores with its ParseX function: what it accepts is
// what REDCap stores for the field's type or validation.
func Example_scalars() {
	fmt.Println(redcap.ParseText("Line one\nLine two"))
	fmt.Println(redcap.ParseNumber("-1.50"))
	fmt.Println(redcap.ParseNumber("5."))
	fmt.Println(redcap.ParseInteger("007"))
	fmt.Println(redcap.ParseInteger("1.0"))
	fmt.Println(redcap.ParseDate("2024-02-29"))
	fmt.Println(redcap.ParseDateTime("2024-02-29 13:05"))
	fmt.Println(redcap.ParseTime("7:05"))
	fmt.Println(redcap.ParseMinSec("59:59"))
	fmt.Println(redcap.ParseFormStatus("2"))
	fmt.Println(redcap.ParseFile("consent.pdf"))
	// Output:
	// Line one
	// Line two true
	// -1.50 true
	//  false
	// 007 true
	//  false
	// 2024-02-29 true
	// 2024-02-29 13:05 true
	// 07:05 true
	// 59:59 true
	// 2 true
	// consent.pdf true
}
