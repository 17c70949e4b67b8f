package flows

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"yunwei/model"
)

// HashPrefixLen is how many hex digits of a content hash screens and printed
// sheets show: enough to compare by eye, short enough for a header line.
const HashPrefixLen = 16

// HashPrefix is the first HashPrefixLen hex digits of a content hash.
func HashPrefix(hash string) string {
	if len(hash) > HashPrefixLen {
		return hash[:HashPrefixLen]
	}
	return hash
}

// CanonicalHash is the hex SHA-256 of content already in canonical JSON
// (model.Canonical): the value a signature binds to (DESIGN §5). Every
// content hash, of a decision or of any other signed content, is taken
// here.
func CanonicalHash(canonical []byte) string {
	sum := sha256.Sum256(canonical)
	return hex.EncodeToString(sum[:])
}

// ContentHash is the hex SHA-256 of content's canonical JSON. Canonical JSON
// sorts keys and normalises strings to NFC, so equal content hashes equally
// however it was built; content it cannot encode (floats) cannot be hashed.
func ContentHash(content any) (string, error) {
	h, err := hashCanonical(content)
	if err != nil {
		return "", fmt.Errorf("hash signed content: %w", err)
	}
	return h, nil
}

// MustContentHash is ContentHash for content known to encode (text, ids
// and integers only).
func MustContentHash(content any) string {
	h, err := hashCanonical(content)
	if err != nil {
		panic(err)
	}
	return h
}

// hashScratch keeps the buffers content is encoded into to be hashed:
// every signature is hashed whole and in parts, and only the hash is kept.
var hashScratch = sync.Pool{New: func() any { return new([]byte) }}

// hashCanonical is CanonicalHash of content's canonical JSON, encoded into
// a reused buffer.
func hashCanonical(content any) (string, error) {
	buf := hashScratch.Get().(*[]byte)
	b, err := model.AppendCanonical((*buf)[:0], content)
	if err != nil {
		return "", err
	}
	h := CanonicalHash(b)
	if cap(b) <= 1<<16 {
		*buf = b
		hashScratch.Put(buf)
	}
	return h, nil
}

// Signs reports whether sig signs content whose hash is now hash. A
// signature without a hash signs nothing and is never valid.
func Signs(sig model.Signature, hash string) bool {
	return sig.ContentHash != "" && sig.ContentHash == hash
}

// VerifySignature reports whether sig still signs content: the hash of the
// content as it is now must equal the hash stored when it was signed. The
// error is set only when the content cannot be hashed at all.
func VerifySignature(sig model.Signature, content any) (bool, error) {
	h, err := ContentHash(content)
	if err != nil {
		return false, err
	}
	return Signs(sig, h), nil
}

// Validity is a signature's state as screens and exports name it.
type Validity string

// The two states of a signature (DESIGN §5).
const (
	ValidSignature Validity = "valid" // the content is still what was signed
	VoidSignature  Validity = "void"  // the content changed after signing, or cannot be checked
)

// ValidityOf is VerifySignature as a state: content that cannot be hashed
// cannot be shown to still be what was signed, so it is void; call
// VerifySignature to learn why.
func ValidityOf(sig model.Signature, content any) Validity {
	if ok, err := VerifySignature(sig, content); ok && err == nil {
		return ValidSignature
	}
	return VoidSignature
}
