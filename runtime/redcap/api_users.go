package redcap

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
)

// User is one user of the project (content=user).
type User struct {
	Username string
	// Email, FirstName and LastName come from the user's REDCap account: exported, never imported.
	Email, FirstName, LastName string
	// Expiration is the date the user's rights end (YYYY-MM-DD), "" for none. An import always
	// sets it: "" removes an expiration.
	Expiration string
	// DAG is the unique name of the user's data access group, "" for none. An import always sets
	// it: "" takes the user out of its group.
	DAG string
	// DAGID is the group's ID (exported only; 0 for none).
	DAGID int
	// Rights are the project-level rights by their API names ("design", "api_export",
	// "record_delete", ...): 0 or 1, and 2 for user_rights and lock_records. An import changes only
	// the rights it holds.
	Rights map[string]int
	// Forms and FormsExport are the data entry and data export rights per form (export: 0 none,
	// 1 full, 2 de-identified, 3 without identifiers). An import changes only the forms it holds.
	Forms, FormsExport map[string]int
}

// userTextKeys are the keys of a user export that are not rights.
var userTextKeys = map[string]bool{
	"username": true, "email": true, "firstname": true, "lastname": true, "expiration": true,
	"data_access_group": true, "data_access_group_id": true, "forms": true, "forms_export": true,
}

// UnmarshalJSON reads one user of REDCap's export: every key that is not a name, date, group or
// form list is a right.
func (u *User) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	var w struct {
		Username    string         `json:"username"`
		Email       string         `json:"email"`
		FirstName   string         `json:"firstname"`
		LastName    string         `json:"lastname"`
		Expiration  string         `json:"expiration"`
		DAG         string         `json:"data_access_group"`
		DAGID       flexInt        `json:"data_access_group_id"`
		Forms       map[string]int `json:"forms"`
		FormsExport map[string]int `json:"forms_export"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	rights, err := rightsOf(raw, userTextKeys)
	if err != nil {
		return err
	}
	*u = User{Username: w.Username, Email: w.Email, FirstName: w.FirstName, LastName: w.LastName,
		Expiration: w.Expiration, DAG: w.DAG, DAGID: int(w.DAGID), Rights: rights, Forms: w.Forms, FormsExport: w.FormsExport}
	return nil
}

// MarshalJSON writes the user as REDCap's user import takes it: username, expiration, DAG, the
// rights held and the form rights held (names from the account are not sent).
func (u User) MarshalJSON() ([]byte, error) {
	m := map[string]any{"username": u.Username, "expiration": u.Expiration, "data_access_group": u.DAG}
	for k, v := range u.Rights {
		if userTextKeys[k] {
			return nil, fmt.Errorf("user %q: %q is not a right", u.Username, k)
		}
		m[k] = strconv.Itoa(v)
	}
	if u.Forms != nil {
		m["forms"] = formRightsText(u.Forms)
	}
	if u.FormsExport != nil {
		m["forms_export"] = formRightsText(u.FormsExport)
	}
	return json.Marshal(m)
}

// rightsOf reads the rights of an exported user or role: every key not in skip, a number or a
// numeric string.
func rightsOf(raw map[string]json.RawMessage, skip map[string]bool) (map[string]int, error) {
	rights := map[string]int{}
	for k, v := range raw {
		if skip[k] {
			continue
		}
		var n flexInt
		if err := json.Unmarshal(v, &n); err != nil {
			return nil, fmt.Errorf("right %q: %w", k, err)
		}
		rights[k] = int(n)
	}
	return rights, nil
}

// formRightsText writes form rights as REDCap's imports take them: numbers as strings.
func formRightsText(forms map[string]int) map[string]string {
	out := make(map[string]string, len(forms))
	for f, r := range forms {
		out[f] = strconv.Itoa(r)
	}
	return out
}

// Users returns the project's users, sorted by username, each with the rights that apply to it
// (its role's while it is in one).
func (c *Client) Users(ctx context.Context) ([]User, error) {
	out := []User{}
	if err := c.readJSON(ctx, "user", jsonParams(), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// ImportUsers adds users and changes existing ones, and returns how many REDCap took. REDCap
// checks every user first and saves nothing when one is refused; a user in a role cannot be
// changed. Never retried.
func (c *Client) ImportUsers(ctx context.Context, users []User) (int, error) {
	return c.writeJSON(ctx, "user", "import", nil, users)
}

// DeleteUsers removes users from the project and returns how many. One unknown username fails
// the whole call. Never retried.
func (c *Client) DeleteUsers(ctx context.Context, usernames []string) (int, error) {
	if len(usernames) == 0 {
		return 0, errors.New("redcap: delete users: no usernames given")
	}
	return c.deleteList(ctx, "user", "users", usernames)
}

// writeJSON imports payload as JSON data and returns the count REDCap answers. Imports are
// writes: never retried.
func (c *Client) writeJSON(ctx context.Context, content, action string, extra url.Values, payload any) (int, error) {
	data, err := json.Marshal(payload)
	if err != nil {
		return 0, fmt.Errorf("redcap: content=%s: encode data: %w", content, err)
	}
	p := jsonParams()
	for k, vs := range extra {
		p[k] = vs
	}
	return c.count(ctx, call{content: content, action: action, params: p, data: data})
}

// deleteList deletes the items named in param[0], param[1], ... and returns the count.
func (c *Client) deleteList(ctx context.Context, content, param string, items []string) (int, error) {
	p := jsonParams()
	for i, it := range items {
		p.Set(param+"["+itoa(i)+"]", it)
	}
	return c.count(ctx, call{content: content, action: "delete", params: p})
}
