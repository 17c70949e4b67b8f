package model

import (
	"strings"

	"yunwei/model/i18n"
)

// Role is a part a person plays in the service (DESIGN §1). One person may
// hold several roles.
type Role string

// Customer-side roles.
const (
	RoleRequester  Role = "requester"  // 使用者: raises requests, verifies, gives feedback
	RoleDeptHead   Role = "dept_head"  // 使用部门主管: approves maintenance and change requests
	RoleLeadership Role = "leadership" // 用户领导: approves change plans
)

// Vendor-side roles.
const (
	RoleEngineer  Role = "engineer"  // 维护工程师
	RoleReqLead   Role = "req_lead"  // 需求负责人
	RoleDeveloper Role = "developer" // 开发工程师
	RoleTechLead  Role = "tech_lead" // 技术负责人
	RoleAdmin     Role = "admin"
)

// CustomerRoles are held by customer contacts; VendorRoles by vendor users.
var (
	CustomerRoles = []Role{RoleRequester, RoleDeptHead, RoleLeadership}
	VendorRoles   = []Role{RoleEngineer, RoleReqLead, RoleDeveloper, RoleTechLead, RoleAdmin}
)

// roleNames are the roles' names in English, the catalogue's keys.
var roleNames = map[Role]string{
	RoleRequester: "requester", RoleDeptHead: "department head", RoleLeadership: "customer leadership",
	RoleEngineer: "engineer", RoleReqLead: "requirements lead", RoleDeveloper: "developer",
	RoleTechLead: "technical lead", RoleAdmin: "admin",
}

// Word is the role's name as an argument of a message, worded in the
// message's language.
func (r Role) Word() i18n.Text { return i18n.Text(roleNames[r]) }

// Label names the role in the given language ("zh" or "en").
func (r Role) Label(lang string) string {
	if name, ok := roleNames[r]; ok {
		return i18n.Lang(lang).T(name)
	}
	return ""
}

// IsCustomer reports whether the role belongs to the customer's side.
func (r Role) IsCustomer() bool { return contains(CustomerRoles, r) }

// IsVendor reports whether the role belongs to the vendor's side.
func (r Role) IsVendor() bool { return contains(VendorRoles, r) }

// ParseRole accepts a role's code or either label.
func ParseRole(s string) (Role, error) {
	s = strings.TrimSpace(s)
	for _, r := range append(append([]Role{}, CustomerRoles...), VendorRoles...) {
		if s == string(r) || s == i18n.Zh.T(roleNames[r]) || strings.EqualFold(s, roleNames[r]) {
			return r, nil
		}
	}
	return "", Errorf(EINVALID, "unknown role %q: use one of requester, dept_head, leadership, engineer, req_lead, developer, tech_lead, admin", s)
}

// Roles is a set of roles.
type Roles []Role

// Has reports whether the set holds r.
func (rs Roles) Has(r Role) bool { return contains(rs, r) }

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// HasAny reports whether the set holds any of roles.
func (rs Roles) HasAny(roles ...Role) bool {
	for _, r := range roles {
		if rs.Has(r) {
			return true
		}
	}
	return false
}
