package fs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

func opErr(t *testing.T, err error) *opError {
	t.Helper()
	var oe *opError
	if !errors.As(err, &oe) {
		t.Fatalf("error %v (%T) is not an *opError", err, err)
	}
	return oe
}

func TestReadWriteWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	if err := writeWhole(p, -1, []byte("hello"), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeWhole(p, -1, []byte(" world"), os.O_WRONLY|os.O_APPEND, 0); err != nil {
		t.Fatal(err)
	}
	b, err := readWhole(p, -1, os.O_RDONLY)
	if err != nil || string(b) != "hello world" {
		t.Fatalf("readWhole = %q, %v", b, err)
	}
	st, _ := os.Stat(p)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", st.Mode().Perm())
	}
	// From an fd: reads from its current position.
	fd, err := unix.Open(p, unix.O_RDONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	unix.Seek(fd, 6, 0)
	b, err = readWhole("", fd, 0)
	if err != nil || string(b) != "world" {
		t.Fatalf("readWhole(fd) = %q, %v", b, err)
	}

	_, err = readWhole(filepath.Join(dir, "missing"), -1, os.O_RDONLY)
	oe := opErr(t, err)
	if oe.syscall != "open" || oe.err != syscall.ENOENT || !strings.HasSuffix(oe.path, "missing") {
		t.Errorf("missing file: %+v", oe)
	}
	// Reading a directory fails in read, and Node reports no path.
	_, err = readWhole(dir, -1, os.O_RDONLY)
	oe = opErr(t, err)
	if oe.syscall != "read" || oe.err != syscall.EISDIR || oe.path != "" {
		t.Errorf("directory: %+v", oe)
	}
}

func TestMkdirp(t *testing.T) {
	dir := t.TempDir()
	first, err := mkdirp(filepath.Join(dir, "a", "b", "c"), 0o777)
	if err != nil || first != filepath.Join(dir, "a") {
		t.Fatalf("mkdirp = %q, %v", first, err)
	}
	first, err = mkdirp(filepath.Join(dir, "a", "b"), 0o777)
	if err != nil || first != "" {
		t.Fatalf("existing: %q, %v", first, err)
	}
	f := filepath.Join(dir, "file")
	os.WriteFile(f, nil, 0o644)
	_, err = mkdirp(filepath.Join(f, "x"), 0o777)
	if oe := opErr(t, err); oe.err != syscall.ENOTDIR || oe.syscall != "mkdir" {
		t.Errorf("under a file: %+v", oe)
	}
	_, err = mkdirp(f, 0o777)
	if oe := opErr(t, err); oe.err != syscall.EEXIST {
		t.Errorf("a file itself: %+v", oe)
	}
}

func TestRm(t *testing.T) {
	dir := t.TempDir()
	d := filepath.Join(dir, "d")
	os.MkdirAll(filepath.Join(d, "e"), 0o777)
	os.WriteFile(filepath.Join(d, "e", "f"), []byte("x"), 0o644)
	if oe := opErr(t, rm(d, false, false)); oe.syscall != "rm" || oe.err != syscall.EISDIR {
		t.Errorf("rm dir without recursive: %+v", oe)
	}
	if err := rm(d, true, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d); !os.IsNotExist(err) {
		t.Errorf("still there: %v", err)
	}
	if oe := opErr(t, rm(d, true, false)); oe.syscall != "lstat" || oe.err != syscall.ENOENT {
		t.Errorf("missing: %+v", oe)
	}
	if err := rm(d, true, true); err != nil {
		t.Errorf("force on missing: %v", err)
	}
}

func TestCopyFile(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "s"), filepath.Join(dir, "d")
	os.WriteFile(src, []byte("data"), 0o640)
	if err := copyFile(src, dst, false); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(dst)
	st, _ := os.Stat(dst)
	if string(b) != "data" || st.Mode().Perm() != 0o640 {
		t.Errorf("copy = %q %v", b, st.Mode())
	}
	oe := opErr(t, copyFile(src, dst, true))
	if oe.err != syscall.EEXIST || oe.syscall != "copyfile" || oe.path != src || oe.dest != dst {
		t.Errorf("excl: %+v", oe)
	}
}

