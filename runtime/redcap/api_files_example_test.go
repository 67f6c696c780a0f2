package redcap_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"strings"

	files "github.com/redcapgen/redcapgen/golden/file_fields/want"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// NewFileRef names the file field of a record, checked against the generated schema; UploadFile
// streams a file into it and DownloadFile streams it out, with the name and type REDCap stored.
// The record's field then holds the stored file name.
func ExampleClient_UploadFile() {
	srv := fakeServer(filesCSV, filesDesign, `[{"record_id":"1","redcap_event_name":"baseline_arm_1"}]`)
	defer srv.Close()
	client := clientOf(srv)
	ctx := context.Background()

	rec := files.Record{ID: "1"}
	ref, err := redcap.NewFileRef(&rec, "consent_pdf", "baseline_arm_1", 0)
	if err != nil {
		log.Fatal(err)
	}
	consent := strings.NewReader("%PDF-1.4\n% signed consent\n")
	if err := client.UploadFile(ctx, ref, "Consent form.pdf", consent, redcap.UploadOptions{}); err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	info, err := client.DownloadFile(ctx, ref, &buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Name, info.ContentType, info.Size, buf.Len())

	recs, err := redcap.ExportAll[files.Record](ctx, client, redcap.ExportOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(recs[0].BaselineArm1.Consent.ConsentPdf.Raw())

	signature, _ := redcap.NewFileRef(&rec, "consent_signature", "baseline_arm_1", 0)
	_, err = client.DownloadFile(ctx, signature, &buf)
	fmt.Println(errors.Is(err, redcap.ErrNoFile))
	// Output:
	// Consent form.pdf application/pdf 26 26
	// Consent form.pdf
	// true
}
