package redcaptest

import (
	"github.com/redcapgen/redcapgen/runtime/logic"
	"net/http"
	"strconv"
	"strings"
)

// phpCrash is an uncaught PHP exception as REDCap 15.7.6's fatal-error handler prints it: the
// message with the throw site and the stack trace, then the file and the line again.
type phpCrash struct {
	message string   // "Uncaught <Class>: <text>"
	file    string   // file of the throw site, relative to the REDCap root
	line    int      // line of the throw site
	frames  []string // stack frames, innermost first, without their "#N " numbers
}

// crashVersionDir is the version folder REDCap's stack traces name.
const crashVersionDir = "redcap_v15.7.6/"

// recordExportFrames are the stack frames of a flat record export below Records::getData, as
// REDCap 15.7.6 prints them.
var recordExportFrames = []string{
	crashVersionDir + `Classes/Cache/States/DisabledState.php(7): Records::getData()`,
	crashVersionDir + `Classes/Cache/CacheManager.php(136): Vanderbilt\REDCap\Classes\Cache\States\DisabledState->getOrSet()`,
	crashVersionDir + `API/record/export.php(376): Vanderbilt\REDCap\Classes\Cache\CacheManager->getOrSet()`,
	crashVersionDir + `API/record/export.php(90): getRecordsFlat()`,
	crashVersionDir + `API/index.php(491): include('...')`,
	`api/index.php(9): include('...')`,
	`{main}`,
}

// csvDelimiterCrash is what REDCap throws when csvDelimiter=tab reaches fputcsv (REDCap passes
// the word "tab" on instead of a tab character).
func csvDelimiterCrash() phpCrash {
	return phpCrash{
		message: "Uncaught ValueError: fputcsv(): Argument #3 ($separator) must be a single character",
		file:    crashVersionDir + "Classes/Records.php",
		line:    4347,
		frames: append([]string{
			crashVersionDir + "Classes/Records.php(4347): fputcsv()",
			crashVersionDir + "Classes/Records.php(4245): Records::convertFlatDataToCsv()",
		}, recordExportFrames...),
	}
}

// unconsumedLogicCrash is what REDCap throws when its logic parser stops before the last token
// of a filterLogic: the index it stopped at and every token, dumped with print_r.
func unconsumedLogicCrash(stoppedAt int, toks []logic.ParserToken) phpCrash {
	return phpCrash{
		message: "Uncaught LogicException: Parser did not consume all tokens! tokenIdx: " +
			strconv.Itoa(stoppedAt) + ", tokens: " + printRTokens(toks),
		file: crashVersionDir + "Classes/LogicParser.php",
		line: 270,
		frames: append([]string{
			crashVersionDir + "Classes/Records.php(4613): LogicParser->parse()",
			crashVersionDir + "Classes/Records.php(2012): Records::applyFilteringLogic()",
		}, recordExportFrames...),
	}
}

// printRTokens renders tokens the way PHP's print_r renders an array of stdClass objects.
func printRTokens(toks []logic.ParserToken) string {
	var b strings.Builder
	b.WriteString("Array\n(\n")
	for i, t := range toks {
		b.WriteString("    [" + strconv.Itoa(i) + "] => stdClass Object\n        (\n")
		b.WriteString("            [type] => " + strconv.Itoa(t.Type) + "\n")
		b.WriteString("            [value] => " + t.Value + "\n        )\n\n")
	}
	b.WriteString(")\n")
	return b.String()
}

// html renders the crash report REDCap prints before the API's own error line.
func (c phpCrash) html() string {
	var msg strings.Builder
	msg.WriteString(c.message + " in " + c.file + ":" + strconv.Itoa(c.line) + "\nStack trace:\n")
	for i, f := range c.frames {
		msg.WriteString("#" + strconv.Itoa(i) + " " + f + "\n")
	}
	msg.WriteString("  thrown")
	return crashReportHTML(phpHTMLEscape(msg.String()) + "<br>\n" +
		"\t\t\t\t\t<b>File:</b> " + phpHTMLEscape(c.file) + "<br>\n" +
		"\t\t\t\t\t<b>Line:</b> " + strconv.Itoa(c.line) + "<br>\n")
}

// crashReportHTML wraps the report's body (the escaped error message and what follows it) in the
// frame of REDCap's fatal-error handler.
func crashReportHTML(body string) string {
	return "\t\t\t\t<div class=\"red\" style=\"margin:20px 0px;max-width:700px;\">\n" +
		"\t\t\t\t\t<b>REDCap crashed due to an unexpected PHP fatal error!</b><br><br>\n" +
		"\t\t\t\t\t<b>Error message:</b> " + body +
		"\t\t\t\t</div>\n"
}

// phpHTMLEscape is PHP's htmlspecialchars with ENT_QUOTES: & < > " and ' become entities, the
// apostrophe as &#039;.
func phpHTMLEscape(s string) string { return phpHTMLEscaper.Replace(s) }

var phpHTMLEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#039;")

// unreproducedCrashHTML stands in for the stack trace of a crash whose throw site in REDCap
// 15.7.6 no vector shows (see UNMODELLED.md).
var unreproducedCrashHTML = crashReportHTML("(redcaptest does not reproduce this stack trace)<br>\n")

// crashAnswer imitates REDCap's answer when a request makes it throw: status 400, the HTML
// crash report (crash == nil: a stand-in), then the generic error in the envelope of
// errorFormat, with the Content-Type of the data format.
func crashAnswer(format, errorFormat string, crash *phpCrash) answer {
	report := unreproducedCrashHTML
	if crash != nil {
		report = crash.html()
	}
	tail := errorAnswer(http.StatusBadRequest, errorFormat, "An unknown error occurred. Please check your API parameters.").body
	return answer{status: http.StatusBadRequest, format: format, body: report + "\t\t\t\t" + tail}
}
