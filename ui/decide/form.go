package decide

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

// buildForm makes the huh form on the draft: a first page with the
// decision, who decides (customer steps) and the comment, then a page of
// inputs for each decision that takes any, shown only when it is chosen.
func (m *Model) buildForm() {
	m.gen++
	gen := m.gen
	m.form, m.formInit = nil, nil
	if len(m.actions) == 0 {
		return
	}
	L := m.deps.Lang
	d := m.draft
	actions := m.actions

	var opts []huh.Option[string]
	var needs []string
	for _, a := range actions {
		opts = append(opts, huh.NewOption(decisionLabel(a.Decision, m.c.Ticket.Kind, L), a.Decision.Name))
		if a.Decision.NeedsComment {
			needs = append(needs, a.Label(L))
		}
	}
	var sz common.FormSizer
	fields := []huh.Field{
		sz.Add(huh.NewSelect[string]().Title(L.T("Decision")).Options(opts...).Value(&d.Decision), 0),
	}
	if m.customer {
		var people []huh.Option[model.ID]
		for _, c := range candidates(actions) {
			people = append(people, huh.NewOption(contactLabel(c, L), c.ID))
		}
		fields = append(fields, sz.Add(huh.NewSelect[model.ID]().Title(L.T("Who decides")).Options(people...).Value(&d.Contact), 0))
	}
	comment := huh.NewText().Title(L.T("Comment")).Placeholder(L.T("Type here; ctrl+j starts a new line.")).CharLimit(flows.MaxText).ExternalEditor(false).
		Value(&d.Comment).Validate(func(s string) error {
		for _, a := range actions {
			if a.Decision.Name == d.Decision && a.Decision.NeedsComment && strings.TrimSpace(s) == "" {
				return errors.New(L.Tf("To %s, say why in a comment: the next person needs to know what to change.", a.Label(L)))
			}
		}
		return nil
	})
	if len(needs) > 0 {
		comment.Description(L.Tf("Required to %s.", strings.Join(needs, L.T(" or "))))
	}
	fields = append(fields, sz.Add(comment, 3))

	groups := []*huh.Group{huh.NewGroup(fields...)}
	for _, a := range actions {
		if len(a.Decision.Inputs) == 0 {
			continue
		}
		name := a.Decision.Name
		var fs []huh.Field
		for _, in := range a.Decision.Inputs {
			f, h := inputField(in, d.Inputs[name][in.Name], m.c, L)
			fs = append(fs, sz.Add(f, h))
		}
		groups = append(groups, huh.NewGroup(fs...).Title(a.Label(L)).
			WithHideFunc(func() bool { return d.Decision != name }))
	}
	f := common.NewScreenForm(L, m.w, m.formRows(), groups...)
	f.SubmitCmd = func() tea.Msg { return submitMsg{gen} }
	f.CancelCmd = func() tea.Msg { return cancelMsg{gen} }
	m.form, m.sizer = f, sz
	m.formInit = f.Init()
}

// decisionLabel offers a decision with where it leads:
// "reject → closed (comment required)".
func decisionLabel(d ticket.Decision, kind model.Kind, L i18n.Lang) string {
	from := kind
	if d.Convert != "" {
		kind = d.Convert
	}
	label := words.Decision(L, from, &d) + " → " + words.Step(L, kind, d.To)
	if d.NeedsComment {
		label += " " + L.T("(comment required)")
	}
	return label
}

// contactLabel names a customer person for the picker: name, department
// and customer roles.
func contactLabel(c model.Contact, L i18n.Lang) string {
	var roles []model.Role
	for _, r := range c.Roles {
		if r.IsCustomer() {
			roles = append(roles, r)
		}
	}
	return text.Sanitize(join(c.Name, c.Department, RoleNames(roles, L)), false)
}
