// Package naming turns a REDCap project into Go identifiers: one Names table keyed
// by REDCap identity, computed once from the whole dictionary, deterministic and independent of
// dictionary order. Emitters look names up here and never build an identifier themselves.
//
// The rules, which are public API (changing one renames users' code):
//
//   - Words: a REDCap name is split on '_'; each word maps through the fixed initialism table
//     (id -> ID), lower-case words go through strcase.ToCamel (which also raises a letter after
//     digits: 2nd -> 2Nd), words already holding capitals are kept (ADI, WalkIndex). Symbols
//     become words (- Minus, . Dot, + Plus, % Pct, < Lt, > Gt, = Eq, & And), common Latin
//     accents are transliterated (é -> e), any other non-ASCII rune is spelled U<hex>.
//   - Two spellings: readable drops the underscores (dob_1 -> DOB1), lossless keeps them
//     (DOB_1). A name not starting with a letter takes its kind as prefix: Form2019Followup,
//     Event1MonthArm1, Field2NdVisit.
//   - Scopes: the package scope holds form, enum, set, event and arm types, enum constants,
//     the names the generator declares there (Schema, Record, Fields...) and the functions it
//     derives from each enum (EnumFuncNames). Each form struct is a scope of its fields, beside
//     the generated methods, Complete and (survey-enabled forms) Timestamp.
//   - Reserved: a name the generator uses there is never taken; the kind suffix is used
//     instead (validate -> ValidateField, form record -> RecordForm). Forms, events and arms
//     are also fields of the Record, so they avoid its methods and fixed fields too.
//   - Collisions, decided by the colliding group only: members whose next candidate has
//     the lowest stage move on, readable -> lossless -> kind suffix (forms Form, events Event,
//     arms Arm, fields Field; enums Enum and sets ChoiceSet last, since code names them most).
//     A member whose readable name became free again takes it back. Whatever still collides
//     is an error naming every REDCap identity involved and the pin that fixes it.
//   - Enum constants: the type plus the label words (SexFemale), capped at 5 words / 40
//     characters, when every label of the field yields a distinct name; else the codes for the
//     whole field (Sex0, SexMinus9). '_' joins type and words where digit meets digit (Item2_4,
//     never Item24). A constant that meets another name takes its lossless code, then a '_'
//     after the type (Treated_Yes meets enum TreatedYes); a label-named field still colliding
//     falls back to codes as a whole.
//   - Pins (a names file, see ReadPins) fix a name; the rules never move a pinned name.
package naming
