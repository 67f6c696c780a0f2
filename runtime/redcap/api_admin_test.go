package redcap_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// TestFakeUsersAndRoles walks a user through a DAG, a role and back, as a data manager would.
func TestFakeUsersAndRoles(t *testing.T) {
	ctx := context.Background()
	_, c := startFake(t)
	mustCount := func(n int, err error, want int) {
		t.Helper()
		if err != nil || n != want {
			t.Fatalf("got %d, %v; want %d", n, err, want)
		}
	}
	n, err := c.ImportDAGs(ctx, []redcap.DAG{{Name: "Site North"}})
	mustCount(n, err, 1)
	n, err = c.ImportUsers(ctx, []redcap.User{{Username: "nurse1", DAG: "site_north", Expiration: "12/31/2031",
		Rights: map[string]int{"api_export": 1, "lock_records": 2}, Forms: map[string]int{"baseline": 1}, FormsExport: map[string]int{"baseline": 2}}})
	mustCount(n, err, 1)
	nurse := findUser(t, c, "nurse1")
	want := redcap.User{Username: "nurse1", Expiration: "2031-12-31", DAG: "site_north", DAGID: nurse.DAGID,
		Forms: map[string]int{"baseline": 1}, FormsExport: map[string]int{"baseline": 2}}
	if nurse.DAGID == 0 || nurse.Rights["api_export"] != 1 || nurse.Rights["lock_records"] != 2 || nurse.Rights["design"] != 0 {
		t.Errorf("nurse1: DAG ID %d, rights %v", nurse.DAGID, nurse.Rights)
	}
	nurse.Rights = nil
	if d := cmp.Diff(want, nurse); d != "" {
		t.Errorf("nurse1 (-want +got):\n%s", d)
	}

	if _, err := c.ImportUserRoles(ctx, []redcap.UserRole{{Label: "Monitor", Forms: map[string]int{"baseline": 1}}}); err == nil || !strings.Contains(err.Error(), "new role") {
		t.Fatalf("new role with forms: %v, want a refusal before sending", err)
	}
	n, err = c.ImportUserRoles(ctx, []redcap.UserRole{{Label: "Monitor", Rights: map[string]int{"reports": 1}}})
	mustCount(n, err, 1)
	roles, err := c.UserRoles(ctx)
	if err != nil || len(roles) != 1 || !strings.HasPrefix(roles[0].UniqueName, "U-") || roles[0].Forms["baseline"] != 128 {
		t.Fatalf("roles %+v, %v", roles, err)
	}
	role := roles[0].UniqueName
	n, err = c.ImportUserRoles(ctx, []redcap.UserRole{{UniqueName: role, Label: "Monitor", Rights: map[string]int{"reports": 1}, Forms: map[string]int{"baseline": 2}}})
	mustCount(n, err, 1)
	n, err = c.ImportUserRoleAssignments(ctx, []redcap.UserRoleAssignment{{Username: "nurse1", UniqueRoleName: role}})
	mustCount(n, err, 1)
	if u := findUser(t, c, "nurse1"); u.Rights["api_export"] != 0 || u.Rights["reports"] != 1 || u.Forms["baseline"] != 2 {
		t.Errorf("nurse1 in role: rights %v forms %v, want the role's", u.Rights, u.Forms)
	}
	_, err = c.ImportUsers(ctx, []redcap.User{{Username: "nurse1"}})
	if !errors.Is(err, redcap.ErrBadRequest) || !strings.Contains(err.Error(), "belongs to a user role") {
		t.Errorf("changing a user in a role: %v", err)
	}
	n, err = c.DeleteUserRoles(ctx, []string{role})
	mustCount(n, err, 1)
	if u := findUser(t, c, "nurse1"); u.Rights["api_export"] != 1 || u.Forms["baseline"] != 1 {
		t.Errorf("nurse1 after the role went: rights %v forms %v, want its own back", u.Rights, u.Forms)
	}
	dags, err := c.UserDAGAssignments(ctx)
	if err != nil || !cmp.Equal(dags, []redcap.UserDAGAssignment{{Username: "nurse1", DAG: "site_north"}, {Username: redcaptest.TokenUser}}) {
		t.Errorf("DAG assignments %+v, %v", dags, err)
	}
	n, err = c.DeleteDAGs(ctx, []string{"site_north"})
	mustCount(n, err, 1)
	if u := findUser(t, c, "nurse1"); u.DAG != "" {
		t.Errorf("nurse1 still in deleted DAG %q", u.DAG)
	}
	if _, err := c.DeleteUsers(ctx, []string{"nurse1", "nobody"}); !errors.Is(err, redcap.ErrBadRequest) {
		t.Errorf("delete with an unknown user: %v", err)
	}
	n, err = c.DeleteUsers(ctx, []string{"nurse1"})
	mustCount(n, err, 1)
}

// findUser returns one user of the project's user export.
func findUser(t *testing.T, c *redcap.Client, name string) redcap.User {
	t.Helper()
	users, err := c.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Username == name {
			return u
		}
	}
	t.Fatalf("no user %q in %+v", name, users)
	return redcap.User{}
}

