package db

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Scratch files (check's copy of the database, demo's database being built)
// carry the id of the process that made it in their name: prefix-PID-RANDOM.
// The process removes its own on every way out it has (a cancelled context
// included); one that was killed cannot, so the next run removes those of
// processes that are gone.

// ScratchPath is a new scratch file name in dir, made of prefix, this
// process's id and a random part.
func ScratchPath(dir, prefix string) string {
	var b [6]byte
	rand.Read(b[:])
	return filepath.Join(dir, fmt.Sprintf("%s%d-%s", prefix, os.Getpid(), hex.EncodeToString(b[:])))
}

// RemoveStaleScratch removes the scratch files in dir named with prefix
// whose process is gone, with their -wal, -shm and -journal files. Names
// of older versions (prefix then a random part, no process id) are removed
// once an hour old.
func RemoveStaleScratch(dir, prefix string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		m := filepath.Join(dir, e.Name())
		rest := strings.TrimPrefix(e.Name(), prefix)
		pidText, _, hasPID := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		switch {
		case hasPID && err == nil:
			if pid == os.Getpid() || processAlive(pid) {
				continue
			}
		default:
			st, err := os.Stat(m)
			if err != nil || time.Since(st.ModTime()) < time.Hour {
				continue
			}
		}
		os.RemoveAll(m)
	}
}

// removeScratch removes a scratch database and the files SQLite keeps
// beside it.
func removeScratch(path string) {
	for _, side := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + side)
	}
}
