//go:build !linux

package qjs

import "time"

func threadCPU() (time.Duration, bool) { return 0, false }
