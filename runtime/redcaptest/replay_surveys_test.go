package redcaptest

import "regexp"

func init() {
	replayArea("surveys.jsonl", true, nil)
	// Survey links (?s=), survey queue links (?sq=), access codes (9) and return codes (8).
	randomShapes["surveys.jsonl"] = regexp.MustCompile(`\?s=([a-km-zA-NP-Z2-9]{16})\b|\?sq=([a-km-zA-NP-Z2-9]{10})\b|\b([34789ACDEFHJKLMNPRTWXY]{9})\b|\b([34789ACDEFHJKLMNPRTWXY]{8})\b`)
}
