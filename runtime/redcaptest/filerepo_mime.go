package redcaptest

// looksLikeTGA applies libmagic's Targa test, which has no signature to go by: a colour-map type
// of 0 or 1, a known image type and a usual pixel depth. libmagic names such content
// image/x-tga (bytes 0, 1, 2, ... do look like one).
func looksLikeTGA(b []byte) bool {
	if len(b) < 18 || b[1] > 1 {
		return false
	}
	switch b[2] {
	case 1, 2, 3, 9, 10, 11:
	default:
		return false
	}
	switch b[16] { // pixel depth
	case 1, 8, 15, 16, 24, 32:
	default:
		return false
	}
	return true
}
