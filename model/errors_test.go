package model

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"
	"testing"

	"yunwei/model/i18n"
)

// An error that is not an *Error shows a generic text in the user's
// language, or the cause they can act on; its own words go to the debug
// log (slog at debug level), never to the screen.
func TestErrorTextHidesWhatIsNotTheUsers(t *testing.T) {
	var log bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer slog.SetDefault(prev)

	raw := fmt.Errorf("update projection: %w", errors.New("sqlite: constraint failed: UNIQUE constraint failed: tickets.number (2067)"))
	cases := []struct {
		err      error
		en, zh   string
		inTheLog string
	}{
		{raw, InternalMessage, "内部错误：操作未完成", "UNIQUE constraint failed"},
		{fmt.Errorf("open: %w", fs.ErrPermission), "permission denied", "权限不足", "permission denied"},
		{Errorf(EINVALID, "cannot read %s: %s", "a.txt", fmt.Errorf("open a.txt: %w", fs.ErrNotExist)), "cannot read a.txt: it does not exist", "无法读取 a.txt：不存在", "open a.txt: file does not exist"},
		{Errorf(EINVALID, "ticket %s exists already", "T-1"), "ticket T-1 exists already", "工单 T-1 已存在", ""},
	}
	for _, c := range cases {
		log.Reset()
		en, zh := ErrorText(c.err, i18n.En), ErrorText(c.err, i18n.Zh)
		if !strings.Contains(en, c.en) || !strings.Contains(zh, c.zh) {
			t.Errorf("%v: en %q, zh %q", c.err, en, zh)
		}
		for _, s := range []string{en, zh} {
			if strings.Contains(s, "sqlite") || strings.Contains(s, "UNIQUE") || strings.Contains(s, "file does not exist") {
				t.Errorf("%v: shown %q", c.err, s)
			}
		}
		if !strings.Contains(log.String(), c.inTheLog) {
			t.Errorf("%v: the debug log holds %q", c.err, log.String())
		}
	}
}
