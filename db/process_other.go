//go:build !unix

package db

import "os"

// processAlive reports whether a process with this id exists: on Windows
// finding a process opens it, which fails for one that is gone.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
