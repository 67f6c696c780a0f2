package redcap

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// UserRole is one user role of the project (content=userRole).
type UserRole struct {
	// UniqueName is REDCap's name of the role ("U-573AEYRNR8"); "" in an import creates a role.
	UniqueName string
	Label      string
	// Rights are the project-level rights by their API names, as for User. An import replaces
	// them all: a right left out becomes 0.
	Rights map[string]int
	// Forms and FormsExport are the rights per form, as for User; an import keeps the forms it
	// does not hold. REDCap cannot set them when it creates a role: create it, then update it.
	Forms, FormsExport map[string]int
}

// roleTextKeys are the keys of a role export that are not rights.
var roleTextKeys = map[string]bool{"unique_role_name": true, "role_label": true, "forms": true, "forms_export": true}

// UnmarshalJSON reads one role of REDCap's export, whose rights are strings.
func (r *UserRole) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	var w struct {
		UniqueName  string         `json:"unique_role_name"`
		Label       string         `json:"role_label"`
		Forms       map[string]int `json:"forms"`
		FormsExport map[string]int `json:"forms_export"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	rights, err := rightsOf(raw, roleTextKeys)
	if err != nil {
		return err
	}
	*r = UserRole{UniqueName: w.UniqueName, Label: w.Label, Rights: rights, Forms: w.Forms, FormsExport: w.FormsExport}
	return nil
}

// MarshalJSON writes the role as REDCap's role import takes it.
func (r UserRole) MarshalJSON() ([]byte, error) {
	m := map[string]any{"unique_role_name": r.UniqueName, "role_label": r.Label}
	for k, v := range r.Rights {
		if roleTextKeys[k] {
			return nil, fmt.Errorf("role %q: %q is not a right", r.Label, k)
		}
		m[k] = strconv.Itoa(v)
	}
	if r.Forms != nil {
		m["forms"] = formRightsText(r.Forms)
	}
	if r.FormsExport != nil {
		m["forms_export"] = formRightsText(r.FormsExport)
	}
	return json.Marshal(m)
}

// UserRoles returns the project's roles, ordered by unique name.
func (c *Client) UserRoles(ctx context.Context) ([]UserRole, error) {
	out := []UserRole{}
	if err := c.readJSON(ctx, "userRole", jsonParams(), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// ImportUserRoles creates roles (UniqueName "") and replaces existing ones, and returns how many
// REDCap took. A new role cannot carry form rights (REDCap 15.7.6 fails on them and saves
// nothing): the call is refused before it is sent. Never retried.
func (c *Client) ImportUserRoles(ctx context.Context, roles []UserRole) (int, error) {
	for _, r := range roles {
		if r.UniqueName == "" && (r.Forms != nil || r.FormsExport != nil) {
			return 0, fmt.Errorf("redcap: import user roles: new role %q: REDCap cannot set the form rights of a role it creates; import the role without Forms and FormsExport, then update it with them", r.Label)
		}
	}
	return c.writeJSON(ctx, "userRole", "import", nil, roles)
}

// DeleteUserRoles deletes roles by unique name and returns how many. One unknown name fails the
// whole call; users of a deleted role keep their own rights. Never retried.
func (c *Client) DeleteUserRoles(ctx context.Context, uniqueNames []string) (int, error) {
	if len(uniqueNames) == 0 {
		return 0, errors.New("redcap: delete user roles: no role names given")
	}
	return c.deleteList(ctx, "userRole", "roles", uniqueNames)
}

// UserRoleAssignment puts a user in a role (content=userRoleMapping).
type UserRoleAssignment struct {
	Username string `json:"username"`
	// UniqueRoleName is the role; "" takes the user out of its role.
	UniqueRoleName string `json:"unique_role_name"`
	// DAG, when set, also puts the user in that data access group.
	DAG string `json:"data_access_group,omitempty"`
}

// UserRoleAssignments returns every user's role ("" for none) and data access group.
func (c *Client) UserRoleAssignments(ctx context.Context) ([]UserRoleAssignment, error) {
	out := []UserRoleAssignment{}
	if err := c.readJSON(ctx, "userRoleMapping", jsonParams(), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// ImportUserRoleAssignments assigns users to roles and returns how many rows REDCap took. A
// username not yet in the project is added to it. Never retried.
func (c *Client) ImportUserRoleAssignments(ctx context.Context, a []UserRoleAssignment) (int, error) {
	return c.writeJSON(ctx, "userRoleMapping", "import", nil, a)
}
