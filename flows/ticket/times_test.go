package ticket

import (
	"strings"
	"testing"
	"time"

	"yunwei/model"
	"yunwei/model/i18n"
)

// shanghai is the fixture calendar's zone (model.Default5x8).
var shanghai = model.DefaultZone()

// seed §2.6: a response logged later is logged as of when it happened,
// typed as people type a time, in the contract's zone; the clock stops
// then, and a time before the request or in the future is refused.
func TestResponseLoggedAsOfWhenItHappened(t *testing.T) {
	w := newWorld(t) // Monday 2026-11-02 10:00 in Beijing
	id := w.create(model.KindIncident, "收费系统无法出票")
	w.Now = w.Now.Add(50 * time.Minute)
	for _, bad := range []struct{ at, want string }{
		{"2026-11-02 09:00", "before the request was raised (2026-11-02 10:00)"},
		{"2026-11-02 12:00", "2026-11-02 12:00 lies in the future"},
		{"昨天下午", "is not a time"},
	} {
		err := w.decide(id, model.RoleEngineer, "respond", "", map[string]string{"responded_at": bad.at})
		if err == nil || !strings.Contains(model.ErrorText(err, i18n.En), bad.want) {
			t.Errorf("responded_at %s: %v, want %q", bad.at, err, bad.want)
		}
	}
	s := w.mustDecide(id, model.RoleEngineer, "respond", "", map[string]string{"responded_at": "2026-11-02 10:15"})
	if want := "2026-11-02T02:15:00.000Z"; s.RespondedAt != want {
		t.Fatalf("responded at %s, want %s (10:15 in Beijing)", s.RespondedAt, want)
	}
	// Every decision that stops the response clock takes the time; a
	// consultation's answer resolves it at the same moment.
	for k, f := range flowTables {
		for _, st := range f.Steps {
			for _, d := range st.Decisions {
				if stamps(&d, "responded_at") && (d.Input("responded_at") == nil || TimeInput(&d) == nil) {
					t.Errorf("%s %s.%s stamps the response but takes no response time", k, st.Name, d.Name)
				}
			}
		}
	}
	w.Now = time.Date(2026, 11, 2, 14, 0, 0, 0, shanghai)
	q := w.create(model.KindConsultation, "咨询报表口径")
	w.Now = w.Now.Add(time.Hour)
	s = w.mustDecide(q, model.RoleEngineer, "answer", "", map[string]string{"answer": "按自然月统计", "responded_at": "2026-11-02T14:20:00+08:00"})
	if s.RespondedAt != "2026-11-02T06:20:00.000Z" || s.ResolvedAt != s.RespondedAt {
		t.Fatalf("answered: responded %s, resolved %s", s.RespondedAt, s.ResolvedAt)
	}
}

// A request dated before its contract began is refused, naming the
// contract's dates.
func TestRequestBeforeTheContractIsRefused(t *testing.T) {
	w := newWorld(t)
	c := Create{ID: w.NewID(), Number: "T-2026-X", Kind: model.KindIncident, Channel: model.ChannelPhone,
		Severity: model.SeverityMajor, Title: "旧单补录", ContractID: w.ContractID, SiteID: w.SiteID,
		ReportedAt: time.Date(2016, 11, 2, 9, 30, 0, 0, shanghai)}
	_, err := w.act(w.As(model.RoleEngineer), c)
	msg := model.ErrorText(err, i18n.En)
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(msg, "2016-11-02 09:30") || !strings.Contains(msg, "HT-2026-001") ||
		!strings.Contains(msg, "2026-01-01 to 2026-12-31") {
		t.Fatalf("a request of 2016 under a 2026 contract: %v", msg)
	}
	// The contract's first day, in its own zone, is inside it: 00:30 in
	// Beijing is still the last day of 2025 in UTC.
	c.ReportedAt = time.Date(2026, 1, 1, 0, 30, 0, 0, shanghai)
	w.must(w.As(model.RoleEngineer), c)
	if zh := model.ErrorText(err, i18n.Zh); strings.Contains(zh, "before contract") {
		t.Errorf("the refusal is not in Chinese: %s", zh)
	}
}

