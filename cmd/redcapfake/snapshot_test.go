package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// snapshotText is the snapshot of dict, as a generated package embeds it.
const snapshotText = `# redcapgen dictionary snapshot v1
field record_id form=main type=text label="Record ID"
field age form=main type=text label=Age validation=integer
form main label=Main
`

// TestRunServesASnapshot serves a generated package's snapshot file like the dictionary it was
// made from.
func TestRunServesASnapshot(t *testing.T) {
	d := writeFile(t, "redcap_snapshot_gen.txt", snapshotText)
	data := writeFile(t, "data.json", `[{"record_id":"1","age":"42"}]`)
	const tok = "0123456789ABCDEF0123456789ABCDEF"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-dict", d, "-addr", "127.0.0.1:0", "-data", data}, stdout, stderr, env(map[string]string{"REDCAP_API_TOKEN": tok}))
	}()
	apiURL := waitForURL(t, stdout, done)
	if !strings.Contains(stdout.String(), "serving redcap_snapshot_gen.txt at") {
		t.Errorf("stdout = %q, want it to name the snapshot file", stdout.String())
	}
	for call, want := range map[string]string{
		"record":     "record_id,age,main_complete\n1,42,0\n",
		"instrument": "instrument_name,instrument_label\nmain,\"Main\"\n",
	} {
		resp, err := http.PostForm(apiURL, url.Values{"token": {tok}, "content": {call}, "format": {"csv"}})
		if err != nil {
			t.Fatalf("%s: %v", call, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(body) != want {
			t.Errorf("content=%s: %q, want %q", call, body, want)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after cancel, want 0 (stderr %q)", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop after cancel")
	}
}

func TestRunRefusesABadSnapshot(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"bad line", snapshotText + "field age form=main type=text\n", []string{"redcap_snapshot_gen.txt", "line 5", `field "age" appears twice`}},
		{"no field", "# redcapgen dictionary snapshot v1\nform main label=Main\n", []string{"redcap_snapshot_gen.txt", "declares no field"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := writeFile(t, "redcap_snapshot_gen.txt", tt.text)
			var stdout, stderr bytes.Buffer
			env := env(map[string]string{"REDCAP_API_TOKEN": "0123456789ABCDEF0123456789ABCDEF"})
			if code := run(context.Background(), []string{"-dict", d, "-addr", "127.0.0.1:0"}, &stdout, &stderr, env); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			for _, want := range tt.want {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr = %q, want it to contain %q", stderr.String(), want)
				}
			}
		})
	}
}
