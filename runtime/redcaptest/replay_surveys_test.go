package redcaptest

import "regexp"

func init() {
	replayArea("surveys.jsonl", true, map[string]gap{
		"project_export":                  {"record_autonumbering_enabled from the project XML is a project setting of another area (the fake says 1)", true},
		"user_import_grant_record_delete": {"content=user (user rights import) belongs to the users and roles area; the fake's user may delete records already", true},
	})
	// Survey links (?s=), survey queue links (?sq=), access codes (9) and return codes (8).
	randomShapes["surveys.jsonl"] = regexp.MustCompile(`\?s=([a-km-zA-NP-Z2-9]{16})\b|\?sq=([a-km-zA-NP-Z2-9]{10})\b|\b([34789ACDEFHJKLMNPRTWXY]{9})\b|\b([34789ACDEFHJKLMNPRTWXY]{8})\b`)
}
