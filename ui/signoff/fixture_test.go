package signoff

import (
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"yunwei/model"
	"yunwei/model/i18n"
)

// Snapshots are plain text: no colour codes, so they diff readably and do
// not depend on the terminal the tests run in.
func init() { lipgloss.SetColorProfile(termenv.Ascii) }

// sheet is the content a record-sheet sign-off hashes.
type sheet struct {
	Number   string `json:"number"`
	Customer string `json:"customer"`
	Problem  string `json:"problem"`
	Actions  string `json:"actions"`
	Minutes  int    `json:"minutes"`
}

var testSheet = sheet{
	Number:   "MR-A1-2026-0007",
	Customer: "市第一人民医院",
	Problem:  "门诊挂号数据重复",
	Actions:  "备份 reg_visit 表；删除 12 条重复记录；核对当日挂号总数",
	Minutes:  90,
}

var fixedNow = func() time.Time { return time.Date(2026, 11, 27, 3, 4, 5, 0, time.UTC) }

func testFields(lang i18n.Lang) []Field {
	if lang == i18n.Zh {
		return []Field{
			{Label: "", Value: "维护记录单 MR-A1-2026-0007"},
			{Label: "客户", Value: testSheet.Customer},
			{Label: "系统", Value: "HIS 医院信息系统"},
			{Label: "日期", Value: "2026-11-27 09:30–11:00（90 分钟）"},
			{Label: "工作类型", Value: "数据维护"},
			{Label: "问题", Value: testSheet.Problem},
			{Label: "原因", Value: "挂号接口超时后客户端重试，服务端未做幂等校验，导致同一患者同一时段生成两条挂号记录。"},
			{Label: "处理过程", Value: "1. 备份 reg_visit 表\n2. 删除 12 条重复记录\n3. 核对当日挂号总数与收费记录一致"},
			{Label: "结果", Value: "已解决"},
			{Label: "备份与验证", Value: "已备份，已验证"},
			{Label: "工程师", Value: "王工"},
		}
	}
	return []Field{
		{Label: "", Value: "Maintenance record MR-A1-2026-0007"},
		{Label: "Customer", Value: "City No. 1 People's Hospital"},
		{Label: "System", Value: "HIS hospital information system"},
		{Label: "Date", Value: "2026-11-27 09:30–11:00 (90 minutes)"},
		{Label: "Work type", Value: "data correction"},
		{Label: "Problem", Value: "Duplicate outpatient registrations"},
		{Label: "Cause", Value: "The registration client retried after a timeout and the server did not check for duplicates, so one patient got two registrations for the same slot."},
		{Label: "Actions", Value: "1. Backed up table reg_visit\n2. Deleted 12 duplicate rows\n3. Checked the day's registrations against billing"},
		{Label: "Result", Value: "resolved"},
		{Label: "Backup, check", Value: "backed up, verified"},
		{Label: "Engineer", Value: "Wang"},
	}
}

// doc is signed content as a caller builds it: a title and fields to
// show, a value whose canonical JSON is hashed.
type doc struct {
	title   string
	fields  []Field
	content any
}

func (d doc) Title(i18n.Lang) string     { return d.title }
func (d doc) Fields(i18n.Lang) []Field   { return d.fields }
func (d doc) Canonical() ([]byte, error) { return model.Canonical(d.content) }

func testDoc(lang i18n.Lang) doc {
	return doc{title: lang.T("Sign-off") + " · MR-A1-2026-0007", fields: testFields(lang), content: testSheet}
}

func testOptions(lang i18n.Lang) Options {
	return Options{
		Lang:    lang,
		Content: testDoc(lang),
		Roles:   []model.Role{model.RoleRequester, model.RoleDeptHead},
		Now:     fixedNow,
	}
}
