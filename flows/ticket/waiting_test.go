package ticket

import (
	"testing"

	"yunwei/model"
)

// "Waiting for me", for the demo's four users at the steps they meet: an
// engineer's step is the assigned engineer's, every other vendor role's
// is everyone's holding it, a customer's is nobody's at the vendor.
func TestWaitsFor(t *testing.T) {
	me, other := model.NewID(), model.NewID()
	engineer := model.Roles{model.RoleEngineer}
	engineerLead := model.Roles{model.RoleEngineer, model.RoleTechLead}
	developer := model.Roles{model.RoleDeveloper, model.RoleReqLead}
	adminLead := model.Roles{model.RoleAdmin, model.RoleTechLead}
	eng := []model.Role{model.RoleEngineer}
	fix := []model.Role{model.RoleEngineer, model.RoleDeveloper}
	implement := []model.Role{model.RoleEngineer, model.RoleDeveloper, model.RoleAdmin}
	review := []model.Role{model.RoleTechLead}
	head := []model.Role{model.RoleDeptHead}
	confirm := []model.Role{model.RoleRequester, model.RoleDeptHead}
	for _, c := range []struct {
		name     string
		waiting  []model.Role
		assignee model.ID
		roles    model.Roles
		want     bool
	}{
		{"an engineer's step of my ticket", eng, me, engineer, true},
		{"an engineer's step of nobody's ticket", eng, model.NilID, engineer, true},
		{"an engineer's step of another engineer's ticket", eng, other, engineer, false},
		{"an engineer's step of another's ticket, to a technical lead", eng, other, engineerLead, false},
		{"a technical lead's review of another's plan", review, other, engineerLead, true},
		{"a technical lead's review of my own ticket", review, me, engineerLead, true},
		{"a review, to an engineer who is no lead", review, model.NilID, engineer, false},
		{"a developer's fix of an engineer's ticket", fix, other, developer, true},
		{"an engineer's fix of another's ticket", fix, other, engineer, false},
		{"an admin at an implementation assigned to another", implement, other, adminLead, true},
		{"a customer's step, to an engineer", head, me, engineer, false},
		{"a customer's step of nobody's ticket, to everyone", confirm, model.NilID, model.Roles{model.RoleEngineer, model.RoleDeveloper, model.RoleReqLead, model.RoleTechLead, model.RoleAdmin}, false},
		{"a closed ticket waits for no one", nil, me, engineerLead, false},
		{"a user without roles", eng, model.NilID, nil, false},
		{"a customer role held by a user counts for nothing", head, model.NilID, model.Roles{model.RoleDeptHead}, false},
	} {
		if got := WaitsFor(c.waiting, c.assignee, me, c.roles); got != c.want {
			t.Errorf("%s: WaitsFor = %v, want %v", c.name, got, c.want)
		}
	}
}

// WaitsOn and For split WaitsFor for a caller that knows the roles of many
// tickets at once (the queue, per distinct set of waiting roles).
func TestWaitsOnSplitsWaitsFor(t *testing.T) {
	if w := WaitsOn([]model.Role{model.RoleEngineer, model.RoleDeveloper}, model.Roles{model.RoleEngineer}); w != WaitsIfFree || !w.For(false) || w.For(true) {
		t.Errorf("engineer at a fix: %v", w)
	}
	if w := WaitsOn([]model.Role{model.RoleEngineer, model.RoleDeveloper}, model.Roles{model.RoleEngineer, model.RoleDeveloper}); w != WaitsYes || !w.For(true) {
		t.Errorf("engineer and developer at a fix: %v", w)
	}
	if w := WaitsOn([]model.Role{model.RoleRequester}, model.Roles{model.RoleEngineer}); w != WaitsNot || w.For(false) {
		t.Errorf("engineer at a requester's step: %v", w)
	}
}
