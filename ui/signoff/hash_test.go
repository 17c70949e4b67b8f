package signoff

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"yunwei/model"
)

func TestContentHashIsSHA256OfCanonicalJSON(t *testing.T) {
	got, err := ContentHash(testSheet)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(model.MustCanonical(testSheet))
	if want := hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("hash %s, want %s", got, want)
	}
	if HashPrefix(got) != got[:16] || len(HashPrefix("abc")) != 3 {
		t.Fatalf("prefix %q", HashPrefix(got))
	}
}

// Equal content hashes equally however it was built: key order and Unicode
// normalisation are the canonical encoder's business, not the caller's.
func TestContentHashIgnoresKeyOrderAndNormalisation(t *testing.T) {
	asStruct := testSheet
	asMap := map[string]any{
		"minutes":  90,
		"actions":  testSheet.Actions,
		"problem":  testSheet.Problem,
		"customer": testSheet.Customer,
		"number":   testSheet.Number,
	}
	a, err := ContentHash(asStruct)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ContentHash(asMap)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatalf("struct and map with the same fields hash differently: %s, %s", a, b)
	}

	composed := map[string]string{"name": "Zoë Müller", "site": "Café"}
	decomposed := map[string]string{"site": "Cafe\u0301", "name": "Zoe\u0308 Mu\u0308ller"}
	c, _ := ContentHash(composed)
	d, _ := ContentHash(decomposed)
	if c != d {
		t.Fatalf("NFC and NFD spellings hash differently: %s, %s", c, d)
	}
}

func TestVerifyVoidsChangedContent(t *testing.T) {
	h, _ := ContentHash(testSheet)
	sig := model.Signature{SignerName: "李雷", ContentHash: h}
	if ok, err := Verify(sig, testSheet); !ok || err != nil {
		t.Fatalf("unchanged content: valid=%v err=%v", ok, err)
	}
	if got := Status(sig, testSheet); got != StatusValid {
		t.Fatalf("status %q", got)
	}

	changed := testSheet
	changed.Minutes = 120
	if ok, err := Verify(sig, changed); ok || err != nil {
		t.Fatalf("changed content: valid=%v err=%v", ok, err)
	}
	if got := Status(sig, changed); got != StatusVoid {
		t.Fatalf("status %q", got)
	}

	if ok, _ := Verify(model.Signature{}, testSheet); ok {
		t.Fatal("a signature without a hash verified")
	}

	// Floats are not canonical: such content cannot be checked, so it is void.
	if _, err := Verify(sig, map[string]any{"x": 1.5}); err == nil {
		t.Fatal("unhashable content gave no error")
	}
	if got := Status(sig, map[string]any{"x": 1.5}); got != StatusVoid {
		t.Fatalf("unhashable content: status %q", got)
	}
}
