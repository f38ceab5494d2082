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
