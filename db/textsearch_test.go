package db

import (
	"context"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

func TestTicketsMentioningSearchesPeoplesTextOnly(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := f.newTicket("打印机故障")
	a.Description = "收费处 Printer 卡纸，已重启"
	f.must(t, f.engineer, a)
	b := f.newTicket("挂号系统登录慢")
	f.must(t, f.engineer, b)
	f.must(t, f.engineer, ticket.Comment{ID: b.ID, Text: "怀疑是数据库连接池耗尽 🙈"})
	c := f.newTicket("另一张")
	f.must(t, f.engineer, c)

	for q, want := range map[string][]model.ID{
		"printer":  {a.ID}, // case folded
		"卡纸":       {a.ID},
		"连接池":      {b.ID},
		"🙈":        {b.ID},
		"另一张":      nil, // titles are the queue's, not this search's
		"contract": nil, // JSON keys and ids never match
		"%":        nil,
		"":         nil,
	} {
		got, err := f.s.TicketsMentioning(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || (len(want) == 1 && got[0] != want[0]) {
			t.Errorf("%q: got %v, want %v", q, got, want)
		}
	}
}
