//go:build !linux

package main

import "os"

// stdinIsTTY tells whether standard input is a terminal (a character
// device here), as node checks to decide between reading a script from
// stdin and starting the REPL.
func stdinIsTTY() bool {
	fi, err := os.Stdin.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
