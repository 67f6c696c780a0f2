package naming

import "slices"

// reservedPackageNames are the exported names the generator itself declares at package level.
// Forms, enums, sets, events, arms and enum constants never take one of them.
var reservedPackageNames = []string{
	"Arms", "Columns", "Decode", "Encode", "Events", "Fields", "Fingerprint", "Forms",
	"GeneratorVersion", "Layout", "MissingCodes", "NewRecord", "Project", "Record", "Rules",
	"Schema", "Snapshot",
}

// reservedMethodNames are the methods the generator declares on form structs, records and
// enum and set types. Go forbids a struct field and a method sharing a name.
var reservedMethodNames = []string{
	"Checked", "Clear", "Columns", "Decode", "Encode", "Fields", "Get", "Has", "Is", "IsBlank",
	"Label", "MissingCode", "Raw", "Set", "SetMissing", "String", "Validate",
}

// recordMethodNames are the methods of the Record (and event) structs, whose fields are forms,
// events and arms.
var recordMethodNames = []string{"DecodeRows", "EncodeRows", "RecordID", "Recycle", "Schema", "Validate"}

// Functions the generator declares for every enum type E: Parse<E> and <E>Values.
const (
	enumParserPrefix = "Parse"
	enumValuesSuffix = "Values"
)

// EnumParserName is the function the generator declares to parse a code of enum type enum,
// e.g. "ParseSex".
func EnumParserName(enum string) string { return enumParserPrefix + enum }

// EnumValuesName is the function the generator declares to list the constants of enum type
// enum, e.g. "SexValues".
func EnumValuesName(enum string) string { return enum + enumValuesSuffix }

// EnumFuncNames returns the package-level functions the generator declares for enum type
// enum (EnumParserName, EnumValuesName). Resolve keeps every other name clear of them.
func EnumFuncNames(enum string) []string {
	return []string{EnumParserName(enum), EnumValuesName(enum)}
}

// formStatusField is the struct field holding a form's <form>_complete status.
const formStatusField = "Complete"

// recordFieldNames are struct fields the generator puts beside form fields in the Record and
// event structs; forms, events and arms are fields there too, so they avoid these names.
var recordFieldNames = []string{"DAG", "ID", SurveyIdentifierField}

// SurveyIdentifierField is the Record field holding redcap_survey_identifier in projects with
// survey-enabled forms.
const SurveyIdentifierField = "SurveyIdentifier"

// SurveyTimestampField is the struct field of a survey-enabled form holding <form>_timestamp.
const SurveyTimestampField = "Timestamp"

// ReservedMethodNames returns, sorted, the method names the generator declares on generated types.
func ReservedMethodNames() []string { return slices.Sorted(slices.Values(reservedMethodNames)) }

// structReserved is the set of names a field of a form struct cannot take.
func structReserved() map[string]bool {
	set := make(map[string]bool, len(reservedMethodNames)+1)
	for _, m := range reservedMethodNames {
		set[m] = true
	}
	set[formStatusField] = true
	set[SurveyTimestampField] = true
	return set
}

// recordMemberReserved is the set of names a form, event or arm type cannot take, because each
// is also a field of the Record (or event) struct beside its methods and fixed fields.
func recordMemberReserved() map[string]bool {
	set := structReserved()
	for _, n := range slices.Concat(recordFieldNames, recordMethodNames) {
		set[n] = true
	}
	return set
}
