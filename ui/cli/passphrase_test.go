package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yunwei/db"
)

// quickRefusals drops the pause after a wrong passphrase for one test.
func quickRefusals(t *testing.T) {
	old := wrongPassphraseDelay
	wrongPassphraseDelay = 0
	t.Cleanup(func() { wrongPassphraseDelay = old })
}

// events counts the events of the database at path.
func events(t *testing.T, path string) int64 {
	t.Helper()
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.EventCount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func env(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// --as another user needs their passphrase: none, or a wrong one, is
// refused with nothing written, in the user's language; the right one,
// from the environment or a file, is accepted.
func TestActingAsSomeoneElseNeedsTheirPassphrase(t *testing.T) {
	quickRefusals(t)
	path := demoDB(t)
	before := events(t, path)
	addCustomer := []string{"--db", path, "--as", "zhaoli", "customer", "add", "--name", "新客户"}
	refusals := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, addCustomer, "this needs the passphrase of zhaoli: give it with YUNWEI_PASSPHRASE=… or --passphrase-file FILE"},
		{env("LANG", "zh_CN.UTF-8"), addCustomer, "此操作需要 zhaoli 的口令：请用 YUNWEI_PASSPHRASE=…"},
		{env("YUNWEI_PASSPHRASE", "Demo"), addCustomer, "wrong passphrase for zhaoli: nothing was done"},
		{env("YUNWEI_PASSPHRASE", "demo "), addCustomer, "wrong passphrase for zhaoli"},
		{env("YUNWEI_PASSPHRASE", "wrong", "LANG", "zh_CN.UTF-8"), addCustomer, "zhaoli 的口令不对：未做任何操作"},
		{nil, []string{"--db", path, "--as", "lina", "ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", "x"}, "passphrase of lina"},
		{nil, []string{"--db", path, "--as", "lina", "user", "whoami"}, "passphrase of lina"},
		{env("YUNWEI_PASSPHRASE", "demo"), []string{"--db", path, "--as", "zhaoli", "--passphrase-file", filepath.Join(t.TempDir(), "none"), "user", "whoami"}, "does not exist"},
	}
	for _, c := range refusals {
		r := runCLI(t, c.env, c.args...)
		if r.code != ExitError || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v %v: exit %d, stderr %q, want %q", c.env, c.args, r.code, r.stderr, c.want)
		}
		if strings.Contains(r.stderr, "demo") && c.env["YUNWEI_PASSPHRASE"] != "" {
			t.Errorf("the refusal repeats the passphrase: %q", r.stderr)
		}
	}
	if after := events(t, path); after != before {
		t.Fatalf("refused commands wrote %d events", after-before)
	}
	// The right passphrase, from the environment; the file wins over it.
	if r := runCLI(t, env("YUNWEI_PASSPHRASE", "demo"), addCustomer...); r.code != 0 || !strings.Contains(r.stdout, "Saved: 新客户") {
		t.Fatalf("with the passphrase: %+v", r)
	}
	file := filepath.Join(t.TempDir(), "pass")
	os.WriteFile(file, []byte("demo\r\nthe second line is not read\n"), 0o600)
	r := runCLI(t, env("YUNWEI_PASSPHRASE", "wrong"), "--db", path, "--as", "zhaoli", "--passphrase-file", file, "user", "whoami")
	if r.code != 0 || !strings.Contains(r.stdout, "赵丽 (zhaoli)") {
		t.Fatalf("with --passphrase-file: %+v", r)
	}
	os.WriteFile(file, []byte("\n"), 0o600)
	if r := runCLI(t, nil, "--db", path, "--as", "zhaoli", "--passphrase-file", file, "user", "whoami"); r.code != ExitError || !strings.Contains(r.stderr, "is empty") {
		t.Fatalf("an empty passphrase file: %+v", r)
	}
	// The profile user acts without one, named or not.
	for _, args := range [][]string{{"user", "whoami"}, {"--as", "wangjg", "user", "whoami"}} {
		if r := runCLI(t, nil, append([]string{"--db", path}, args...)...); r.code != 0 || !strings.Contains(r.stdout, "wangjg") {
			t.Errorf("%v: %+v", args, r)
		}
	}
}

