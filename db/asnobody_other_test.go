//go:build !linux

package db

import "os/exec"

// asNobody leaves cmd as it is: only Linux tests run as root.
func asNobody(cmd *exec.Cmd) {}
