package db

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"yunwei/flows/directory"
	"yunwei/model"
)

// A passphrase is kept only as an argon2id hash with its own random salt and
// cost: the table never holds the text, and two users with the same
// passphrase get different hashes.
func TestPassphraseIsStoredAsASaltedArgon2Hash(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []model.ID
	for i, login := range []string{"zhang", "li"} {
		u := model.User{ID: model.NewID(), Login: login, Name: login, Roles: model.Roles{model.RoleEngineer}}
		acting := Acting{UserID: u.ID}
		if i > 0 {
			acting.UserID = ids[0]
		}
		h, err := HashPassphrase("同一个口令 secret")
		if err != nil {
			t.Fatal(err)
		}
		err = s.Batch(ctx, func(b *Batch) error {
			if _, err := b.Execute(acting, directory.SaveUser{User: u}); err != nil {
				return err
			}
			return b.SetPassphrase(u.ID, h)
		})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, u.ID)
	}
	rows, err := s.DB().Query("SELECT algorithm, time_cost, memory_kib, threads, salt, hash FROM local_passphrases ORDER BY user_id")
	if err != nil {
		t.Fatal(err)
	}
	var salts, keys [][]byte
	for rows.Next() {
		var alg string
		var tc, mem, th int
		var salt, key []byte
		if err := rows.Scan(&alg, &tc, &mem, &th, &salt, &key); err != nil {
			t.Fatal(err)
		}
		if alg != "argon2id" || tc < 1 || mem < 8*1024 || th < 1 || len(salt) != 16 || len(key) != 32 {
			t.Errorf("stored %s t=%d m=%d p=%d, salt %d bytes, hash %d bytes", alg, tc, mem, th, len(salt), len(key))
		}
		salts, keys = append(salts, salt), append(keys, key)
	}
	rows.Close()
	if len(keys) != 2 || bytes.Equal(salts[0], salts[1]) || bytes.Equal(keys[0], keys[1]) {
		t.Fatalf("two users with one passphrase: salts %x, hashes %x", salts, keys)
	}
	// No column of the table holds the passphrase, in any encoding.
	var dump []byte
	if err := s.DB().QueryRow("SELECT group_concat(algorithm || set_at || hex(salt) || hex(hash) || salt || hash) FROM local_passphrases").Scan(&dump); err != nil {
		t.Fatal(err)
	}
	for _, plain := range [][]byte{[]byte("同一个口令"), []byte("secret")} {
		if bytes.Contains(dump, plain) || bytes.Contains(dump, []byte(strings.ToUpper(hex.EncodeToString(plain)))) {
			t.Errorf("the table holds %q", plain)
		}
	}
	for _, c := range []struct {
		p    string
		want PassphraseCheck
	}{{"同一个口令 secret", PassphraseOK}, {"同一个口令 secreT", PassphraseWrong}, {"", PassphraseWrong}} {
		if got, err := s.VerifyPassphrase(ctx, ids[1], c.p); err != nil || got != c.want {
			t.Errorf("verify %q: %v %v, want %v", c.p, got, err, c.want)
		}
	}
	if got, _ := s.VerifyPassphrase(ctx, model.NewID(), "x"); got != PassphraseNotSet {
		t.Errorf("a user without a passphrase: %v", got)
	}
	// A rebuild of the projections keeps the laptop's passphrases.
	if err := s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.VerifyPassphrase(ctx, ids[0], "同一个口令 secret"); got != PassphraseOK {
		t.Errorf("after a rebuild: %v", got)
	}
}

// The cost of one hash, the figure PassphraseCost's comment gives.
func BenchmarkHashPassphrase(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassphrase("demo"); err != nil {
			b.Fatal(err)
		}
	}
}

// Too short, too long or not text: refused before anything is hashed.
func TestPassphraseRules(t *testing.T) {
	for _, p := range []string{"", "abc", "口令", strings.Repeat("x", MaxPassphraseBytes+1), "ab\xffcd"} {
		if _, err := HashPassphrase(p); model.ErrorCode(err) != model.EINVALID {
			t.Errorf("%q: %v", p, err)
		}
	}
	start := time.Now()
	if _, err := HashPassphrase("四个汉字"); err != nil {
		t.Fatalf("four CJK characters: %v", err)
	}
	t.Logf("one hash: %v", time.Since(start))
	// A stored cost edited to an absurd one is refused, not run.
	h, _ := HashPassphrase("demo")
	h.Time = 1 << 30
	if h.Matches("demo") {
		t.Error("an absurd cost was run")
	}
}

// A database from before passphrases gains their table when opened, and
// keeps its events.
func TestOlderDatabaseGainsThePassphraseTable(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	// A database as a yunwei before the passphrases wrote it: the
	// migrations before 0006 only.
	old, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	last := 0
	for _, m := range ms {
		if m.version >= 6 {
			break
		}
		if _, err := old.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		last = m.version
	}
	// Every database that was ever opened has its device.
	if _, err := old.Exec("INSERT INTO local_device (singleton, id, code, last_seq, hlc, created_at) VALUES (1, ?, 'OLD', 0, 0, '2026-01-01T00:00:00.000Z')", model.NewID()); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", last, ApplicationID)); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u := model.User{ID: model.NewID(), Login: "zhang", Name: "张工", Roles: model.Roles{model.RoleEngineer}}
	if _, err := s.Execute(ctx, Acting{UserID: u.ID}, directory.SaveUser{User: u}); err != nil {
		t.Fatal(err)
	}
	if has, err := s.HasPassphrase(ctx, u.ID); err != nil || has {
		t.Fatalf("after the upgrade: %v %v", has, err)
	}
	h, _ := HashPassphrase("张工的口令")
	if err := s.SetPassphrase(ctx, u.ID, h); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.VerifyPassphrase(ctx, u.ID, "张工的口令"); got != PassphraseOK {
		t.Errorf("verify after the upgrade: %v", got)
	}
	if n, _ := s.EventCount(ctx); n != 1 {
		t.Errorf("%d events after the upgrade, want 1", n)
	}
	if err := s.SetPassphrase(ctx, model.NewID(), h); model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("a passphrase for nobody: %v", err)
	}
}
