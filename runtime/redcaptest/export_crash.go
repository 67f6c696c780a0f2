package redcaptest

import "github.com/redcapgen/redcapgen/runtime/logic"

// exportCrash reports whether a record export makes REDCap throw, and the crash report REDCap
// prints for it (nil when the fake does not reproduce that one): csvDelimiter=tab on a CSV
// export, and a filterLogic REDCap's parser rejects or the fake cannot evaluate.
func (st *state) exportCrash(sp exportSpec, format string) (bool, *phpCrash) {
	if sp.tabDelimiter && format == "csv" {
		c := csvDelimiterCrash()
		return true, &c
	}
	if sp.filter == "" {
		return false, nil
	}
	firstEvent := ""
	if st.longitudinal() && len(st.proj.Events) > 0 {
		firstEvent = st.proj.Events[0].UniqueName
	}
	switch a := logic.Analyse(sp.filter, firstEvent); a.Outcome {
	case logic.Unconsumed:
		c := unconsumedLogicCrash(a.StoppedAt, a.Tokens)
		return true, &c
	case logic.Unparsed, logic.BadIf, logic.IllegalFunction, logic.LexFailed:
		return true, nil
	}
	return !st.validFilter(sp.filter), nil
}
