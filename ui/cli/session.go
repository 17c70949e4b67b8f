package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
)

// Session is what every command knows: the global options, the program's
// streams and environment, and, once opened, the store.
type Session struct {
	DBPath string
	Lang   i18n.Lang
	As     string // --as: a login or id; empty means the DB's profile user
	// PassphraseFile is --passphrase-file: the file whose first line is
	// the passphrase of the user --as names (else YUNWEI_PASSPHRASE, else
	// the terminal asks).
	PassphraseFile string
	// Actor is the user --as named, once their passphrase was checked: the
	// command line fills it before it starts the terminal UI.
	Actor model.User
	// Store is the database, opened once for the whole run; the command
	// line closes it when the command returns.
	Store *db.Store
	// Headless runs of the terminal UI (DESIGN §8), for benchmarks and
	// tests: --first-frame prints the queue's first full frame and exits;
	// --keys replays a key script off-screen and prints the final frame;
	// --size is their terminal size, WxH.
	FirstFrame bool
	Keys       string
	Size       string
	// The program's streams and environment, as it was started with them:
	// nothing below the command line reads the process's own.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// open opens the session's database for a command, creating the default
// one on first use.
func (a *App) open(ctx context.Context) (*db.Store, error) { return a.openOnce(ctx, false) }

// openOnce opens the database the first time it is asked for, with the
// setting of the run: interactive for the terminal UI (no memory map, a
// small page cache; see db.OpenInteractive), the commands' otherwise. The
// run decides before anything opens it, so the file is opened, and
// migrated, once per process.
func (a *App) openOnce(ctx context.Context, interactive bool) (*db.Store, error) {
	if a.session.Store != nil {
		return a.session.Store, nil
	}
	path := a.session.DBPath
	if path == "" {
		var err error
		if path, err = DefaultDBPath(a.Getenv); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, model.Errorf(model.EINVALID, "cannot create %s: %v; pass --db PATH", filepath.Dir(path), err)
		}
	}
	openStore := a.openStore
	if openStore == nil {
		openStore = openDB
	}
	s, err := openStore(ctx, path, interactive)
	if err != nil {
		return nil, err
	}
	a.session.DBPath, a.session.Store = path, s
	return s, nil
}

func openDB(ctx context.Context, path string, interactive bool) (*db.Store, error) {
	if interactive {
		return db.OpenInteractive(ctx, path)
	}
	return db.Open(ctx, path)
}

// actor resolves who acts: --as, else the DB's profile user. The profile
// user acts without a passphrase, the laptop's own login being the guard;
// --as naming anyone else needs that user's passphrase (DESIGN §5), asked
// once per run.
func (a *App) actor(ctx context.Context) (model.User, error) {
	if a.acting != nil {
		return *a.acting, nil
	}
	s, err := a.open(ctx)
	if err != nil {
		return model.User{}, err
	}
	profile, perr := s.Profile(ctx)
	if perr != nil && model.ErrorCode(perr) != model.ENOTFOUND {
		return model.User{}, perr
	}
	if a.session.As != "" {
		u, err := s.FindUser(ctx, a.session.As)
		if err != nil {
			return u, err
		}
		if perr != nil || u.ID != profile.ID {
			if err := a.unlock(ctx, s, u); err != nil {
				return model.User{}, err
			}
		}
		a.acting = &u
		return u, nil
	}
	if perr != nil {
		return profile, model.Errorf(model.EUNAUTHORIZED, "no user is set up on %s: add yourself with yunwei user add --login LOGIN --name NAME --roles engineer, or pass --as LOGIN", s.Path())
	}
	a.acting = &profile
	return profile, nil
}

// DefaultDBPath is yunwei.db in the user data directory: $XDG_DATA_HOME or
// ~/.local/share on Linux, ~/Library/Application Support on macOS,
// %LocalAppData% on Windows.
func DefaultDBPath(getenv func(string) string) (string, error) {
	var base string
	switch runtime.GOOS {
	case "windows":
		base = getenv("LocalAppData")
	case "darwin":
		if h := getenv("HOME"); h != "" {
			base = filepath.Join(h, "Library", "Application Support")
		}
	default:
		base = getenv("XDG_DATA_HOME")
		if base == "" && getenv("HOME") != "" {
			base = filepath.Join(getenv("HOME"), ".local", "share")
		}
	}
	if base == "" {
		return "", model.Errorf(model.EINVALID, "cannot find a user data folder (HOME is not set): pass --db PATH")
	}
	return filepath.Join(base, "yunwei", "yunwei.db"), nil
}
