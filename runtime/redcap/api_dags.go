package redcap

import (
	"context"
	"errors"
	"net/http"
	"strings"
)

// dagImport is a DAG as REDCap's DAG import takes it.
type dagImport struct {
	Name       string `json:"data_access_group_name"`
	UniqueName string `json:"unique_group_name"`
}

// ImportDAGs creates data access groups (UniqueName "") and renames existing ones (REDCap then
// derives a new unique name from the new label), and returns how many REDCap took. One refused
// group saves nothing. Never retried.
func (c *Client) ImportDAGs(ctx context.Context, dags []DAG) (int, error) {
	rows := make([]dagImport, len(dags))
	for i, d := range dags {
		rows[i] = dagImport{Name: d.Name, UniqueName: d.UniqueName}
	}
	return c.writeJSON(ctx, "dag", "import", nil, rows)
}

// DeleteDAGs deletes data access groups by unique name and returns how many. One unknown name
// fails the whole call; users and records of a deleted group are left without one. Never retried.
func (c *Client) DeleteDAGs(ctx context.Context, uniqueNames []string) (int, error) {
	if len(uniqueNames) == 0 {
		return 0, errors.New("redcap: delete DAGs: no group names given")
	}
	return c.deleteList(ctx, "dag", "dags", uniqueNames)
}

// UserDAGAssignment puts a user in a data access group (content=userDagMapping).
type UserDAGAssignment struct {
	Username string `json:"username"`
	// DAG is the group's unique name; "" takes the user out of its group.
	DAG string `json:"redcap_data_access_group"`
}

// UserDAGAssignments returns every user's data access group ("" for none).
func (c *Client) UserDAGAssignments(ctx context.Context) ([]UserDAGAssignment, error) {
	out := []UserDAGAssignment{}
	if err := c.readJSON(ctx, "userDagMapping", jsonParams(), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// ImportUserDAGAssignments assigns users to groups and returns how many rows REDCap took. Every
// user must be in the project already. Never retried.
func (c *Client) ImportUserDAGAssignments(ctx context.Context, a []UserDAGAssignment) (int, error) {
	return c.writeJSON(ctx, "userDagMapping", "import", nil, a)
}

// SwitchDAG moves the token's user into the data access group with the unique name ("" for no
// group), which the user's DAG Switcher assignment (set in REDCap's web interface) must allow.
// REDCap refuses with status 200 and a text such as "ERROR: Invalid user": that is an *APIError
// with Status 200. Never retried.
func (c *Client) SwitchDAG(ctx context.Context, dag string) error {
	if dag == "" {
		dag = "0"
	}
	p := jsonParams()
	p.Set("dag", dag)
	cl := call{content: "dag", action: "switch", params: p}
	body, err := c.post(ctx, cl)
	if err != nil {
		return err
	}
	text := strings.TrimSpace(string(body))
	if text == "1" {
		return nil
	}
	return &APIError{Status: http.StatusOK, Content: cl.content, Action: cl.action, Message: strings.TrimPrefix(text, "ERROR: "), Body: c.snippet(body)}
}
