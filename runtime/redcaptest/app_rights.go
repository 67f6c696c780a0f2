package redcaptest

// appRightsCheck answers content=appRightsCheck, with which REDCap's mobile app checks that it may
// use the project: REDCap answers an empty body with the content type of the format. A device
// REDCap has blocked gets a 403; the fake knows no devices, so it blocks none.
func appRightsCheck(p params) answer {
	return okAnswer(p.dataFormat(), "")
}