// TestFakeTokenUserRights shows that rights changed through the API for the token's own user
// apply from the next call on.
func TestFakeTokenUserRights(t *testing.T) {
	ctx := context.Background()
	_, c := startFake(t)
	if _, err := c.ImportUsers(ctx, []redcap.User{{Username: redcaptest.TokenUser, Rights: map[string]int{"api_export": 0}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DAGs(ctx); !errors.Is(err, redcap.ErrPermission) {
		t.Fatalf("export without the API export right: %v, want ErrPermission", err)
	}
	if _, err := c.ImportUsers(ctx, []redcap.User{{Username: redcaptest.TokenUser, Rights: map[string]int{"api_export": 1}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DAGs(ctx); err != nil {
		t.Fatalf("export with the right back: %v", err)
	}
}

// TestFakeSwitchDAG switches the token's user into a DAG, which changes the next record name.
func TestFakeSwitchDAG(t *testing.T) {
	ctx := context.Background()
	srv, c := startFake(t)
	if _, err := c.ImportDAGs(ctx, []redcap.DAG{{Name: "Site A"}}); err != nil {
		t.Fatal(err)
	}
	var ae *redcap.APIError
	if err := c.SwitchDAG(ctx, "site_a"); !errors.As(err, &ae) || ae.Message != "Invalid user" {
		t.Fatalf("switch without an assignment: %v", err)
	}
	srv.AllowDAGSwitch(redcaptest.TokenUser, "", "site_a")
	if err := c.SwitchDAG(ctx, "site_a"); err != nil {
		t.Fatal(err)
	}
	dags, err := c.DAGs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	next, err := c.GenerateNextRecordName(ctx)
	if want := strconv.Itoa(dags[0].ID) + "-1"; err != nil || next != want {
		t.Errorf("next record name in the DAG: %q, %v; want %q", next, err, want)
	}
	if err := c.SwitchDAG(ctx, ""); err != nil {
		t.Fatal(err)
	}
}

// TestFakeDesignImports builds arms and events, maps forms, and deletes them again.
func TestFakeDesignImports(t *testing.T) {
	ctx := context.Background()
	_, c := startFake(t)
	if n, err := c.ImportArms(ctx, []redcap.Arm{{Number: 1, Name: "Drug A"}, {Number: 2}}, false); err != nil || n != 2 {
		t.Fatalf("arms: %d, %v", n, err)
	}
	if n, err := c.ImportEvents(ctx, []redcap.Event{{Name: "Baseline", ArmNumber: 1}, {Name: "Final", ArmNumber: 1}, {Name: "Baseline", ArmNumber: 2}}, false); err != nil || n != 3 {
		t.Fatalf("events: %d, %v", n, err)
	}
	if n, err := c.ImportFormEventMappings(ctx, []redcap.FormEventMapping{{ArmNumber: 1, UniqueEventName: "baseline_arm_1", Form: "baseline"}}); err != nil || n != 1 {
		t.Fatalf("mappings: %d, %v", n, err)
	}
	arms, err := c.Arms(ctx)
	if err != nil || !cmp.Equal(arms, []redcap.Arm{{Number: 1, Name: "Drug A"}, {Number: 2, Name: "Arm 2"}}) {
		t.Fatalf("arms %+v, %v", arms, err)
	}
	if n, err := c.DeleteEvents(ctx, []string{"baseline_arm_2", "no_such_event"}); err != nil || n != 1 {
		t.Fatalf("delete events: %d, %v", n, err)
	}
	if arms, err := c.Arms(ctx); err != nil || len(arms) != 1 {
		t.Errorf("an arm without events is not listed: %+v, %v", arms, err)
	}
	if _, err := c.DeleteArms(ctx, []int{1, 42}); !errors.Is(err, redcap.ErrBadRequest) {
		t.Errorf("delete of an unknown arm: %v", err)
	}
	if n, err := c.ImportArms(ctx, []redcap.Arm{{Number: 1, Name: "Only"}}, true); err != nil || n != 1 {
		t.Fatalf("override: %d, %v", n, err)
	}
	if events, err := c.Events(ctx); err != nil || len(events) != 0 {
		t.Errorf("override left events %+v, %v", events, err)
	}
	if n, err := c.ImportProjectSettings(ctx, map[string]string{"project_notes": "set from Go"}); err != nil || n != 1 {
		t.Errorf("project settings: %d, %v", n, err)
	}
}

// TestFakeAdminWritesNotRetried shows that imports are never retried: one injected server error
// fails the import although the client retries reads three times.
func TestFakeAdminWritesNotRetried(t *testing.T) {
	ctx := context.Background()
	srv, c := startFake(t)
	srv.FailNext(1, 503)
	if _, err := c.ImportUsers(ctx, []redcap.User{{Username: "nurse1"}}); !errors.Is(err, redcap.ErrServer) {
		t.Fatalf("import during a failure: %v, want ErrServer", err)
	}
	users, err := c.Users(ctx)
	if err != nil || len(users) != 1 {
		t.Errorf("users after the failed import: %+v, %v; want the token's user only", users, err)
	}
}
