package process

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLookPath(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "tool")
	os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755)
	noexec := filepath.Join(dir, "data")
	os.WriteFile(noexec, []byte("x"), 0o644)
	env := []string{"PATH=/nonexistent:" + dir}
	if p, err := lookPath("tool", env); err != nil || p != exe {
		t.Errorf("lookPath(tool) = %q, %v", p, err)
	}
	if _, err := lookPath("data", env); err != syscall.EACCES {
		t.Errorf("lookPath(data) error %v, want EACCES", err)
	}
	if _, err := lookPath("missing", env); err != syscall.ENOENT {
		t.Errorf("lookPath(missing) error %v, want ENOENT", err)
	}
	if p, _ := lookPath("./rel/x", env); p != "./rel/x" {
		t.Errorf("a path with a slash is used as is, got %q", p)
	}
}

func TestSignalName(t *testing.T) {
	if SignalName(syscall.SIGTERM) != "SIGTERM" || SignalName(syscall.SIGKILL) != "SIGKILL" || SignalName(99) != "" {
		t.Error("signal names")
	}
}

func pipes3() []stdioSpec {
	return []stdioSpec{{kind: "pipe"}, {kind: "pipe"}, {kind: "pipe"}}
}

func TestRunSync(t *testing.T) {
	b := &procBinding{pipes: map[int64]*pipe{}}
	r := runSync(b, &spawnOpts{
		file: "/bin/sh", args: []string{"sh", "-c", "cat; echo err >&2; exit 3"},
		env: os.Environ(), stdio: pipes3(), input: []byte("in"), uid: -1, gid: -1,
	})
	if r.errno != 0 || r.status != 3 || r.signal != "" || string(r.output[1].buf) != "in" ||
		string(r.output[2].buf) != "err\n" || r.output[0] != nil {
		t.Errorf("unexpected result %+v", r)
	}

	start := time.Now()
	r = runSync(b, &spawnOpts{
		file: "/bin/sh", args: []string{"sh", "-c", "sleep 10"}, env: os.Environ(), stdio: pipes3(),
		timeout: 50 * time.Millisecond, killSignal: syscall.SIGKILL, uid: -1, gid: -1,
	})
	if r.errno != -int(syscall.ETIMEDOUT) || r.signal != "SIGKILL" || time.Since(start) > 5*time.Second {
		t.Errorf("timeout: %+v", r)
	}

	r = runSync(b, &spawnOpts{file: "no-such-command-gonode", env: []string{"PATH=/nonexistent"}, stdio: pipes3(), uid: -1, gid: -1})
	if r.errno != -int(syscall.ENOENT) || r.started {
		t.Errorf("ENOENT: %+v", r)
	}

	r = runSync(b, &spawnOpts{
		file: "/bin/sh", args: []string{"sh", "-c", "pwd; echo $0"}, env: os.Environ(), cwd: "/",
		stdio: pipes3(), uid: -1, gid: -1,
	})
	if got := string(r.output[1].buf); got != "/\nsh\n" {
		t.Errorf("cwd and argv0: %q", got)
	}

	r = runSync(b, &spawnOpts{
		file: "/bin/sh", args: []string{"sh", "-c", "yes | head -c 100000"}, env: os.Environ(),
		stdio: pipes3(), maxBuffer: 1000, killSignal: syscall.SIGTERM, uid: -1, gid: -1,
	})
	if r.errno != -int(syscall.ENOBUFS) {
		t.Errorf("maxBuffer: errno %d", r.errno)
	}
	if !strings.HasPrefix(string(r.output[1].buf), "y\ny\n") {
		t.Errorf("maxBuffer output %q", r.output[1].buf[:10])
	}
}

// TestPassFd sends a descriptor over an IPC socket pair as the channel
// does (SCM_RIGHTS with the first byte of a message) and checks that the
// receiver gets the bytes and a descriptor of the same file.
func TestPassFd(t *testing.T) {
	a, b, err := socketpair()
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	defer b.Close()
	sender := &pipe{f: a, ipc: true}
	receiver := &pipe{f: b, ipc: true} // a blocking end: recvmsg waits

	f, err := os.CreateTemp(t.TempDir(), "passed")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := sender.sendFd([]byte("{\"cmd\":\"NODE_HANDLE\"}\n"), int(f.Fd())); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, fds, err := receiver.recv(buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(buf[:n]); got != "{\"cmd\":\"NODE_HANDLE\"}\n" {
		t.Errorf("data %q", got)
	}
	if len(fds) != 1 {
		t.Fatalf("got %d descriptors, want 1", len(fds))
	}
	defer syscall.Close(fds[0])
	var want, got syscall.Stat_t
	syscall.Fstat(int(f.Fd()), &want)
	syscall.Fstat(fds[0], &got)
	if want.Ino != got.Ino || want.Dev != got.Dev {
		t.Error("the received descriptor is not the sent file")
	}
	if fl, _ := unixFcntl(fds[0], syscall.F_GETFD); fl&syscall.FD_CLOEXEC == 0 {
		t.Error("a received descriptor must be close-on-exec")
	}

	// A plain write after it carries no descriptor; the end reads as EOF.
	sender.f.Write([]byte("x"))
	a.Close()
	n, fds, err = receiver.recv(buf)
	if n != 1 || len(fds) != 0 || err != nil {
		t.Errorf("plain read: n=%d fds=%v err=%v", n, fds, err)
	}
	if _, _, err = receiver.recv(buf); err == nil {
		t.Error("want EOF after the peer closed")
	}
}

func unixFcntl(fd, cmd int) (int, error) {
	r, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), uintptr(cmd), 0)
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}
