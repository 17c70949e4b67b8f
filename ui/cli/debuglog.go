package cli

import (
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"yunwei/model"
)

// The debug log: where the detail of an error goes that a user is shown
// only in general words (model.LogInternal), and what a failed command
// was. It is written only when DEBUG is set (house style: log/slog to a
// file), so a run without it leaves no file behind.

// debugLogPath is the file DEBUG names: for 1, true, yes or on,
// debug.log in yunwei's folder of the user cache directory; for 0, false,
// no, off or nothing, none; anything else is the path of the file.
func debugLogPath(getenv func(string) string) string {
	v := strings.TrimSpace(getenv("DEBUG"))
	switch strings.ToLower(v) {
	case "", "0", "false", "no", "off":
		return ""
	case "1", "true", "yes", "on":
	default:
		return v
	}
	var base string
	switch runtime.GOOS {
	case "windows":
		base = getenv("LocalAppData")
	case "darwin":
		if h := getenv("HOME"); h != "" {
			base = filepath.Join(h, "Library", "Caches")
		}
	default:
		base = getenv("XDG_CACHE_HOME")
		if base == "" && getenv("HOME") != "" {
			base = filepath.Join(getenv("HOME"), ".cache")
		}
	}
	if base == "" {
		return "yunwei-debug.log" // no home: the working folder
	}
	return filepath.Join(base, "yunwei", "debug.log")
}

// startDebugLog points slog's default logger at the debug log while a run
// lasts, when DEBUG asks for one; stop puts the previous logger back and
// closes the file. A log that cannot be opened is said on stderr, and the
// run goes on without it.
func (a *App) startDebugLog() (stop func()) {
	path := debugLogPath(a.Getenv)
	if path == "" {
		return func() {}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		a.warnDebugLog(path, err)
		return func() {}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		a.warnDebugLog(path, err)
		return func() {}
	}
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug})))
	slog.Debug("yunwei started", "version", a.Version, "pid", os.Getpid())
	return func() {
		slog.SetDefault(prev)
		f.Close()
	}
}

func (a *App) warnDebugLog(path string, err error) {
	msg := model.Errorf(model.EINVALID, "cannot write the debug log %s: %s; DEBUG names it", path, err)
	printLine(a.Stderr, "yunwei: %s", model.ErrorText(msg, a.session.Lang))
}
