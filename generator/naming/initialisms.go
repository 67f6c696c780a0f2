package naming

// initialisms maps a lower-case word to the spelling Go code uses for it. The table
// is fixed: changing it renames users' code, so it needs a golden diff and a changelog line.
var initialisms = map[string]string{
	"api":  "API",
	"bmi":  "BMI",
	"csv":  "CSV",
	"dna":  "DNA",
	"dob":  "DOB",
	"ecg":  "ECG",
	"hiv":  "HIV",
	"html": "HTML",
	"http": "HTTP",
	"id":   "ID",
	"ip":   "IP",
	"json": "JSON",
	"mri":  "MRI",
	"rna":  "RNA",
	"sql":  "SQL",
	"ssn":  "SSN",
	"uid":  "UID",
	"url":  "URL",
	"uuid": "UUID",
	"xml":  "XML",
}

// initialism returns the Go spelling of a lower-case word when it is an initialism.
func initialism(word string) (string, bool) {
	s, ok := initialisms[word]
	return s, ok
}
