package dictionary

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadCSVVariants(t *testing.T) {
	row := `record_id,demo,,text,"Record
ID",,,,,,,,,,,,,` // a label spanning two lines
	tests := []struct {
		name      string
		data      string
		wantLabel string
		wantLine  int // line of the second field
	}{
		{"lf", csvHeader18 + "\n" + row + "\ndob,demo,,text,DOB,,,date_ymd,,,,,,,,,,\n", "Record\nID", 4},
		{"crlf keeps crlf in cells", strings.ReplaceAll(csvHeader18+"\n"+row+"\ndob,demo,,text,DOB,,,date_ymd,,,,,,,,,,\n", "\n", "\r\n"), "Record\r\nID", 4},
		{"bom and no final newline", "\xEF\xBB\xBF" + csvHeader18 + "\n" + row + "\ndob,demo,,text,DOB,,,date_ymd,,,,,,,,,,", "Record\nID", 4},
		{"blank lines skipped", csvHeader18 + "\n\n" + row + "\n,,,,,,,,,,,,,,,,,\ndob,demo,,text,DOB,,,date_ymd,,,,,,,,,,\n", "Record\nID", 6},
		{"semicolons", strings.ReplaceAll(csvHeader18, ",", ";") + "\n" + strings.ReplaceAll(row, ",", ";") + "\ndob;demo;;text;DOB;;;date_ymd;;;;;;;;;;\n", "Record\nID", 4},
		{"excel sep line", "sep=;\r\n" + strings.ReplaceAll(csvHeader18, ",", ";") + "\r\n" + strings.ReplaceAll(row, ",", ";") + "\r\ndob;demo;;text;DOB;;;date_ymd;;;;;;;;;;\r\n", "Record\nID", 5},
		{"blank lines before header", "\n\n" + csvHeader18 + "\n" + row + "\ndob,demo,,text,DOB,,,date_ymd,,,,,,,,,,\n", "Record\nID", 6},
		{"api header", apiHeader + "\n" + row + "\ndob,demo,,text,DOB,,,date_ymd,,,,,,,,,,\n", "Record\nID", 4},
		{"16 columns, quoted header", `"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max","Identifier?","Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name"` +
			"\n\"record_id\",\"demo\",,\"text\",\"Record ID\",,,,,,,,,,,\n\"dob\",\"demo\",,\"text\",\"DOB\",,,\"date_ymd\",,,,,,,,\n", "Record ID", 3},
		{"trailing empty cells", csvHeader18 + ",,\n" + "record_id,demo,,text,Record ID,,,,,,,,,,,,,,,\ndob,demo,,text,DOB,,,date_ymd,,,,,,,,,,,,\n", "Record ID", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ReadCSV("t.csv", []byte(tt.data))
			if err != nil {
				t.Fatalf("ReadCSV: %v", err)
			}
			if got := p.RecordIDField().Label; got != tt.wantLabel {
				t.Errorf("label = %q, want %q", got, tt.wantLabel)
			}
			dob, ok := p.Field("dob")
			if !ok {
				t.Fatalf("no field dob; fields %v", p.ExportColumns())
			}
			if want := "t.csv:" + strconv.Itoa(tt.wantLine); dob.Location != want || dob.Validation != "date_ymd" {
				t.Errorf("dob at %q with %q, want %q with date_ymd", dob.Location, dob.Validation, want)
			}
		})
	}
}

func TestReadCSVWindows1252(t *testing.T) {
	var high []byte
	for b := 0x80; b <= 0xFF; b++ {
		high = append(high, byte(b))
	}
	data := []byte(csvHeader18 + "\nrecord_id,demo,,text,\"")
	data = append(data, high...)
	data = append(data, []byte("\",,,,,,,,,,,,,\n")...)
	p, err := ReadCSV("t.csv", data)
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	label := []rune(p.RecordIDField().Label)
	if len(label) != len(high) {
		t.Fatalf("label has %d characters, want %d (one per byte)", len(label), len(high))
	}
	for i, want := range map[int]rune{0x80: '€', 0x81: '\u0081', 0x8D: '\u008D', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x9F: 'Ÿ', 0xA0: '\u00A0', 0xE9: 'é', 0xFF: 'ÿ'} {
		if got := label[i-0x80]; got != want {
			t.Errorf("byte %#x read as %q, want %q", i, got, want)
		}
	}
	want := []Problem{{Severity: SeverityWarning, File: "t.csv", Message: "the file is not valid UTF-8: read as Windows-1252"}}
	if diff := cmp.Diff(want, p.Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

// TestTBIWindows1252 checks the curly quotes of the Windows-1252 corpus file survive.
func TestTBIWindows1252(t *testing.T) {
	p, err := Read("tbi-return-to-school.csv", readShared(t, "dictionaries/tbi-return-to-school.csv"))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	found := false
	for _, f := range p.Fields() {
		if strings.ContainsAny(f.Label+f.SectionHeader, "‘’“”–—") {
			found = true
			break
		}
	}
	if !found {
		t.Error("no curly quote or dash in any label: Windows-1252 bytes were lost")
	}
	psat, ok := p.Field("psat_5")
	if !ok {
		t.Fatal("no field psat_5")
	}
	if len(psat.Choices) < 4 {
		t.Errorf("psat_5 has %d choices: %v", len(psat.Choices), psat.Choices)
	}
}

// apiHeader is the header of a dictionary exported by the API with format=csv.
const apiHeader = "field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation"
