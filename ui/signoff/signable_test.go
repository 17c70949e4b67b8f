package signoff

import (
	"strings"
	"testing"

	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
)

// inspection is signed content of another kind than a ticket decision: a
// few readings of a site visit.
type inspection struct {
	Site     string `json:"site"`
	Readings []int  `json:"readings"`
	Passed   bool   `json:"passed"`
}

func (in inspection) Title(L i18n.Lang) string { return L.T("Sign-off") + " · INS-7" }

func (in inspection) Fields(i18n.Lang) []Field {
	return []Field{{Value: "Inspection INS-7"}, {Label: "Site", Value: in.Site}, {Label: "Passed", Value: "yes"}}
}

func (in inspection) Canonical() ([]byte, error) { return model.Canonical(in) }

// The sign-off signs any Signable: it shows its text and the signature
// carries the hash flows takes of its canonical bytes.
func TestSignsAnySignable(t *testing.T) {
	in := inspection{Site: "Server room B", Readings: []int{21, 22, 24}, Passed: true}
	opts := testOptions(i18n.En)
	opts.Content = in
	m := New(opts)
	m.SetSize(80, 24)
	m = draw(m)
	_, msgs := send(m, keys("shift+tab", "shift+tab", "Li Lei", "ctrl+s")...)
	sig := signed(t, msgs)

	b, err := in.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	want, err := flows.ContentHash(in)
	if err != nil {
		t.Fatal(err)
	}
	if sig.ContentHash != flows.CanonicalHash(b) || sig.ContentHash != want || m.Hash() != want {
		t.Fatalf("signature hash %s, want %s", sig.ContentHash, want)
	}
	v := m.View()
	for _, s := range []string{"Sign-off · INS-7", "Inspection INS-7", "Server room B", flows.HashPrefix(want)} {
		if !strings.Contains(v, s) {
			t.Errorf("view lacks %q:\n%s", s, v)
		}
	}
	if ok, err := flows.VerifySignature(sig, in); !ok || err != nil {
		t.Fatalf("verify: %v %v", ok, err)
	}
}

// raw is content that hands over its bytes as they are.
type raw []byte

func (r raw) Title(i18n.Lang) string     { return "Raw" }
func (r raw) Fields(i18n.Lang) []Field   { return []Field{{Label: "Bytes", Value: string(r)}} }
func (r raw) Canonical() ([]byte, error) { return r, nil }

// Bytes that are not canonical JSON cannot be signed: the same content
// would hash differently depending on who encoded it.
func TestNonCanonicalBytesRefused(t *testing.T) {
	for _, b := range []string{`{"b":1,"a":2}`, `{"a": 2}`, `not json`} {
		opts := testOptions(i18n.En)
		opts.Content = raw(b)
		m := New(opts)
		m.SetSize(80, 24)
		m = draw(m)
		m, msgs := send(m, keys("shift+tab", "shift+tab", "Li Lei", "ctrl+s")...)
		if len(msgs) != 0 || m.Hash() != "" {
			t.Errorf("%s: signed: %v", b, msgs)
		}
	}
	opts := testOptions(i18n.En)
	opts.Content = raw(`{"a":2,"b":1}`)
	if m := New(opts); m.Hash() != flows.CanonicalHash([]byte(`{"a":2,"b":1}`)) {
		t.Fatalf("canonical bytes: hash %q", m.Hash())
	}
}
