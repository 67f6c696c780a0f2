package redcaptest

import (
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// keptSettings are the project settings an import changes and the project export shows as sent.
var keptSettings = []string{
	"project_language", "purpose", "purpose_other", "project_notes", "custom_record_label",
	"project_irb_number", "project_grant_number", "project_pi_firstname", "project_pi_lastname",
	"display_today_now_button",
}

// keepSettings stores the settings of an import that the project export shows.
func (st *state) keepSettings(settings map[string]string) {
	for _, k := range keptSettings {
		v, ok := settings[k]
		if !ok {
			continue
		}
		if st.settings == nil {
			st.settings = map[string]string{}
		}
		st.settings[k] = v
	}
}

// setting returns a kept setting, or def when none was set.
func (st *state) setting(key, def string) string {
	if v, ok := st.settings[key]; ok {
		return v
	}
	return def
}

// numSetting returns a kept numeric setting as a number cell, or def.
func (st *state) numSetting(key string, def int) cell {
	if n, err := strconv.Atoi(strings.TrimSpace(st.setting(key, ""))); err == nil {
		return num(n)
	}
	return num(def)
}

// autoNumbering reports whether record auto-numbering is on: as the project XML says for a
// project made from one, else on.
func (st *state) autoNumbering() bool {
	return st.proj.Format != dictionary.FormatProjectXML || st.proj.AutoNumbering
}

// makeClassic undoes makeLongitudinal while the project has only the event REDCap made then.
func (st *state) makeClassic() {
	if st.flagEvent == 0 || len(st.proj.Events) != 1 || st.proj.Events[0].ID != st.flagEvent {
		return
	}
	st.proj.Events, st.proj.Arms, st.proj.Mappings = nil, nil, nil
	st.nullLabelEvent, st.flagEvent = 0, 0
	st.rebuild()
}
