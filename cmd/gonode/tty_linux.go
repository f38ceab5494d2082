package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// stdinIsTTY tells whether standard input is a terminal, as node checks
// to decide between reading a script from stdin and starting the REPL.
func stdinIsTTY() bool {
	_, err := unix.IoctlGetTermios(int(os.Stdin.Fd()), unix.TCGETS)
	return err == nil
}
