package fs

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestRealpath(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "d", "e"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "d", "e", "f"), nil, 0o644))
	must(os.Symlink("d/e", filepath.Join(dir, "rel")))
	must(os.Symlink(filepath.Join(dir, "rel"), filepath.Join(dir, "abs")))
	must(os.Symlink("loop2", filepath.Join(dir, "loop1")))
	must(os.Symlink("loop1", filepath.Join(dir, "loop2")))
	must(os.Symlink("nowhere", filepath.Join(dir, "dangling")))

	for _, jsStyle := range []bool{true, false} {
		got, err := realpath(filepath.Join(dir, "abs", "f"), jsStyle)
		if want := filepath.Join(dir, "d", "e", "f"); err != nil || got != want {
			t.Errorf("realpath(abs/f, %v) = %q, %v; want %q", jsStyle, got, err, want)
		}
		got, err = realpath(filepath.Join(dir, "d", "..", "rel"), jsStyle)
		if want := filepath.Join(dir, "d", "e"); err != nil || got != want {
			t.Errorf("realpath(d/../rel, %v) = %q, %v; want %q", jsStyle, got, err, want)
		}
	}

	// A cycle is ELOOP, from the stat of the link (node's fs.realpath) or
	// as a realpath of the whole path (realpath.native).
	loop := filepath.Join(dir, "loop1")
	_, err = realpath(loop, true)
	if oe := opErr(t, err); oe.err != syscall.ELOOP || oe.syscall != "stat" || oe.path != loop {
		t.Errorf("loop (js): %+v", oe)
	}
	_, err = realpath(loop, false)
	if oe := opErr(t, err); oe.err != syscall.ELOOP || oe.syscall != "realpath" || oe.path != loop {
		t.Errorf("loop (native): %+v", oe)
	}

	// A missing component: lstat of that component.
	_, err = realpath(filepath.Join(dir, "missing", "x"), true)
	if oe := opErr(t, err); oe.err != syscall.ENOENT || oe.syscall != "lstat" || oe.path != filepath.Join(dir, "missing") {
		t.Errorf("missing: %+v", oe)
	}
	_, err = realpath(filepath.Join(dir, "dangling"), true)
	if oe := opErr(t, err); !errors.Is(oe.err, syscall.ENOENT) || oe.syscall != "stat" {
		t.Errorf("dangling: %+v", oe)
	}

	// A link to a pipe resolves to the link's text.
	r, w, err := os.Pipe()
	must(err)
	defer r.Close()
	defer w.Close()
	link := filepath.Join(dir, "pipe")
	must(os.Symlink("/proc/self/fd/"+strconv.Itoa(int(r.Fd())), link))
	got, err := realpath(link, true)
	if err != nil || !strings.HasPrefix(filepath.Base(got), "pipe:") {
		t.Errorf("realpath(pipe link) = %q, %v", got, err)
	}
	if _, err := realpath(link, false); err == nil {
		t.Errorf("realpath.native(pipe link) succeeded")
	}
}
