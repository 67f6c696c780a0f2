package dictionary

import (
	"errors"
	"strings"
	"testing"
)

// csvHeader18 is the current Data Dictionary header.
const csvHeader18 = `Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"Choices, Calculations, OR Slider Labels",Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation`

// csvOf builds a dictionary CSV from rows of cells after the header; short rows are padded.
func csvOf(rows ...string) string {
	var b strings.Builder
	b.WriteString(csvHeader18 + "\n")
	for _, r := range rows { // each row is one line of at least one cell
		b.WriteString(r)
		recs, _ := splitCSV(r, ',')
		b.WriteString(strings.Repeat(",", 18-len(recs[0].Cells)))
		b.WriteString("\n")
	}
	return b.String()
}

// TestBadInputs checks the exact error text for inputs no reader accepts.
func TestBadInputs(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"empty", "study.csv", "", "study.csv: the file is empty"},
		{"only white space", "study.csv", " \r\n\n", "study.csv: the file is empty"},
		{"empty json", "meta.json", "", "meta.json: the file is empty"},
		{"binary", "study.csv", "PK\x03\x04\x14\x00\x00\x00\x08\x00", "study.csv: the file is binary (it contains NUL bytes), not a REDCap dictionary"},
		{"utf-16", "study.csv", "\xFF\xFEV\x00a\x00r\x00", "study.csv: the file is UTF-16 text; save it as UTF-8 (CSV UTF-8) and try again"},
		{"truncated", "study.csv", csvOf("record_id,demo,,text,ID") + "dob,demo,,text,\"Date of\nbirth,,,date_ymd",
			"study.csv:3: a quoted cell never ends: the file is truncated or has a stray quote"},
		{"wrong header", "study.csv", "record_id,first_name,dob\n1,Ann,2000-01-01\n",
			`study.csv:1: the header is not a REDCap data dictionary header: missing columns "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label", "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)", "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name"`},
		{"header missing two columns", "study.csv", "Variable / Field Name,Form Name,Section Header,Field Type,Field Label,Choices,Field Note,Text Validation Type,Text Validation Min,Text Validation Max,Identifier?,Branching Logic,Required Field?,Custom Alignment\nrecord_id,demo,,text,ID,,,,,,,,,\n",
			`study.csv:1: the header is not a REDCap data dictionary header: missing columns "Question Number (surveys only)", "Matrix Group Name"`},
		{"duplicate field", "study.csv", csvOf("record_id,demo,,text,ID", "dob,demo,,text,DOB", "dob,demo,,text,DOB again"),
			`study.csv:4: field "dob": field name is used twice (first at study.csv:3)`},
		{"duplicate choice code", "study.csv", csvOf("record_id,demo,,text,ID", `sex,demo,,radio,Sex,"1, Female | 2, Male | 1, Other"`),
			`study.csv:3: field "sex": malformed choices: choice code "1" is used twice (labels "Female" and "Other"); codes must be unique`},
		{"choice code with space", "study.csv", csvOf("record_id,demo,,text,ID", `race,demo,,checkbox,Race,"1, White | a b, Other"`),
			`study.csv:3: field "race": malformed choices: choice code "a b" contains a space (REDCap refuses it; use "a_b")`},
		{"colliding checkbox codes", "study.csv", csvOf("record_id,demo,,text,ID", `race,demo,,checkbox,Race,"A, Upper | a, Lower"`),
			`study.csv:3: field "race": checkbox codes "A" and "a" both become export column "race___a"; rename one code`},
		{"unknown field type", "study.csv", csvOf("record_id,demo,,text,ID", "dob,demo,,string,DOB"),
			`study.csv:3: field "dob": field type "string" is unknown (want text, notes, dropdown, radio, checkbox, yesno, truefalse, calc, file, slider, descriptive, sql)`},
		{"invalid field name", "study.csv", csvOf("record_id,demo,,text,ID", "1abc,demo,,text,X", "my-field,demo,,text,Y"),
			"study.csv:3: field \"1abc\": field name starts with a digit (REDCap field names start with a letter)\n" +
				`study.csv:4: field "my-field": field name contains the character '-' (REDCap field names hold only lower-case letters, digits and _, starting with a letter)`},
		{"form status name", "study.csv", csvOf("record_id,demo,,text,ID", "demo_complete,demo,,text,X"),
			`study.csv:3: field "demo_complete": field name is the form-status column of form "demo"; rename the field`},
		{"form not contiguous", "study.csv", csvOf("record_id,demo,,text,ID", "a,visit,,text,A", "b,demo,,text,B"),
			`study.csv:4: field "b": form "demo" appears again after form "visit" (the fields of a form must be contiguous)`},
		{"header only", "study.csv", csvOf(), "study.csv: the dictionary has no fields"},
		{"json not an array", "meta.json", `{"field_name":"record_id"}`,
			"meta.json: not a JSON array of dictionary rows: the top level is a JSON object, want an array of objects"},
		{"json malformed", "meta.json", "[{\"field_name\":\n\"record_id\",}]",
			"meta.json: not a JSON array of dictionary rows: line 2: invalid character '}' looking for beginning of object key string"},
		{"json duplicate field", "meta.json", `[{"field_name":"record_id","form_name":"f","field_type":"text"},{"field_name":"record_id","form_name":"f","field_type":"text"}]`,
			`meta.json: element 2: field "record_id": field name is used twice (first at meta.json: element 1)`},
		{"json element not an object", "meta.json", `[{"field_name":"record_id","form_name":"f","field_type":"text"}, 7]`,
			"meta.json: element 2: element is not a JSON object with dictionary keys"},
		{"api xml truncated", "meta.xml", "<?xml version=\"1.0\"?><records><item><field_name>record_id</field_name>",
			"meta.xml: malformed API XML: item 1: XML syntax error on line 1: unexpected EOF"},
		{"project xml without study", "project.xml", `<?xml version="1.0"?><ODM></ODM>`,
			"project.xml: malformed project XML: no <Study> element"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Read(tt.file, []byte(tt.data))
			if err == nil {
				t.Fatalf("Read succeeded with %d fields, want error %q", len(p.Fields()), tt.want)
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error %v is not a Problems", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}
