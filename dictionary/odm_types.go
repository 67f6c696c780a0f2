package dictionary

// The types below mirror the parts of a REDCap project XML (CDISC ODM 1.3.1 with redcap:
// extensions) that hold the dictionary and the design. Names are matched without namespace:
// every local name used here is unique within its element.

// odmStudy is the <Study> element.
type odmStudy struct {
	Globals  odmGlobals         `xml:"GlobalVariables"`
	Metadata odmMetaDataVersion `xml:"MetaDataVersion"`
}

// odmGlobals is <GlobalVariables>: title and project settings.
type odmGlobals struct {
	StudyName            string       `xml:"StudyName"`
	AutoNumbering        string       `xml:"RecordAutonumberingEnabled"`
	SchedulingEnabled    string       `xml:"SchedulingEnabled"`
	CustomRecordLabel    string       `xml:"CustomRecordLabel"`
	SecondaryUniqueField string       `xml:"SecondaryUniqueField"`
	MissingDataCodes     string       `xml:"MissingDataCodes"`
	Repeating            odmRepeating `xml:"RepeatingInstrumentsAndEvents"`
	DAGs                 []odmDAG     `xml:"DataAccessGroupsGroup>DataAccessGroups"`
	Roles                []odmRole    `xml:"UserRolesGroup>UserRoles"`
	Surveys              []odmSurvey  `xml:"SurveysGroup>Surveys"`
	SurveyQueue          []odmQueue   `xml:"SurveysQueueGroup>SurveysQueue"`
}

// odmRepeating is <redcap:RepeatingInstrumentsAndEvents>.
type odmRepeating struct {
	Events      []odmRepeat `xml:"RepeatingEvent"`
	Instruments []odmRepeat `xml:"RepeatingInstruments>RepeatingInstrument"`
}

// odmRepeat is one repeating event or instrument declaration.
type odmRepeat struct {
	Event       string `xml:"UniqueEventName,attr"`
	Form        string `xml:"RepeatInstrument,attr"`
	CustomLabel string `xml:"CustomLabel,attr"`
}

// odmDAG is one <redcap:DataAccessGroups group_name="..."/>.
type odmDAG struct {
	Name string `xml:"group_name,attr"`
}

// odmSurvey is one <redcap:Surveys form_name="..." .../>.
type odmSurvey struct {
	Form          string `xml:"form_name,attr"`
	Enabled       string `xml:"survey_enabled,attr"`
	SaveAndReturn string `xml:"save_and_return,attr"`
}

// odmQueue is one <redcap:SurveysQueue survey_id="..." event_id="..." active="..."/>: a survey
// in the survey queue.
type odmQueue struct {
	Form   string `xml:"survey_id,attr"`
	Active string `xml:"active,attr"`
}

// odmMetaDataVersion is <MetaDataVersion>: events, forms, items and code lists.
type odmMetaDataVersion struct {
	RecordIDField string         `xml:"RecordIdField,attr"`
	EventRefs     []odmEventRef  `xml:"Protocol>StudyEventRef"`
	Events        []odmEventDef  `xml:"StudyEventDef"`
	Forms         []odmFormDef   `xml:"FormDef"`
	Groups        []odmItemGroup `xml:"ItemGroupDef"`
	Items         []odmItemDef   `xml:"ItemDef"`
	CodeLists     []odmCodeList  `xml:"CodeList"`
}

// odmEventRef is <StudyEventRef>: the event order.
type odmEventRef struct {
	OID string `xml:"StudyEventOID,attr"`
}

// odmEventDef is <StudyEventDef>: one event and the forms it holds.
type odmEventDef struct {
	OID         string       `xml:"OID,attr"`
	EventName   string       `xml:"EventName,attr"`
	UniqueName  string       `xml:"UniqueEventName,attr"`
	ArmNum      string       `xml:"ArmNum,attr"`
	ArmName     string       `xml:"ArmName,attr"`
	CustomLabel string       `xml:"CustomEventLabel,attr"`
	DayOffset   string       `xml:"DayOffset,attr"`
	OffsetMin   string       `xml:"OffsetMin,attr"`
	OffsetMax   string       `xml:"OffsetMax,attr"`
	FormRefs    []odmFormRef `xml:"FormRef"`
}