func TestStatxFields(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	os.WriteFile(p, []byte("12345"), 0o600)
	f, err := statx(unix.AT_FDCWD, p, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(f) != 18 {
		t.Fatalf("%d fields", len(f))
	}
	if f[1]&unix.S_IFMT != unix.S_IFREG || f[1]&0o777 != 0o600 || f[8] != 5 || f[2] != 1 {
		t.Errorf("mode %o size %d nlink %d", f[1], f[8], f[2])
	}
	var st unix.Stat_t
	unix.Stat(p, &st)
	if uint64(f[7]) != st.Ino || f[12] != st.Mtim.Sec || f[13] != st.Mtim.Nsec {
		t.Errorf("ino/mtime differ from stat(2): %v", f)
	}
	if _, err := statx(unix.AT_FDCWD, filepath.Join(dir, "nx"), 0); err != unix.ENOENT {
		t.Errorf("missing: %v", err)
	}
}

func TestDirentTypeAndReadDir(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "b"), 0o777)
	os.WriteFile(filepath.Join(dir, "a"), nil, 0o644)
	os.Symlink("a", filepath.Join(dir, "c"))
	ents, _ := os.ReadDir(dir)
	var got []int64
	for _, e := range ents {
		got = append(got, direntType(e.Type()))
	}
	want := []int64{1, 2, 3} // sorted a, b, c: file, dir, link
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("types = %v, want %v", got, want)
		}
	}
	_, err := readDir(filepath.Join(dir, "nx"), "opendir", true)
	if oe := opErr(t, err); oe.path != "" || oe.syscall != "opendir" {
		t.Errorf("opendir error keeps no path: %+v", oe)
	}
	_, err = readDir(filepath.Join(dir, "nx"), "scandir", false)
	if oe := opErr(t, err); !strings.HasSuffix(oe.path, "nx") || oe.syscall != "scandir" {
		t.Errorf("scandir error: %+v", oe)
	}
}

func TestTimespecAndSuffix(t *testing.T) {
	ts := timespec(12.25)
	if ts.Sec != 12 || ts.Nsec != 250000000 {
		t.Errorf("timespec(12.25) = %+v", ts)
	}
	ts = timespec(-1.5)
	if ts.Sec != -2 || ts.Nsec != 500000000 {
		t.Errorf("timespec(-1.5) = %+v", ts)
	}
	a, b := randomSuffix(), randomSuffix()
	if len(a) != 6 || a == b {
		t.Errorf("suffixes %q %q", a, b)
	}
	for _, ch := range a {
		if !strings.ContainsRune(suffixChars, ch) {
			t.Errorf("bad char %q", ch)
		}
	}
}

func TestFailKeepsFirstCall(t *testing.T) {
	inner := fail(&os.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}, "open", "x", "")
	outer := fail(inner, "copyfile", "a", "b")
	oe := opErr(t, outer)
	if oe.syscall != "open" || oe.err != syscall.ENOENT {
		t.Errorf("rewrapped: %+v", oe)
	}
}

func TestMkdirpWalksPathAsWritten(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a") + "/../b/c"
	if _, err := mkdirp(p, 0o777); err != nil {
		t.Fatal(err)
	}
	// The kernel resolves a/.. literally, so a must exist too.
	for _, want := range []string{"a", "b/c"} {
		if st, err := os.Stat(filepath.Join(dir, want)); err != nil || !st.IsDir() {
			t.Errorf("%s: %v", want, err)
		}
	}
}

func TestRecursiveWatchNames(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub"), 0o777)
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC)
	if err != nil {
		t.Skip(err)
	}
	defer unix.Close(fd)
	wd, err := unix.InotifyAddWatch(fd, dir, watchMask)
	if err != nil {
		t.Fatal(err)
	}
	dirs := map[int]string{wd: ""}
	addTree(fd, dir, "", dirs, nil)
	if len(dirs) != 2 {
		t.Fatalf("watched %v", dirs)
	}
	os.Mkdir(filepath.Join(dir, "sub", "new"), 0o777)
	buf := make([]byte, 4096)
	n, err := unix.Read(fd, buf)
	if err != nil {
		t.Fatal(err)
	}
	evs := parseRecursive(fd, dir, buf[:n], dirs)
	if len(evs) == 0 || evs[0] != (watchEvent{"rename", filepath.Join("sub", "new")}) {
		t.Fatalf("events %v", evs)
	}
	// The new directory is watched as well.
	if len(dirs) != 3 {
		t.Fatalf("watched %v", dirs)
	}
	os.WriteFile(filepath.Join(dir, "sub", "new", "f"), []byte("x"), 0o644)
	n, err = unix.Read(fd, buf)
	if err != nil {
		t.Fatal(err)
	}
	evs = parseRecursive(fd, dir, buf[:n], dirs)
	if len(evs) == 0 || evs[0].name != filepath.Join("sub", "new", "f") {
		t.Fatalf("events %v", evs)
	}
}
