package flows

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"yunwei/model"
)

// sheet stands for any signed content that is not a ticket decision: a
// record sheet, an inspection, a report.
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

func TestContentHashIsSHA256OfCanonicalJSON(t *testing.T) {
	got, err := ContentHash(testSheet)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(model.MustCanonical(testSheet))
	if want := hex.EncodeToString(sum[:]); got != want || CanonicalHash(model.MustCanonical(testSheet)) != want {
		t.Fatalf("hash %s, want %s", got, want)
	}
	if HashPrefix(got) != got[:16] || len(HashPrefix("abc")) != 3 {
		t.Fatalf("prefix %q", HashPrefix(got))
	}
}

// Equal content hashes equally however it was built: key order and Unicode
// normalisation are the canonical encoder's business, not the caller's.
func TestContentHashIgnoresKeyOrderAndNormalisation(t *testing.T) {
	asMap := map[string]any{
		"minutes":  90,
		"actions":  testSheet.Actions,
		"problem":  testSheet.Problem,
		"customer": testSheet.Customer,
		"number":   testSheet.Number,
	}
	a, err := ContentHash(testSheet)
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

func TestVerifySignatureVoidsChangedContent(t *testing.T) {
	h, _ := ContentHash(testSheet)
	sig := model.Signature{SignerName: "李雷", ContentHash: h}
	if ok, err := VerifySignature(sig, testSheet); !ok || err != nil {
		t.Fatalf("unchanged content: valid=%v err=%v", ok, err)
	}
	if got := ValidityOf(sig, testSheet); got != ValidSignature {
		t.Fatalf("validity %q", got)
	}

	changed := testSheet
	changed.Minutes = 120
	if ok, err := VerifySignature(sig, changed); ok || err != nil {
		t.Fatalf("changed content: valid=%v err=%v", ok, err)
	}
	if got := ValidityOf(sig, changed); got != VoidSignature {
		t.Fatalf("validity %q", got)
	}

	if ok, _ := VerifySignature(model.Signature{}, testSheet); ok {
		t.Fatal("a signature without a hash verified")
	}
	if Signs(model.Signature{}, "") {
		t.Fatal("an empty hash signed empty content")
	}

	// Floats are not canonical: such content cannot be checked, so it is void.
	if _, err := VerifySignature(sig, map[string]any{"x": 1.5}); err == nil {
		t.Fatal("unhashable content gave no error")
	}
	if got := ValidityOf(sig, map[string]any{"x": 1.5}); got != VoidSignature {
		t.Fatalf("unhashable content: validity %q", got)
	}
}