// Every demo user's passphrase is the one `yunwei demo` prints.
func TestDemoUsersShareTheDocumentedPassphrase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	r := runCLI(t, env("LANG", "zh_CN.UTF-8"), "demo", "--db", path, "--tickets", "5")
	if r.code != 0 || !strings.Contains(r.stdout, "所有演示用户的口令：demo") {
		t.Fatalf("demo: %+v", r)
	}
	for _, login := range []string{"wangjg", "lina", "chenming", "zhaoli"} {
		if r := runCLI(t, env("YUNWEI_PASSPHRASE", "demo"), "--db", path, "--as", login, "user", "whoami"); r.code != 0 || !strings.Contains(r.stdout, "("+login+")") {
			t.Errorf("--as %s with demo: %+v", login, r)
		}
	}
	r = runCLI(t, nil, "demo", "--db", filepath.Join(t.TempDir(), "en.db"), "--tickets", "1")
	if !strings.Contains(r.stdout, "Passphrase of every demo user: demo") {
		t.Errorf("demo in English: %q", r.stdout)
	}
}

// Making another user the profile is acting as them from then on: it needs
// their passphrase, and after it they act without one.
func TestUserUseNeedsThePassphrase(t *testing.T) {
	quickRefusals(t)
	path := demoDB(t)
	for _, e := range []map[string]string{nil, env("YUNWEI_PASSPHRASE", "lina")} {
		if r := runCLI(t, e, "--db", path, "user", "use", "lina"); r.code != ExitError || !strings.Contains(r.stderr, "passphrase") {
			t.Errorf("user use lina with %v: %+v", e, r)
		}
	}
	if r := runCLI(t, nil, "--db", path, "user", "whoami"); !strings.Contains(r.stdout, "wangjg") {
		t.Fatalf("a refused user use changed the profile: %q", r.stdout)
	}
	if r := runCLI(t, env("YUNWEI_PASSPHRASE", "demo"), "--db", path, "user", "use", "lina"); r.code != 0 {
		t.Fatalf("user use lina: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "user", "whoami"); r.code != 0 || !strings.Contains(r.stdout, "李娜 (lina)") {
		t.Fatalf("after user use: %+v", r)
	}
	// Back to wangjg needs wangjg's.
	if r := runCLI(t, nil, "--db", path, "user", "use", "wangjg"); r.code != ExitError {
		t.Fatalf("back to wangjg without a passphrase: %+v", r)
	}
}

// user add sets the new user's passphrase; without one it is refused and
// nothing is written. Two users with the same passphrase get different
// hashes.
func TestUserAddSetsThePassphrase(t *testing.T) {
	quickRefusals(t)
	path := filepath.Join(t.TempDir(), "new.db")
	add := []string{"--db", path, "user", "add", "--login", "zhang", "--name", "张工", "--roles", "engineer"}
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{nil, "zhang needs a passphrase: give it with YUNWEI_NEW_PASSPHRASE=… or --new-passphrase-file FILE"},
		{env("LANG", "zh_CN.UTF-8"), "需要为 zhang 设置口令"},
		{env("YUNWEI_NEW_PASSPHRASE", "abc"), "a passphrase needs at least 4 characters"},
		{env("YUNWEI_NEW_PASSPHRASE", "abc", "LANG", "zh_CN.UTF-8"), "口令至少需要 4 个字符"},
	} {
		if r := runCLI(t, c.env, add...); r.code != ExitError || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %+v, want %q", c.env, r, c.want)
		}
	}
	if n := events(t, path); n != 0 {
		t.Fatalf("refused user add wrote %d events", n)
	}
	if r := runCLI(t, env("YUNWEI_NEW_PASSPHRASE", "张工的口令"), add...); r.code != 0 {
		t.Fatalf("first user: %+v", r)
	}
	// The admin adds a colleague with the same passphrase, from a file.
	file := filepath.Join(t.TempDir(), "new")
	os.WriteFile(file, []byte("张工的口令\n"), 0o600)
	if r := runCLI(t, nil, "--db", path, "user", "add", "--login", "wang", "--name", "王工", "--roles", "engineer", "--new-passphrase-file", file); r.code != 0 {
		t.Fatalf("second user: %+v", r)
	}
	// What the command is refused for comes before the passphrase is
	// asked: a bad login, an engineer adding a user.
	if r := runCLI(t, nil, "--db", path, "user", "add", "--login", "Bad Login", "--name", "X", "--roles", "engineer"); r.code != ExitError || !strings.Contains(r.stderr, "is not valid") {
		t.Errorf("bad login: %+v", r)
	}
	if r := runCLI(t, env("YUNWEI_PASSPHRASE", "张工的口令"), "--db", path, "--as", "wang", "user", "add", "--login", "x", "--name", "X", "--roles", "engineer"); r.code != ExitError || !strings.Contains(r.stderr, "only an admin") {
		t.Errorf("an engineer adding a user: %+v", r)
	}
	if r := runCLI(t, env("YUNWEI_PASSPHRASE", "张工的口令"), "--db", path, "--as", "wang", "user", "whoami"); r.code != 0 || !strings.Contains(r.stdout, "(wang)") {
		t.Fatalf("--as wang: %+v", r)
	}
	// Only wang himself or an admin may set his passphrase: wang, as
	// engineer, not zhang's.
	if r := runCLI(t, env("YUNWEI_PASSPHRASE", "张工的口令", "YUNWEI_NEW_PASSPHRASE", "新口令四个"), "--db", path, "--as", "wang", "user", "passphrase", "zhang"); r.code != ExitError || !strings.Contains(r.stderr, "only zhang themselves or an admin") {
		t.Errorf("an engineer setting another's passphrase: %+v", r)
	}
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var distinct, rows int
	s.DB().QueryRow("SELECT count(DISTINCT hash), count(*) FROM local_passphrases").Scan(&distinct, &rows)
	if rows != 2 || distinct != 2 {
		t.Errorf("two users with one passphrase: %d rows, %d distinct hashes", rows, distinct)
	}
}

