package signoff

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"yunwei/model"
)

// The words screens show for a signature's state.
const (
	StatusValid = "valid" // the content is still what was signed
	StatusVoid  = "void"  // the content changed after signing, or cannot be checked
)

// HashPrefixLen is how many hex digits of a content hash screens and printed
// sheets show: enough to compare by eye, short enough for a header line.
const HashPrefixLen = 16

// ContentHash is the hex SHA-256 of content's canonical JSON (DESIGN §5): the
// value a signature binds to. Canonical JSON sorts keys and normalises
// strings to NFC, so equal content hashes equally however it was built.
func ContentHash(content any) (string, error) {
	b, err := model.Canonical(content)
	if err != nil {
		return "", fmt.Errorf("hash signed content: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Verify reports whether sig still signs content: the hash of the content as
// it is now must equal the hash stored when it was signed. A signature
// without a hash signs nothing and is never valid. The error is set only when
// the content cannot be hashed at all.
func Verify(sig model.Signature, content any) (bool, error) {
	h, err := ContentHash(content)
	if err != nil {
		return false, err
	}
	return sig.ContentHash != "" && sig.ContentHash == h, nil
}

// Status is Verify for screens: StatusValid or StatusVoid. Content that cannot
// be hashed cannot be shown to still be what was signed, so it is void; call
// Verify to learn why.
func Status(sig model.Signature, content any) string {
	if ok, err := Verify(sig, content); ok && err == nil {
		return StatusValid
	}
	return StatusVoid
}

// HashPrefix is the first HashPrefixLen hex digits of a content hash.
func HashPrefix(hash string) string {
	if len(hash) > HashPrefixLen {
		return hash[:HashPrefixLen]
	}
	return hash
}
