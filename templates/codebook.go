// Package templates renders redcapgen's non-Go outputs, such as the codebook, from embedded
// html/template files. Go code is never generated from templates.
package templates

import (
	"bytes"
	"embed"
	"fmt"
	"html"
	"html/template"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator/naming"
)

//go:embed codebook.html.tmpl codebook.md.tmpl
var files embed.FS

// CodebookFormat is the output format of a codebook, chosen by file extension.
type CodebookFormat string

// The codebook formats.
const (
	CodebookHTML     CodebookFormat = "html"
	CodebookMarkdown CodebookFormat = "md"
)

// CodebookFormatFor returns the format for a file name: ".html"/".htm" or ".md".
func CodebookFormatFor(path string) (CodebookFormat, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return CodebookHTML, nil
	case ".md", ".markdown":
		return CodebookMarkdown, nil
	}
	return "", fmt.Errorf("codebook %s: want a .md or .html file name", path)
}

// Codebook renders a human-readable codebook of the project: forms, fields with Go names, types,
// validations, choices, branching logic, the expression of calculated (calc, @CALCTEXT,
// @CALCDATE) fields and events. Label HTML is reduced to text and escaped;
// it never reaches the output raw.
func Codebook(p *dictionary.Project, names *naming.Names, format CodebookFormat) ([]byte, error) {
	name := "codebook.md.tmpl"
	if format == CodebookHTML {
		name = "codebook.html.tmpl"
	}
	t, err := template.New(name).Funcs(template.FuncMap{
		"text":   plainText,
		"cell":   markdownCell,
		"lcell":  markdownLogic,
		"logic":  oneLine,
		"calc":   dictionary.ComputedSource,
		"goname": func(field string) string { return names.Field(field) },
		"gotype": func(form string) string { return names.Form(form) },
		"events": func(form string) []string { return eventsOf(p, form) },
	}).ParseFS(files, name)
	if err != nil {
		return nil, fmt.Errorf("codebook template: %w", err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		return nil, fmt.Errorf("render codebook: %w", err)
	}
	return buf.Bytes(), nil
}

var (
	// tagPattern matches real HTML tags and comments only, so "[x] <> ''" and "BP <120 or >140"
	// keep their text.
	tagPattern   = regexp.MustCompile(`(?s)<(/?[A-Za-z][^<>]*|!--.*?--)>`)
	spacePattern = regexp.MustCompile(`\s+`)
)

// plainText reduces REDCap label HTML to one line of text: tags removed, entities decoded,
// whitespace collapsed. html/template escapes the result on output.
func plainText(s string) string {
	s = tagPattern.ReplaceAllString(s, " ")
	s = html.UnescapeString(s)
	return strings.TrimSpace(spacePattern.ReplaceAllString(s, " "))
}

// oneLine collapses whitespace in logic and bounds, which are not HTML: "<" and ">" are
// operators there. html/template escapes the result on output.
func oneLine(s string) string {
	return strings.TrimSpace(spacePattern.ReplaceAllString(s, " "))
}

// markdownCell makes text safe inside a Markdown table cell.
func markdownCell(s string) string {
	return strings.ReplaceAll(plainText(s), "|", `\|`)
}

// markdownSpecial escapes the characters that would make Markdown read logic as emphasis, strike
// through, code or a table cell boundary: "[a]*[b]*2" stays a product. Brackets are left alone
// (a field reference is never followed by "(" or a link definition); html/template writes "<",
// ">", "&" and quotes as character references on output, which Markdown shows as text.
var markdownSpecial = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "~", `\~`, "|", `\|`)

// markdownLogic makes logic or a bound safe inside a Markdown table cell.
func markdownLogic(s string) string {
	return markdownSpecial.Replace(oneLine(s))
}

// eventsOf lists the unique names of events a form is designated for.
func eventsOf(p *dictionary.Project, form string) []string {
	var out []string
	for _, m := range p.Mappings {
		if m.Form == form {
			out = append(out, m.Event)
		}
	}
	return out
}
