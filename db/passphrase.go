package db

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"

	"yunwei/model"
)

// Passphrases guard acting as another vendor user on this laptop (DESIGN
// §5); until the hub enrols devices they are the laptop's only guard, and
// afterwards they unlock the device key. They live in local_passphrases,
// beside local_device and profile: never in an event, never synced.

// Passphrase lengths, in characters: short enough to type on site, long
// enough not to be guessed at the first try; the bound keeps one hash from
// costing more than it should.
const (
	MinPassphraseChars = 4
	MaxPassphraseBytes = 1024
)

// PassphraseCost is how slow a new hash is: argon2id (RFC 9106) with this
// many passes over this much memory, one thread. 12 MiB and 10 passes cost
// about 60 ms on the 2-core machines of DESIGN §8 (measured 2026-11: 59 ms
// idle, 63–97 ms with the other cores busy; BenchmarkHashPassphrase), in the
// 50–100 ms a person does not notice, and keep a whole CLI action with --as
// at about 25 MiB, inside its 30 MiB. Each hash records the cost it was made
// with, so the cost can be raised later without making old hashes unreadable.
var PassphraseCost = struct {
	Time, MemoryKiB uint32
	Threads         uint8
}{Time: 10, MemoryKiB: 12 * 1024, Threads: 1}

// passphraseAlgorithm names the only hash this version writes or reads.
const passphraseAlgorithm = "argon2id"

// PassphraseHash is a passphrase's slow hash with everything needed to
// check one against it: the salt and the cost.
type PassphraseHash struct {
	Algorithm       string
	Time, MemoryKiB uint32
	Threads         uint8
	Salt, Key       []byte
}

// PassphraseCheck is what comparing a passphrase with a user's stored hash
// found.
type PassphraseCheck int

// The answers of VerifyPassphrase.
const (
	PassphraseWrong  PassphraseCheck = iota // the hash does not match
	PassphraseOK                            // it matches
	PassphraseNotSet                        // the user has no passphrase on this laptop
)

// CheckPassphrase says whether p may be a passphrase: at least
// MinPassphraseChars characters, at most MaxPassphraseBytes bytes, valid
// UTF-8.
func CheckPassphrase(p string) error {
	switch {
	case !utf8.ValidString(p):
		return model.Errorf(model.EINVALID, "the passphrase is not valid text: type it again")
	case utf8.RuneCountInString(p) < MinPassphraseChars:
		return model.Errorf(model.EINVALID, "a passphrase needs at least %d characters", MinPassphraseChars)
	case len(p) > MaxPassphraseBytes:
		return model.Errorf(model.EINVALID, "a passphrase may have at most %d bytes", MaxPassphraseBytes)
	}
	return nil
}

// HashPassphrase hashes p with a new random salt at PassphraseCost. The
// text is put in Unicode NFC first, so that the same characters typed
// through different input methods give the same passphrase.
func HashPassphrase(p string) (PassphraseHash, error) {
	if err := CheckPassphrase(p); err != nil {
		return PassphraseHash{}, err
	}
	h := PassphraseHash{Algorithm: passphraseAlgorithm, Time: PassphraseCost.Time, MemoryKiB: PassphraseCost.MemoryKiB,
		Threads: PassphraseCost.Threads, Salt: make([]byte, 16)}
	if _, err := rand.Read(h.Salt); err != nil {
		return PassphraseHash{}, err
	}
	h.Key = h.derive(p)
	return h, nil
}

// derive is argon2id of p at h's salt and cost.
func (h PassphraseHash) derive(p string) []byte {
	return argon2.IDKey([]byte(norm.NFC.String(p)), h.Salt, h.Time, h.MemoryKiB, h.Threads, 32)
}

// Matches reports whether p is the passphrase h was made from, comparing in
// constant time.
func (h PassphraseHash) Matches(p string) bool {
	if h.Algorithm != passphraseAlgorithm || len(h.Key) == 0 || len(p) > MaxPassphraseBytes || !h.sane() {
		return false
	}
	return subtle.ConstantTimeCompare(h.derive(p), h.Key) == 1
}

// sane bounds a stored cost, so that a row edited to an absurd cost cannot
// hang or exhaust the laptop: anything beyond 64 passes or 1 GiB is refused.
func (h PassphraseHash) sane() bool {
	return h.Time >= 1 && h.Time <= 64 && h.MemoryKiB >= 8 && h.MemoryKiB <= 1<<20 && h.Threads >= 1
}

// SetPassphrase stores h as the user's passphrase on this laptop, replacing
// any earlier one. It writes no event: a passphrase belongs to the laptop.
func (s *Store) SetPassphrase(ctx context.Context, userID model.ID, h PassphraseHash) error {
	if _, err := scanUser(dbRow(ctx, s.db), userID); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, upsertPassphrase, userID, h.Algorithm, h.Time, h.MemoryKiB, h.Threads, h.Salt, h.Key, model.FormatTime(s.Now()))
	return err
}

const upsertPassphrase = `INSERT INTO local_passphrases (user_id, algorithm, time_cost, memory_kib, threads, salt, hash, set_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (user_id) DO UPDATE SET algorithm = excluded.algorithm, time_cost = excluded.time_cost,
	memory_kib = excluded.memory_kib, threads = excluded.threads, salt = excluded.salt, hash = excluded.hash, set_at = excluded.set_at`

// SetPassphrase stores h as the passphrase of a user the batch creates, in
// the same transaction: a new user never exists on this laptop without one.
func (b *Batch) SetPassphrase(userID model.ID, h PassphraseHash) error {
	_, err := b.tx.ExecContext(b.ctx, upsertPassphrase, userID, h.Algorithm, h.Time, h.MemoryKiB, h.Threads, h.Salt, h.Key, model.FormatTime(b.now()))
	return err
}

// HasPassphrase reports whether the user has a passphrase on this laptop.
func (s *Store) HasPassphrase(ctx context.Context, userID model.ID) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM local_passphrases WHERE user_id = ?", userID).Scan(&n)
	return n > 0, err
}

// VerifyPassphrase compares p with the user's stored hash.
func (s *Store) VerifyPassphrase(ctx context.Context, userID model.ID, p string) (PassphraseCheck, error) {
	var h PassphraseHash
	err := s.db.QueryRowContext(ctx, "SELECT algorithm, time_cost, memory_kib, threads, salt, hash FROM local_passphrases WHERE user_id = ?", userID).
		Scan(&h.Algorithm, &h.Time, &h.MemoryKiB, &h.Threads, &h.Salt, &h.Key)
	if isNoRows(err) {
		return PassphraseNotSet, nil
	}
	if err != nil {
		return PassphraseWrong, err
	}
	if h.Matches(p) {
		return PassphraseOK, nil
	}
	return PassphraseWrong, nil
}
