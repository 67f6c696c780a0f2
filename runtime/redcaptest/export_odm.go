package redcaptest

import (
	"net/http"
	"strings"
	"time"
	"unicode"
)

// contentTypeODM is the Content-Type REDCap sends with format=odm: its table of MIME types has
// no entry for odm, so only the charset is left (exports: classic_format_odm).
const contentTypeODM = "; charset=utf-8"

// odmAnswer answers a record export with format=odm: CDISC ODM 1.3.1 with REDCap's attributes and
// the ClinicalData of the rows the flat export would give (records[], fields[], forms[], events[],
// filterLogic). The timestamps come from the server's clock.
func (st *state) odmAnswer(sp exportSpec, rows []flatRow) answer {
	return answer{status: http.StatusOK, contentType: contentTypeODM, body: st.renderODM(sp, rows, time.Now())}
}

// renderODM renders the ODM document. Each record is a SubjectData; in longitudinal projects each
// event (and instance of a repeating event) a StudyEventData; each form on a row a FormData
// (FormRepeatKey is the instance, 1 when not repeating) holding the item groups of the form.
func (st *state) renderODM(sp exportSpec, rows []flatRow, now time.Time) string {
	oid := odmName(st.title)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" ?>` + "\n")
	b.WriteString(`<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:redcap="https://projectredcap.org" xsi:schemaLocation="http://www.cdisc.org/ns/odm/v1.3 schema/odm/ODM1-3-1.xsd" ODMVersion="1.3.1" FileOID="000-00-0000" FileType="Snapshot"`)
	stamp := now.Format("2006-01-02T15:04:05")
	b.WriteString(` Description="` + odmAttr(st.title) + `" AsOfDateTime="` + stamp + `" CreationDateTime="` + stamp + `" SourceSystem="REDCap" SourceSystemVersion="15.7.6">` + "\n")
	b.WriteString(`<ClinicalData StudyOID="Project.` + oid + `" MetaDataVersionOID="Metadata.` + oid + `_` + now.Format("2006-01-02_1504") + `">` + "\n")
	cols := st.columnsFor(sp)
	groups := st.odmItemGroups()
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].rec == rows[i].rec {
			j++
		}
		st.writeODMSubject(&b, rows[i:j], cols, groups)
		i = j
	}
	b.WriteString("</ClinicalData>\n</ODM>")
	return b.String()
}

// writeODMSubject writes one record's SubjectData.
func (st *state) writeODMSubject(b *strings.Builder, rows []flatRow, cols []outColumn, groups map[string][][]string) {
	rec := rows[0].rec
	b.WriteString("\t<SubjectData SubjectKey=\"" + odmAttr(rec.id) + "\" redcap:RecordIdField=\"" + odmAttr(st.sch.recordID) + "\">\n")
	open := ""
	for _, r := range rows {
		if st.longitudinal() {
			inst := 1
			if st.repeatingEvent(r.key.event) && r.key.inst > 0 {
				inst = r.key.inst
			}
			ev := r.key.event + "\x00" + itoa(inst)
			if ev != open {
				if open != "" {
					b.WriteString("\t\t</StudyEventData>\n")
				}
				open = ev
				b.WriteString("\t\t<StudyEventData StudyEventOID=\"Event." + odmAttr(r.key.event) + "\" StudyEventRepeatKey=\"" + itoa(inst) + "\" redcap:UniqueEventName=\"" + odmAttr(r.key.event) + "\">\n")
			}
		}
		st.writeODMForms(b, r, cols, groups)
	}
	if open != "" {
		b.WriteString("\t\t</StudyEventData>\n")
	}
	b.WriteString("\t</SubjectData>\n")
}

// writeODMForms writes the FormData of every form on one row that has exported columns.
func (st *state) writeODMForms(b *strings.Builder, r flatRow, cols []outColumn, groups map[string][][]string) {
	repeatKey := "1"
	if r.key.inst > 0 && r.key.form != "" {
		repeatKey = itoa(r.key.inst)
	}
	for _, form := range st.sch.forms {
		if !st.belongs(form, r.key) {
			continue
		}
		var items []string // ItemData lines by group, "" between groups
		for _, g := range append(groups[form], []string{form + "_complete"}) {
			var lines []string
			for i, c := range cols {
				if c.form != form || !groupHas(g, c) {
					continue
				}
				lines = append(lines, "\t\t\t\t\t<ItemData ItemOID=\""+odmAttr(c.name)+"\" Value=\""+odmAttr(r.vals[i])+"\"/>\n")
			}
			if len(lines) == 0 {
				continue
			}
			items = append(items, "\t\t\t\t<ItemGroupData ItemGroupOID=\""+odmAttr(form+"."+g[0])+"\" ItemGroupRepeatKey=\"1\">\n")
			items = append(items, lines...)
			items = append(items, "\t\t\t\t</ItemGroupData>\n")
		}
		if len(items) == 0 {
			continue
		}
		b.WriteString("\t\t\t<FormData FormOID=\"Form." + odmAttr(form) + "\" FormRepeatKey=\"" + repeatKey + "\">\n")
		for _, s := range items {
			b.WriteString(s)
		}
		b.WriteString("\t\t\t</FormData>\n")
	}
}

// groupHas reports whether the column belongs to the item group (fields by name; the form status
// group holds the <form>_complete column).
func groupHas(g []string, c outColumn) bool {
	name := c.field
	if c.kind == colComplete {
		name = c.name
	}
	for _, f := range g {
		if f == name {
			return true
		}
	}
	return false
}

// odmItemGroups splits each form's fields into REDCap's ODM item groups: the form's first field
// starts a group, a field with a section header forms a group of its own, and the field after it
// starts the next group (project_xml_metadata_only shows the same groups). The form status is a
// group of its own, added by the writer.
func (st *state) odmItemGroups() map[string][][]string {
	out := map[string][][]string{}
	for _, f := range st.proj.Forms {
		var groups [][]string
		startNew := true
		for _, fl := range f.Fields {
			if startNew || fl.SectionHeader != "" {
				groups = append(groups, nil)
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], fl.Name)
			startNew = fl.SectionHeader != ""
		}
		out[f.Name] = groups
	}
	return out
}

// odmName is the project title reduced to letters and digits, its first letter upper-cased, as
// in REDCap's StudyOID ("adm-pxml-classic" -> "Admpxmlclassic").
func odmName(title string) string {
	name := strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return -1
	}, title)
	if name != "" && name[0] >= 'a' && name[0] <= 'z' {
		name = string(name[0]-'a'+'A') + name[1:]
	}
	return name
}

// odmAttr escapes an attribute value as PHP's htmlspecialchars does (line breaks stay as they are).
func odmAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#039;").Replace(s)
}
