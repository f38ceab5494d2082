package node

import (
	"syscall"
	"unsafe"
)

type winsize struct{ rows, cols, x, y uint16 }

func isatty(fd int) bool {
	var ws winsize
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&ws)))
	if e == 0 {
		return true
	}
	var t syscall.Termios
	_, _, e = syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return e == 0
}

func windowSize(fd int) (cols, rows int, ok bool) {
	var ws winsize
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&ws)))
	if e != 0 {
		return 0, 0, false
	}
	return int(ws.cols), int(ws.rows), true
}
