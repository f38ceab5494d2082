package node

import (
	"fmt"
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair and returns the terminal side.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("ptsname: %v", err)
	}
	slave, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("opening the terminal side: %v", err)
	}
	t.Cleanup(func() { slave.Close() })
	return slave
}

func TestSetRawModeAndRestore(t *testing.T) {
	tty := openPTY(t)
	fd := int(tty.Fd())
	if !isatty(fd) {
		t.Fatal("isatty(pty) = false")
	}
	before, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if before.Lflag&(unix.ICANON|unix.ECHO) == 0 {
		t.Fatal("a new terminal should start in canonical mode with echo")
	}
	st := &ttyState{saved: map[int]*unix.Termios{}}
	if err := setRawMode(st, fd, true); err != nil {
		t.Fatal(err)
	}
	raw, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if raw.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG|unix.IEXTEN) != 0 {
		t.Errorf("raw mode left lflag %#x", raw.Lflag)
	}
	if raw.Iflag&(unix.ICRNL|unix.IXON) != 0 {
		t.Errorf("raw mode left iflag %#x", raw.Iflag)
	}
	if raw.Cc[unix.VMIN] != 1 || raw.Cc[unix.VTIME] != 0 {
		t.Errorf("raw mode VMIN/VTIME = %d/%d, want 1/0", raw.Cc[unix.VMIN], raw.Cc[unix.VTIME])
	}
	// Setting raw twice keeps the first saved mode.
	if err := setRawMode(st, fd, true); err != nil {
		t.Fatal(err)
	}
	if err := setRawMode(st, fd, false); err != nil {
		t.Fatal(err)
	}
	after, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if after.Lflag != before.Lflag || after.Iflag != before.Iflag || after.Oflag != before.Oflag {
		t.Errorf("mode not restored: lflag %#x/%#x iflag %#x/%#x", after.Lflag, before.Lflag, after.Iflag, before.Iflag)
	}
}

func TestSetRawModeOnNonTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "notatty")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isatty(int(f.Fd())) {
		t.Fatal("isatty(file) = true")
	}
	st := &ttyState{saved: map[int]*unix.Termios{}}
	if err := setRawMode(st, int(f.Fd()), true); err == nil {
		t.Fatal("setRawMode on a file succeeded")
	}
}
