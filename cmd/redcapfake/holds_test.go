package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// heldDict holds what REDCap refuses on dictionary upload but live projects hold and export: a
// calc field without equation, a validation on a notes field, a matrix group whose fields differ
// in choices.
const heldDict = `field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation
record_id,main,,text,Record ID,,,,,,,,,,,,,
total,main,,calc,Total,,,,,,,,,,,,,
comments,main,,notes,Comments,,,integer,,,,,,,,,,
a,main,,radio,A,"1, Yes | 0, No",,,,,,,,,,m,,
b,main,,radio,B,"1, Yes | 2, No",,,,,,,,,,m,,
`

// TestRunServesWhatREDCapHolds loads a dictionary REDCap holds but would refuse on upload, the
// same way redcapgen reads it: the fake serves it, and its metadata export lists every field.
func TestRunServesWhatREDCapHolds(t *testing.T) {
	d := writeFile(t, "held.csv", heldDict)
	tokenFile := filepath.Join(t.TempDir(), "token")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-dict", d, "-addr", "127.0.0.1:0", "-token-file", tokenFile}, stdout, stderr, env(nil))
	}()
	apiURL := waitForURL(t, stdout, done)
	tok, err := os.ReadFile(tokenFile)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.PostForm(apiURL, url.Values{"token": {strings.TrimSpace(string(tok))}, "content": {"metadata"}, "format": {"csv"}})
	if err != nil {
		t.Fatalf("metadata export: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, field := range []string{"\ntotal,main,", "\ncomments,main,", "\nb,main,"} {
		if !strings.Contains(string(body), field) {
			t.Errorf("metadata export lacks %q:\n%s", field, body)
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop after cancel")
	}
}
