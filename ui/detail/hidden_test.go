package detail

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common/screentest"
)

// A title holding a right-to-left override (which a person may type) shows
// it as a code in the edit form too, and saving the form untouched
// changes nothing.
func TestEditFormShowsHiddenCharactersAndKeepsThem(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	engineer := screentest.Deps(t, s, i18n.Zh).User
	title := "更正\u202e重复挂号"
	if _, err := s.Execute(ctx, db.Acting{UserID: engineer.ID}, ticket.Edit{ID: id, Fields: map[string]string{"title": title}}); err != nil {
		t.Fatal(err)
	}
	m := open(t, s, id, model.User{}, i18n.Zh, 100, 30)
	m, _ = screentest.Drive(t, m, runes("e"))
	v := m.View()
	if strings.Contains(v, "\u202e") || !strings.Contains(v, "更正‹U+202E›重复挂号") {
		t.Fatalf("edit form:\n%s", v)
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if sh, ok := m.Sheet(); !ok || sh.Error() != "没有任何修改。" {
		t.Fatalf("untouched edit: %q", sh.Error())
	}
	if d, _ := s.Ticket(ctx, id); d.Title != title {
		t.Fatalf("title became %q", d.Title)
	}
}
