package dictionary

import "testing"

// BenchmarkReadCSV reads the largest dictionary of the corpus (11872 fields).
func BenchmarkReadCSV(b *testing.B) {
	data := readShared(b, "dictionaries/ncanda-laptops-import.csv")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadCSV("ncanda-laptops-import.csv", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadProjectXML reads the largest project XML of the corpus, ClinicalData included.
func BenchmarkReadProjectXML(b *testing.B) {
	data := readShared(b, "dictionaries/redcap-regression-test.xml")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadProjectXML("redcap-regression-test.xml", data); err != nil {
			b.Fatal(err)
		}
	}
}
