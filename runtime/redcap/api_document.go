package redcap

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
)

// exportDocument streams a document export (project XML, PDF) into w and returns the bytes
// written. The answer must start with prefix: REDCap answers some requests with status 200 and
// something else (an HTML page), which is returned as an error instead of written. A read that
// fails before anything reached w is retried like every read; once bytes are in w it is not
// (w cannot take them back), and the error says how much was written.
func (c *Client) exportDocument(ctx context.Context, cl call, w io.Writer, prefix string) (int64, error) {
	var written int64
	err := c.postStream(ctx, cl, func(r io.Reader) error {
		if written > 0 {
			return fmt.Errorf("redcap: %s: the answer broke off after %d bytes were written; not retried", cl.name(), written)
		}
		br := bufio.NewReaderSize(r, 64<<10)
		head, _ := br.Peek(len(prefix))
		if !bytes.Equal(head, []byte(prefix)) {
			if len(head) == 0 {
				return fmt.Errorf("redcap: %s: empty answer", cl.name())
			}
			return fmt.Errorf("redcap: %s: the answer is not the document (it starts %q)", cl.name(), c.snippet(head))
		}
		n, err := io.Copy(w, br)
		written += n
		return err
	})
	return written, err
}
