package ticket

import (
	"testing"

	"yunwei/flows"
	"yunwei/model"
)

// The plain ticket commands refuse bad input and unknown tickets, and apply.
func TestTicketEditAssignCommentDeciders(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindIncident, "挂号系统无法登录")
	eng := w.As(model.RoleEngineer)
	cases := []struct {
		name string
		cmd  flows.Command
		code string
	}{
		{"unknown field", Edit{ID: id, Fields: map[string]string{"status": "closed"}}, model.EINVALID},
		{"nothing", Edit{ID: id}, model.EINVALID},
		{"same title", Edit{ID: id, Fields: map[string]string{"title": "挂号系统无法登录"}}, model.EINVALID},
		{"bad severity", Edit{ID: id, Fields: map[string]string{"severity": "9"}}, model.EINVALID},
		{"bad bool", Edit{ID: id, Fields: map[string]string{"on_site": "maybe"}}, model.EINVALID},
		{"site of another customer", Edit{ID: id, Fields: map[string]string{"site_id": w.NewID().String()}}, model.EINVALID},
		{"empty comment", Comment{ID: id, Text: " \n "}, model.EINVALID},
		{"comment with escape", Comment{ID: id, Text: "ok\x1b]0;pwned\x07"}, model.EINVALID},
		{"assign to a contact", Assign{ID: id, AssigneeID: w.Head}, model.EINVALID},
		{"assign to the assignee", Assign{ID: id, AssigneeID: w.Eng}, model.EINVALID},
		{"unknown ticket", Comment{ID: w.NewID(), Text: "hi"}, model.ENOTFOUND},
	}
	for _, c := range cases {
		if _, err := w.act(eng, c.cmd); model.ErrorCode(err) != c.code {
			t.Errorf("%s: want %s, got %v", c.name, c.code, err)
		}
	}
	w.must(eng, Edit{ID: id, Fields: map[string]string{"title": "挂号系统无法登录 🚨", "severity": "1", "description": "第一行\n第二行"}})
	w.must(eng, Comment{ID: id, Text: "已远程查看\n稍后到场"})
	w.must(w.As(model.RoleTechLead), Assign{ID: id, AssigneeID: w.Dev})
	s := w.ticket(id)
	if s.Title != "挂号系统无法登录 🚨" || s.Severity != 1 || s.Description != "第一行\n第二行" || s.Comments != 1 || s.AssigneeID != w.Dev {
		t.Fatalf("after edits: %+v", s.Ticket)
	}
	if _, err := w.act(w.As(model.RoleDeptHead), Comment{ID: id, Text: "客户意见"}); model.ErrorCode(err) != model.EUNAUTHORIZED {
		t.Fatalf("a contact commenting without a vendor user: %v", err)
	}
}