// user passphrase: users change their own with the old one; an admin sets
// anyone's with their own; a user with none cannot be acted as until one is
// set, and the refusal says how.
func TestUserPassphraseChangesAndSetsOne(t *testing.T) {
	quickRefusals(t)
	path := demoDB(t)
	own := []string{"--db", path, "user", "passphrase", "wangjg"}
	if r := runCLI(t, env("YUNWEI_NEW_PASSPHRASE", "新的口令"), own...); r.code != ExitError || !strings.Contains(r.stderr, "passphrase of wangjg") {
		t.Errorf("changing one's own without the old one: %+v", r)
	}
	if r := runCLI(t, env("YUNWEI_PASSPHRASE", "old?", "YUNWEI_NEW_PASSPHRASE", "新的口令"), own...); r.code != ExitError || !strings.Contains(r.stderr, "wrong passphrase") {
		t.Errorf("changing one's own with a wrong old one: %+v", r)
	}
	if r := runCLI(t, env("YUNWEI_PASSPHRASE", "demo", "YUNWEI_NEW_PASSPHRASE", "新的口令", "LANG", "zh_CN.UTF-8"), own...); r.code != 0 || !strings.Contains(r.stdout, "已保存 wangjg 的口令。") {
		t.Fatalf("changing one's own: %+v", r)
	}
	whoami := func(e map[string]string, login string) run {
		return runCLI(t, e, "--db", path, "--as", login, "user", "whoami")
	}
	mustRun(t, path, "user", "use", "lina")
	if r := whoami(env("YUNWEI_PASSPHRASE", "新的口令"), "wangjg"); r.code != 0 {
		t.Errorf("the new passphrase: %+v", r)
	}
	if r := whoami(env("YUNWEI_PASSPHRASE", "demo"), "wangjg"); r.code != ExitError {
		t.Errorf("the old passphrase still works: %+v", r)
	}
	// A user with no passphrase on this laptop (one synced from another
	// device, say) cannot be acted as; an admin sets one.
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	chen, _ := s.FindUser(context.Background(), "chenming")
	s.DB().Exec("DELETE FROM local_passphrases WHERE user_id = ?", chen.ID)
	s.Close()
	for _, c := range []struct {
		lang, want string
	}{
		{"en", "chenming has no passphrase on this laptop yet, so no one can act as them here: an admin sets one with yunwei user passphrase chenming"},
		{"zh", "chenming 在这台电脑上还没有口令，因此不能以其身份操作：请管理员用 yunwei user passphrase chenming 设置"},
	} {
		if r := whoami(env("YUNWEI_PASSPHRASE", "demo", "LANG", c.lang), "chenming"); r.code != ExitError || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s: %+v", c.lang, r)
		}
	}
	// lina (profile now) is no admin; zhaoli is, and confirms with her own.
	if r := runCLI(t, env("YUNWEI_NEW_PASSPHRASE", "陈明的口令"), "--db", path, "user", "passphrase", "chenming"); r.code != ExitError || !strings.Contains(r.stderr, "or an admin") {
		t.Errorf("a non-admin setting another's: %+v", r)
	}
	if r := runCLI(t, env("YUNWEI_PASSPHRASE", "demo", "YUNWEI_NEW_PASSPHRASE", "陈明的口令"), "--db", path, "--as", "zhaoli", "user", "passphrase", "chenming", "--json"); r.code != 0 || !strings.Contains(r.stdout, `"chenming"`) {
		t.Fatalf("an admin setting one: %+v", r)
	}
	if r := whoami(env("YUNWEI_PASSPHRASE", "陈明的口令"), "chenming"); r.code != 0 {
		t.Errorf("after the admin set it: %+v", r)
	}
}

