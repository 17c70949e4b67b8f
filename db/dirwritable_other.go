//go:build !unix

package db

// dirWritable reports whether this process may create files in dir; on
// systems without access(2) a folder is taken as writable and SQLite's own
// error answers otherwise.
func dirWritable(dir string) bool { return true }
