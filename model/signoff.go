package model

// The types below are the shapes later work fills in (record sheets,
// inspections, signatures); the schema reserves their tables now so that
// events of these kinds have a home from the first release.

// Signature is a customer's sign-off: who signed, in which role, the drawn
// strokes, and the SHA-256 of the canonical content signed (DESIGN §5). If
// the content's hash later differs, the signature is void.
//
// Version 2 (README "What the signature covers") also seals the signer,
// the drawing and the time to that hash (Seal), pins the facts shown when
// signing to the events that recorded them (Shown), and keeps a short
// digest of every part signed (Parts), which tells which part changed
// when the signature no longer verifies. A signature without Version is
// of the first format: its hash covers the content only.
type Signature struct {
	Version     int       `json:"v,omitempty"`
	SignerName  string    `json:"signer_name"`
	SignerRole  Role      `json:"signer_role"`
	ContactID   ID        `json:"contact_id,omitempty"`
	ContentHash string    `json:"content_hash"` // hex SHA-256 of the canonical content
	Strokes     [][]Point `json:"strokes"`      // pen-down runs on the canvas grid
	Typed       string    `json:"typed,omitempty"`
	SignedAt    string    `json:"signed_at"`
	// Seal is the hex SHA-256 of the content hash with the signer, the
	// drawing's hash, the typed name and the time of signing.
	Seal string `json:"seal,omitempty"`
	// Shown names each fact shown when signing with the event that
	// recorded it: later steps may rightly replace a fact, and what was
	// signed is still the value that event holds.
	Shown map[string]EventID `json:"shown,omitempty"`
	// Parts is a short digest of each part of what was signed, by part.
	Parts map[string]string `json:"parts,omitempty"`
}

// Point is one cell of a drawn stroke, in canvas dot coordinates.
type Point struct {
	X int `json:"x"`
	Y int `json:"y"`
}

// RecordSheet is a maintenance record sheet (维护记录单, seed §2.3): the paper
// of every piece of work, signed by the owner.
type RecordSheet struct {
	ID         ID     `json:"id"`
	Number     string `json:"number"` // MR-<device>-<year>-<counter>
	TicketID   ID     `json:"ticket_id,omitempty"`
	CustomerID ID     `json:"customer_id"`
	SiteID     ID     `json:"site_id"`
	SystemID   ID     `json:"system_id"`
	EngineerID ID     `json:"engineer_id"`
	WorkType   Kind   `json:"work_type"`
	Date       string `json:"date"`
	Status     string `json:"status"` // draft, sealed, amended
}

// Inspection is one monthly inspection of a site from a template (seed
// §2.2.1); its id is NameID(site, template, month).
type Inspection struct {
	ID         ID     `json:"id"`
	SiteID     ID     `json:"site_id"`
	TemplateID ID     `json:"template_id"`
	Month      string `json:"month"` // YYYY-MM
	Status     string `json:"status"`
}
