//go:build unix

package db

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this id exists (one of
// another user, which may not be signalled, exists too).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
