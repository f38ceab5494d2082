package node

import "syscall"

// gettid returns the id of the calling OS thread.
func gettid() int { return syscall.Gettid() }