// ticket.Edit corrects when the request was raised: an event in the
// history; the clocks and a wait from the start follow it.
func TestReportedAtIsCorrected(t *testing.T) {
	w := newWorld(t) // Monday 2026-11-02 10:00 in Beijing
	id := w.create(model.KindDataCorrection, "更正重复挂号")
	eng := w.As(model.RoleEngineer)
	evs := w.must(eng, Edit{ID: id, Fields: map[string]string{"reported_at": "2026-11-02 09:10"}})
	s := w.ticket(id)
	if len(evs) != 1 || evs[0].Type != FieldSet || s.ReportedAt != "2026-11-02T01:10:00.000Z" {
		t.Fatalf("after the correction: %d events, reported %s", len(evs), s.ReportedAt)
	}
	if h := s.History[len(s.History)-1]; h.Field != "reported_at" || h.Value != `"2026-11-02T01:10:00.000Z"` {
		t.Fatalf("history %+v", h)
	}
	// A data correction waits for the department head from the start.
	if len(s.Waits) != 1 || s.Waits[0].From != s.ReportedAt {
		t.Fatalf("waits %+v, want one from %s", s.Waits, s.ReportedAt)
	}
	w.Now = w.Now.Add(2 * time.Hour)
	cases := []struct{ at, want string }{
		{"2026-11-03 09:00", "in the future"},
		{"2026-11-02 10:30", "after it was recorded (2026-11-02 10:00)"},
		{"2016-11-02 09:10", "before contract HT-2026-001 began: the contract runs from 2026-01-01 to 2026-12-31"},
		{"下周一", "is not a time"},
		{"2026-11-02 09:10", "nothing changed"},
	}
	for _, c := range cases {
		_, err := w.act(eng, Edit{ID: id, Fields: map[string]string{"reported_at": c.at}})
		if err == nil || !strings.Contains(model.ErrorText(err, i18n.En), c.want) {
			t.Errorf("reported_at=%s: %v, want %q", c.at, err, c.want)
		}
	}
	// Once responded to, the request cannot have been raised later. This
	// one was raised at 09:00 and recorded at 12:00; the engineer had
	// called back at 09:30.
	late := Create{ID: w.NewID(), Number: "T-2026-L", Kind: model.KindIncident, Channel: model.ChannelPhone,
		Severity: model.SeverityMajor, Title: "补录：收费中断", ContractID: w.ContractID, SiteID: w.SiteID,
		ReportedAt: time.Date(2026, 11, 2, 9, 0, 0, 0, shanghai)}
	w.must(eng, late)
	w.mustDecide(late.ID, model.RoleEngineer, "respond", "", map[string]string{"responded_at": "2026-11-02 09:30"})
	if _, err := w.act(eng, Edit{ID: late.ID, Fields: map[string]string{"reported_at": "2026-11-02 09:45"}}); err == nil ||
		!strings.Contains(model.ErrorText(err, i18n.En), "after it was first acted on (2026-11-02 09:30)") {
		t.Errorf("reported after the response: %v", err)
	}
	w.must(eng, Edit{ID: late.ID, Fields: map[string]string{"reported_at": "2026-11-02T08:50:00+08:00"}})
	if got := w.ticket(late.ID).ReportedAt; got != "2026-11-02T00:50:00.000Z" {
		t.Fatalf("corrected to %s", got)
	}
}

// on_site takes yes or no as every yes/no does.
func TestEditOnSiteTakesYesOrNo(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindIncident, "打印机无法出单")
	for _, c := range []struct {
		v    string
		want bool
	}{{"yes", true}, {"否", false}, {"TRUE", true}, {"no", false}, {"是", true}} {
		w.must(w.As(model.RoleEngineer), Edit{ID: id, Fields: map[string]string{"on_site": c.v}})
		if w.ticket(id).OnSite != c.want {
			t.Fatalf("on_site=%s: %v", c.v, w.ticket(id).OnSite)
		}
	}
}

// A decision, an edit or an assignment on a closed ticket says when it
// closed and by whose decision.
func TestClosedTicketSaysWhy(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindConsultation, "咨询报表口径")
	w.mustDecide(id, model.RoleEngineer, "answer", "", map[string]string{"answer": "按自然月统计"})
	closed := model.LocalClock(parsedTime(w.ticket(id).ClosedAt), shanghai)
	for _, cmd := range []any{
		Act{ID: id, Decision: "answer", Inputs: map[string]string{"answer": "再答一次"}},
		Edit{ID: id, Fields: map[string]string{"title": "新标题"}},
		Assign{ID: id, AssigneeID: w.Dev},
	} {
		var err error
		switch c := cmd.(type) {
		case Act:
			_, err = w.act(w.As(model.RoleEngineer), c)
		case Edit:
			_, err = w.act(w.As(model.RoleEngineer), c)
		case Assign:
			_, err = w.act(w.As(model.RoleEngineer), c)
		}
		en, zh := model.ErrorText(err, i18n.En), model.ErrorText(err, i18n.Zh)
		if want := "was closed on " + closed + ", when 王工 decided “answer” at “question received”"; !strings.Contains(en, want) {
			t.Errorf("%T: %s, want %q", cmd, en, want)
		}
		if !strings.Contains(zh, closed) || !strings.Contains(zh, "王工") || strings.Contains(zh, "closed") {
			t.Errorf("%T in Chinese: %s", cmd, zh)
		}
	}
}
