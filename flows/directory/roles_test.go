package directory

import (
	"encoding/json"
	"slices"
	"testing"

	"yunwei/model"
)

// history seals a contact's events at the given clocks: created with the
// first roles, then each later set of roles as an update.
func history(t *testing.T, id model.ID, clocks []model.HLC, roles ...model.Roles) []model.Event {
	t.Helper()
	device := model.NewID()
	var out []model.Event
	for i, rs := range roles {
		typ, payload := "contact.updated", any(nil)
		if i == 0 {
			typ, payload = "contact.created", model.Contact{ID: id, CustomerID: device, Name: "王医生", Roles: rs}
		} else {
			raw, _ := json.Marshal(rs)
			payload = FieldsPayload{Fields: map[string]json.RawMessage{"roles": raw}}
		}
		body, err := model.Canonical(payload)
		if err != nil {
			t.Fatal(err)
		}
		var parents []model.EventID
		if i > 0 {
			parents = []model.EventID{out[i-1].ID}
		}
		e, err := model.SealEvent(model.Envelope{V: model.EnvelopeVersion, Origin: device, Seq: int64(i + 1), HLC: clocks[i],
			Wall: "2026-11-02T02:00:00.000Z", Actor: device, Entity: model.EntityContact, EntityID: id, Type: typ, TypeVersion: 1,
			Parents: parents, Payload: body})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// DESIGN §4: what a person held at a moment is what their events before
// it say, and since when each role has been held without a break.
func TestRoleHistoryAtEachMoment(t *testing.T) {
	id := model.NewID()
	h := NewRoleHistory(history(t, id, []model.HLC{10, 30, 50, 70, 90},
		model.Roles{model.RoleRequester},
		model.Roles{model.RoleRequester, model.RoleDeptHead},
		model.Roles{model.RoleDeptHead},
		model.Roles{model.RoleRequester},
		model.Roles{model.RoleRequester, model.RoleDeptHead}))
	if got := h.Holding(10); got.Known {
		t.Fatalf("known at the clock of their creation: %+v", got)
	}
	cases := []struct {
		at           model.HLC
		roles        model.Roles
		head, reqstr model.HLC
	}{
		{11, model.Roles{model.RoleRequester}, 0, 10},
		{31, model.Roles{model.RoleRequester, model.RoleDeptHead}, 30, 10},
		{60, model.Roles{model.RoleDeptHead}, 30, 0},
		{80, model.Roles{model.RoleRequester}, 0, 70},
		{100, model.Roles{model.RoleRequester, model.RoleDeptHead}, 90, 70},
	}
	for _, c := range cases {
		got := h.Holding(c.at)
		if !got.Known || !slices.Equal(got.Roles, c.roles) || got.Created != 10 ||
			got.HeldSince(model.RoleDeptHead) != c.head || got.HeldSince(model.RoleRequester) != c.reqstr {
			t.Errorf("at %d: %+v", c.at, got)
		}
	}
	// Another entity's events say nothing of anyone's roles.
	if got := NewRoleHistory(nil).Holding(100); got.Known {
		t.Fatalf("nobody is known: %+v", got)
	}
}
