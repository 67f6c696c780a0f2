package redcap_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// CheckDrift compares the live project's dictionary with the one the package was generated
// from. Here someone has since dropped choice "-9, Unknown" of field sex in REDCap's Designer: a
// breaking change, since records may hold that code.
func ExampleCheckDrift() {
	dict, err := os.ReadFile(quickstartCSV)
	if err != nil {
		log.Fatal(err)
	}
	dict = bytes.Replace(dict, []byte(" | -9, Unknown"), nil, 1)
	srv := fakeServerOf("study.csv", dict, "", "")
	defer srv.Close()
	client := clientOf(srv)

	err = redcap.CheckDrift(context.Background(), client, study.Schema())
	var drift *redcap.DriftError
	if errors.As(err, &drift) {
		for _, c := range drift.Changes {
			fmt.Println(c)
		}
		fmt.Println("breaking:", drift.Breaking())
	}
	// Output:
	// field "sex": choices changed from "0, Female | 1, Male | -9, Unknown" to "0, Female | 1, Male" (breaking)
	// breaking: true
}
