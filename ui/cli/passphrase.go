package cli

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"yunwei/db"
	"yunwei/model"
)

// Acting as another vendor user on this laptop needs their passphrase
// (DESIGN §5). Scripts give it with --passphrase-file FILE (its first line)
// or YUNWEI_PASSPHRASE; otherwise the terminal asks, without echo. A new
// passphrase (user add, user passphrase) comes the same way from
// --new-passphrase-file or YUNWEI_NEW_PASSPHRASE, or is typed twice.

// The environment variables that give passphrases to scripts.
const (
	envPassphrase    = "YUNWEI_PASSPHRASE"
	envNewPassphrase = "YUNWEI_NEW_PASSPHRASE"
)

// wrongPassphraseDelay slows down guessing at the prompt beyond the cost of
// the hash itself.
var wrongPassphraseDelay = 700 * time.Millisecond

// unlock checks that whoever runs the command knows u's passphrase: from
// the passphrase file, the environment or the terminal. Nothing has been
// written when it refuses.
func (a *App) unlock(ctx context.Context, s *db.Store, u model.User) error {
	if a.unlocked[u.ID] {
		return nil
	}
	has, err := s.HasPassphrase(ctx, u.ID)
	if err != nil {
		return err
	}
	if !has {
		return model.Errorf(model.EUNAUTHORIZED, "%s has no passphrase on this laptop yet, so no one can act as them here: an admin sets one with yunwei user passphrase %s", u.Login, u.Login)
	}
	p, err := a.givenPassphrase(ctx, u)
	if err != nil {
		return err
	}
	check, err := s.VerifyPassphrase(ctx, u.ID, p)
	if err != nil {
		return err
	}
	if check != db.PassphraseOK {
		select {
		case <-time.After(wrongPassphraseDelay):
		case <-ctx.Done():
		}
		return model.Errorf(model.EUNAUTHORIZED, "wrong passphrase for %s: nothing was done", u.Login)
	}
	if a.unlocked == nil {
		a.unlocked = map[model.ID]bool{}
	}
	a.unlocked[u.ID] = true
	return nil
}

// givenPassphrase is u's passphrase as the run gives it: the first line of
// --passphrase-file, else YUNWEI_PASSPHRASE, else typed at the terminal.
func (a *App) givenPassphrase(ctx context.Context, u model.User) (string, error) {
	if f := a.session.PassphraseFile; f != "" {
		return firstLine(f)
	}
	if p := a.Getenv(envPassphrase); p != "" {
		return p, nil
	}
	ask := a.secretPrompt()
	if ask == nil {
		return "", model.Errorf(model.EUNAUTHORIZED, "this needs the passphrase of %s: give it with YUNWEI_PASSPHRASE=… or --passphrase-file FILE, or run the command in a terminal to be asked", u.Login)
	}
	return ask(ctx, a.session.Lang.Tf("Passphrase of %s (%s): ", u.Name, u.Login))
}

// newPassphrase is the new passphrase for u: the first line of file (the
// command's --new-passphrase-file), else YUNWEI_NEW_PASSPHRASE, else typed
// twice at the terminal. It is checked, not yet hashed.
func (a *App) newPassphrase(ctx context.Context, file string, u model.User) (string, error) {
	var p string
	var err error
	switch {
	case file != "":
		p, err = firstLine(file)
	case a.Getenv(envNewPassphrase) != "":
		p = a.Getenv(envNewPassphrase)
	default:
		ask := a.secretPrompt()
		if ask == nil {
			return "", model.Errorf(model.EINVALID, "%s needs a passphrase: give it with YUNWEI_NEW_PASSPHRASE=… or --new-passphrase-file FILE, or run the command in a terminal to type it", u.Login)
		}
		if p, err = ask(ctx, a.session.Lang.Tf("New passphrase of %s (%s): ", u.Name, u.Login)); err != nil {
			return "", err
		}
		if err := db.CheckPassphrase(p); err != nil {
			return "", err
		}
		again, err := ask(ctx, a.session.Lang.T("Type it again: "))
		if err != nil {
			return "", err
		}
		if again != p {
			return "", model.Errorf(model.EINVALID, "the two passphrases differ: nothing was saved")
		}
	}
	if err != nil {
		return "", err
	}
	return p, db.CheckPassphrase(p)
}

// firstLine reads the passphrase from a file: its first line, without the
// line end. Only the first few kilobytes are read.
func firstLine(path string) (string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", model.Errorf(model.EINVALID, "the passphrase file %s does not exist", path)
	}
	if err != nil {
		return "", model.Errorf(model.EINVALID, "cannot read the passphrase file %s: check its permissions", path)
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, db.MaxPassphraseBytes+2)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", model.Errorf(model.EINVALID, "cannot read the passphrase file %s: check its permissions", path)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", model.Errorf(model.EINVALID, "the passphrase file %s is empty: its first line is the passphrase", path)
	}
	return line, nil
}

// secretPrompt is how this run asks for a passphrase: the test's hook, or
// the program's own terminal (its standard input, prompting on standard
// error) read without echo; nil when there is no terminal to ask.
func (a *App) secretPrompt() func(ctx context.Context, prompt string) (string, error) {
	if a.askSecret != nil {
		return a.askSecret
	}
	in, ok := a.Stdin.(interface{ Fd() uintptr })
	if !ok || !term.IsTerminal(in.Fd()) {
		return nil
	}
	return func(ctx context.Context, prompt string) (string, error) {
		return readSecret(ctx, in.Fd(), a.Stderr, prompt)
	}
}

// readSecret prompts on out and reads one line from the terminal fd with
// echo off. Ctrl-C ends the run's context, not the read: the terminal's
// state is then restored and the prompt gives up, so the echo is never left
// off.
func readSecret(ctx context.Context, fd uintptr, out io.Writer, prompt string) (string, error) {
	state, err := term.GetState(fd)
	if err != nil {
		return "", err
	}
	io.WriteString(out, prompt)
	type read struct {
		b   []byte
		err error
	}
	done := make(chan read, 1)
	go func() {
		b, err := term.ReadPassword(fd)
		done <- read{b, err}
	}()
	select {
	case r := <-done:
		io.WriteString(out, "\n")
		if r.err != nil {
			return "", model.Errorf(model.EINVALID, "cannot read the passphrase from the terminal: give it with YUNWEI_PASSPHRASE=… or --passphrase-file FILE")
		}
		return string(r.b), nil
	case <-ctx.Done():
		term.Restore(fd, state)
		io.WriteString(out, "\n")
		return "", model.Errorf(model.EINVALID, "cancelled at the passphrase: nothing was done")
	}
}