// odmFormRef is <FormRef redcap:FormName="..."/> inside an event.
type odmFormRef struct {
	FormOID  string `xml:"FormOID,attr"`
	FormName string `xml:"FormName,attr"`
}

// odmFormDef is <FormDef>: a form's label, name and item groups.
type odmFormDef struct {
	OID       string        `xml:"OID,attr"`
	Label     string        `xml:"Name,attr"`
	FormName  string        `xml:"FormName,attr"`
	GroupRefs []odmGroupRef `xml:"ItemGroupRef"`
}

// odmGroupRef is <ItemGroupRef>.
type odmGroupRef struct {
	OID string `xml:"ItemGroupOID,attr"`
}

// odmItemGroup is <ItemGroupDef>: items in order.
type odmItemGroup struct {
	OID      string       `xml:"OID,attr"`
	ItemRefs []odmItemRef `xml:"ItemRef"`
}

// odmItemRef is <ItemRef>.
type odmItemRef struct {
	OID string `xml:"ItemOID,attr"`
}

// odmItemDef is <ItemDef>: one export column of a field (a checkbox has one per choice).
type odmItemDef struct {
	OID            string          `xml:"OID,attr"`
	Name           string          `xml:"Name,attr"`
	Variable       string          `xml:"Variable,attr"`
	FieldType      string          `xml:"FieldType,attr"`
	Validation     string          `xml:"TextValidationType,attr"`
	Branching      string          `xml:"BranchingLogic,attr"`
	Calculation    string          `xml:"Calculation,attr"`
	Annotation     string          `xml:"FieldAnnotation,attr"`
	Note           string          `xml:"FieldNote,attr"`
	SectionHeader  string          `xml:"SectionHeader,attr"`
	Required       string          `xml:"RequiredField,attr"`
	Identifier     string          `xml:"Identifier,attr"`
	MatrixGroup    string          `xml:"MatrixGroupName,attr"`
	MatrixRanking  string          `xml:"MatrixRanking,attr"`
	Alignment      string          `xml:"CustomAlignment,attr"`
	SliderLabels   string          `xml:"SliderLabels,attr"`
	OntologySearch string          `xml:"OntologySearch,attr"`
	Question       odmQuestion     `xml:"Question"`
	CodeListRef    odmCodeListRef  `xml:"CodeListRef"`
	RangeChecks    []odmRangeCheck `xml:"RangeCheck"`
}

// odmQuestion is <Question>: the plain label and, when it has markup, the HTML one.
type odmQuestion struct {
	Text      string `xml:"TranslatedText"`
	Formatted string `xml:"FormattedTranslatedText"`
}

// odmCodeListRef is <CodeListRef>.
type odmCodeListRef struct {
	OID string `xml:"CodeListOID,attr"`
}

// odmRangeCheck is <RangeCheck Comparator="GE|LE"><CheckValue>…</CheckValue></RangeCheck>.
type odmRangeCheck struct {
	Comparator string `xml:"Comparator,attr"`
	Value      string `xml:"CheckValue"`
}

// odmCodeList is <CodeList>: choices as items, or redcap:CheckboxChoices for checkboxes.
type odmCodeList struct {
	OID             string        `xml:"OID,attr"`
	CheckboxChoices string        `xml:"CheckboxChoices,attr"`
	Items           []odmCodeItem `xml:"CodeListItem"`
}

// odmCodeItem is <CodeListItem CodedValue="…"><Decode><TranslatedText>…</TranslatedText></Decode>.
type odmCodeItem struct {
	Code  string `xml:"CodedValue,attr"`
	Label string `xml:"Decode>TranslatedText"`
}
