//go:build unix

package db

import "syscall"

// dirWritable reports whether this process may create files in dir (for
// root, always, unless the file system itself is read-only).
func dirWritable(dir string) bool {
	return syscall.Access(dir, 0x2 /* W_OK */) == nil
}
