package redcaptest

import (
	"net/http"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// Rights are the user rights behind the server's token. The zero value is a user with every
// right, which is what the server has unless WithRights or SetRights says otherwise.
type Rights struct {
	NoAPIExport bool // no "API Export" right: every export answers 403
	NoAPIImport bool // no "API Import/Update" right: every import answers 403
	NoDesign    bool // no "Project Design and Setup" right: dictionary imports answer 400
	NoDelete    bool // no "Delete Record" right
	// NoFileRepository: no "File Repository" right; every content=fileRepository call answers 403.
	NoFileRepository bool
	// NoSurveyParticipants: no "Manage Survey Participants" right; survey links, codes and
	// participant lists answer 403.
	NoSurveyParticipants bool
	// Export is the data export right on every form; FormExport overrides it per form.
	Export     ExportRight
	FormExport map[string]ExportRight
	// DAG is the unique name of the user's data access group ("" for none): the user sees and
	// changes only that group's records, and new records join it.
	DAG string
	// Suspended users get REDCap's generic 403; ExpiredOn ("2020-01-01") gives the expiry 403.
	Suspended bool
	ExpiredOn string
}

// ExportRight is a data export right of one form.
type ExportRight int

// REDCap's data export rights.
const (
	ExportFull              ExportRight = iota // every field
	ExportDeIdentified                         // no identifiers, unvalidated text, notes or dates
	ExportRemoveIdentifiers                    // no identifier fields
	ExportNone                                 // no field of the form (the record ID stays)
)

// WithRights sets the rights of the token's user.
func WithRights(r Rights) Option { return func(c *config) { c.rights = r } }

// SetRights changes the rights of the token's user from now on.
func (s *Server) SetRights(r Rights) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.rights = r
	s.st.rightsChanged()
}

const (
	msgNoExport  = "You do not have API Export privileges"
	msgNoImport  = "You do not have API Import/Update privileges"
	msgNoDesign  = "Insufficient user privileges: You must have 'API Import/Update' privileges and 'Project Design and Setup' privileges in the project in order to utilize this API method."
	msgNoDelete  = "You do not have Delete Record privileges"
	msgDAGColumn = "ERROR: Illegal use of 'redcap_data_access_group' field! You are currently in a Data Access Group, which means that you can only edit records belonging to your group,  and also that any new records you create get added to your group automatically. Using the 'redcap_data_access_group' field as a means  to add or attribute a record to a group can ONLY be done by someone that is NOT in a Data Access Group. Please remove that column  from your data import file and try again."
)

// checkRights refuses a call the user's rights do not allow, as REDCap does before running it.
func (st *state) checkRights(content, action string, ef string) (answer, bool) {
	r := st.tokenRights()
	switch {
	case r.Suspended:
		return errorAnswer(http.StatusForbidden, ef, msgNoAPIPermission), false
	case r.ExpiredOn != "":
		return errorAnswer(http.StatusForbidden, ef, "You do not have API rights because your privileges have expired for this project as of "+r.ExpiredOn+"."), false
	}
	switch action {
	case "import":
		if r.NoAPIImport {
			return errorAnswer(http.StatusForbidden, ef, msgNoImport), false
		}
		if content == "metadata" && r.NoDesign {
			return errorAnswer(http.StatusBadRequest, ef, msgNoDesign), false
		}
	case "delete":
		if content == "record" && r.NoDelete {
			return errorAnswer(http.StatusForbidden, ef, msgNoDelete), false
		}
	case "rename":
	default:
		if r.NoAPIExport {
			return errorAnswer(http.StatusForbidden, ef, msgNoExport), false
		}
	}
	return answer{}, true
}

// exportRight is the user's export right on a form.
func (st *state) exportRight(form string) ExportRight {
	rights := st.tokenRights()
	if r, ok := rights.FormExport[form]; ok {
		return r
	}
	return rights.Export
}

// mayExport reports whether the user's export rights let a field out.
func (st *state) mayExport(fl *dictionary.Field) bool {
	if fl.Name == st.sch.recordID {
		return true
	}
	switch st.exportRight(fl.Form) {
	case ExportNone:
		return false
	case ExportRemoveIdentifiers:
		return !fl.Identifier
	case ExportDeIdentified:
		if fl.Identifier || fl.Type == dictionary.TypeNotes {
			return false
		}
		if fl.Type == dictionary.TypeText {
			v := fl.Validation
			return v != "" && !strings.HasPrefix(v, "date")
		}
	}
	return true
}

// mayExportForm reports whether the user may export the form's status column.
func (st *state) mayExportForm(form string) bool { return st.exportRight(form) != ExportNone }

// visible reports whether a DAG user may see the record.
func (st *state) visible(rec *record) bool {
	return st.rights.DAG == "" || rec.dag == st.rights.DAG
}

// checkDAGImport refuses what a DAG user may not import: the redcap_data_access_group column and
// records of other groups.
func (st *state) checkDAGImport(pr *parsedRows, plan []plannedRow) *apiError {
	if st.rights.DAG == "" {
		return nil
	}
	for _, c := range pr.cols {
		if c == "redcap_data_access_group" {
			return badRequest(msgDAGColumn)
		}
	}
	var others []string
	for _, pl := range plan {
		if rec := st.records[pl.id]; rec != nil && !st.visible(rec) && !contains(others, pl.id) {
			others = append(others, pl.id)
		}
	}
	if len(others) > 0 {
		return badRequest("The following records cannot be modified because they do not belong to your Data Access Group: " + strings.Join(others, ", "))
	}
	return nil
}