// On a terminal the passphrase is asked, naming whose; a new one is typed
// twice and must match.
func TestPassphrasePrompts(t *testing.T) {
	quickRefusals(t)
	path := demoDB(t)
	prompt := func(answers ...string) (*App, *[]string, *bytes.Buffer, *bytes.Buffer) {
		var asked []string
		var out, errOut bytes.Buffer
		a := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test", Getenv: func(string) string { return "" },
			askSecret: func(_ context.Context, p string) (string, error) {
				asked = append(asked, p)
				if len(answers) == 0 {
					return "", errors.New("no more answers")
				}
				a := answers[0]
				answers = answers[1:]
				return a, nil
			}}
		return a, &asked, &out, &errOut
	}
	a, asked, out, _ := prompt("demo")
	if code := a.Run(context.Background(), []string{"--db", path, "--as", "lina", "user", "whoami"}); code != 0 || !strings.Contains(out.String(), "李娜 (lina)") {
		t.Fatalf("asked and answered: %d %q", code, out.String())
	}
	if len(*asked) != 1 || (*asked)[0] != "Passphrase of 李娜 (lina): " {
		t.Errorf("asked %q", *asked)
	}
	// --as and the change of one's own passphrase ask once.
	a, asked, _, _ = prompt("demo", "新口令一二", "新口令一二")
	if code := a.Run(context.Background(), []string{"--db", path, "--lang", "zh", "--as", "lina", "user", "passphrase", "lina"}); code != 0 {
		t.Fatalf("changing lina's: %d", code)
	}
	if want := []string{"李娜（lina）的口令：", "李娜（lina）的新口令：", "再输入一次："}; strings.Join(*asked, "|") != strings.Join(want, "|") {
		t.Errorf("asked %q, want %q", *asked, want)
	}
	a, _, _, errOut := prompt("demo", "新口令一二", "新口令一三")
	if code := a.Run(context.Background(), []string{"--db", path, "--as", "zhaoli", "user", "passphrase", "lina"}); code != ExitError || !strings.Contains(errOut.String(), "the two passphrases differ") {
		t.Errorf("two different new passphrases: %d %q", code, errOut.String())
	}
	a, _, _, errOut = prompt("nope")
	if code := a.Run(context.Background(), []string{"--db", path, "--as", "lina", "user", "whoami"}); code != ExitError || !strings.Contains(errOut.String(), "wrong passphrase for lina") {
		t.Errorf("a wrong answer: %d %q", code, errOut.String())
	}
	// The run is refused without the passphrase when no terminal asks.
	if r := runCLI(t, nil, "--db", path, "--as", "lina", "user", "whoami"); r.code != ExitError || !strings.Contains(r.stderr, "run the command in a terminal") {
		t.Errorf("no terminal: %+v", r)
	}
}
