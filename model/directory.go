package model

// Entity kinds: the "entity" field of every event.
const (
	EntityCustomer   = "customer"
	EntityContract   = "contract"
	EntitySite       = "site"
	EntitySystem     = "system"
	EntityContact    = "contact"
	EntityUser       = "user"
	EntityCalendar   = "calendar"
	EntityTicket     = "ticket"
	EntityRecord     = "record"
	EntityInspection = "inspection"
)

// Customer is the system owner (业主方 / 甲方) served under a contract.
type Customer struct {
	ID        ID     `json:"id"`
	Name      string `json:"name"`
	ShortName string `json:"short_name,omitempty"`
	Address   string `json:"address,omitempty"`
}

// Contract is a service contract with a customer for one service year
// (seed §1, §2).
type Contract struct {
	ID         ID     `json:"id"`
	CustomerID ID     `json:"customer_id"`
	Number     string `json:"number"`
	// The service year, as calendar dates (YYYY-MM-DD), both inclusive.
	StartDate string `json:"start_date"`
	EndDate   string `json:"end_date"`
	// SupportHours names the support window, "5x8" by default (seed §2.5).
	SupportHours string     `json:"support_hours"`
	CalendarID   ID         `json:"calendar_id"`
	SLA          SLATargets `json:"sla"`
	// QuotaDays is the yearly enhancement allowance in person-days (seed §1.3).
	QuotaDays int  `json:"quota_days"`
	Engineers []ID `json:"engineers"` // assigned vendor users (seed §2.4: fixed staff)
	// RequireDrawnSignature makes the customer sign its tickets' decisions
	// by drawing: a typed name is refused (DESIGN §5).
	RequireDrawnSignature bool `json:"require_drawn_signature,omitempty"`
}

// SLATargets are a contract's service-level targets in minutes (seed §2.6).
type SLATargets struct {
	ResponseInHours  int `json:"response_in_hours"`  // 120: 2 h inside working hours
	ResponseOutHours int `json:"response_out_hours"` // 60: 1 h outside them (sic)
	OnSite           int `json:"on_site"`            // 240: arrive within 4 h
	// Resolution targets per ticket kind, optional (0 = none).
	Resolution map[string]int `json:"resolution,omitempty"`
	// BusinessDurations counts targets in business minutes instead of wall
	// minutes (DESIGN §3: wall-clock by default).
	BusinessDurations bool `json:"business_durations,omitempty"`
}

// DefaultSLA is the seed's targets: 2 h in hours, 1 h outside, 4 h on site.
func DefaultSLA() SLATargets {
	return SLATargets{ResponseInHours: 120, ResponseOutHours: 60, OnSite: 240}
}

// DefaultQuotaDays is the seed's yearly enhancement quota (seed §1.3).
const DefaultQuotaDays = 30

// Site is a place where a customer's systems run and where engineers go.
type Site struct {
	ID         ID     `json:"id"`
	CustomerID ID     `json:"customer_id"`
	Name       string `json:"name"`
	Address    string `json:"address,omitempty"`
}

// System is a piece of the customer's software under maintenance.
type System struct {
	ID         ID     `json:"id"`
	CustomerID ID     `json:"customer_id"`
	SiteID     ID     `json:"site_id"`
	Name       string `json:"name"`
	Version    string `json:"version,omitempty"`
}

// Contact is a person on the customer's side. Contacts do not sign in; they
// act on the engineer's laptop and sign (DESIGN §1).
type Contact struct {
	ID         ID     `json:"id"`
	CustomerID ID     `json:"customer_id"`
	Name       string `json:"name"`
	Department string `json:"department,omitempty"`
	Phone      string `json:"phone,omitempty"`
	Email      string `json:"email,omitempty"`
	Roles      Roles  `json:"roles"`
}

// User is a vendor staff member: an engineer, lead, developer or admin.
type User struct {
	ID    ID     `json:"id"`
	Login string `json:"login"`
	Name  string `json:"name"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
	Roles Roles  `json:"roles"`
}

// Calendar is a business calendar (DESIGN §2): weekly working hours in a time
// zone, public holidays, and make-up working days (调休).
type Calendar struct {
	ID       ID     `json:"id"`
	Name     string `json:"name"`
	TimeZone string `json:"time_zone"` // IANA name, DefaultZoneName by default
	// Weekly holds, for Sunday (0) to Saturday (6), the working spans of a
	// normal day as "HH:MM-HH:MM".
	Weekly [7][]string `json:"weekly"`
	// Holidays are dates (YYYY-MM-DD) with no work; Workdays are make-up
	// working days that follow WorkdayHours.
	Holidays     map[string]string `json:"holidays,omitempty"` // date → name
	Workdays     map[string]string `json:"workdays,omitempty"` // date → name
	WorkdayHours []string          `json:"workday_hours"`
}

// Default5x8 is Monday–Friday, 09:00–12:00 and 13:00–18:00, in the
// default zone, DefaultZoneName (seed §2.5). It holds no holidays: those are imported, never invented.
func Default5x8(id ID, name string) Calendar {
	day := []string{"09:00-12:00", "13:00-18:00"}
	c := Calendar{ID: id, Name: name, TimeZone: DefaultZoneName, WorkdayHours: day}
	for d := 1; d <= 5; d++ {
		c.Weekly[d] = day
	}
	return c
}
