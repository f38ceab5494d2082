package fs

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

// readWhole reads a file to its end: from fd's current position when fd
// is not negative, else from path opened with flags.
// maxReadLength is the largest file node reads whole (2 GiB - 1 bytes).
const maxReadLength = 1<<31 - 1

// tooLargeError is a whole-file read of a file larger than maxReadLength
// (ERR_FS_FILE_TOO_LARGE).
type tooLargeError struct{ size int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("File size (%d) is greater than 2 GiB", e.size)
}

func readWhole(path string, fd int, flags int) ([]byte, error) {
	if fd < 0 {
		f, err := unix.Open(path, flags|unix.O_CLOEXEC, 0o666)
		if err != nil {
			return nil, fail(err, "open", path, "")
		}
		defer unix.Close(f)
		fd = f
	}
	size := 0
	var st unix.Stat_t
	if unix.Fstat(fd, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFREG {
		if st.Size > maxReadLength {
			return nil, &tooLargeError{size: st.Size}
		}
		size = int(st.Size)
	}
	buf := make([]byte, 0, size+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := unix.Read(fd, buf[len(buf):cap(buf)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, fail(err, "read", "", "")
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
	}
}

// writeWhole writes data to fd (when not negative) or to path opened with
// flags and mode.
func writeWhole(path string, fd int, data []byte, flags int, mode uint32) error {
	if fd < 0 {
		f, err := unix.Open(path, flags|unix.O_CLOEXEC, mode)
		if err != nil {
			return fail(err, "open", path, "")
		}
		defer unix.Close(f)
		fd = f
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return fail(err, "write", "", "")
		}
		data = data[n:]
	}
	return nil
}

// statFields is the order of the array stat returns: ten fields then
// seconds and nanoseconds of atime, mtime, ctime and birthtime.
func statFields(s *unix.Statx_t) []int64 {
	return []int64{
		int64(unix.Mkdev(s.Dev_major, s.Dev_minor)), int64(s.Mode), int64(s.Nlink),
		int64(s.Uid), int64(s.Gid), int64(unix.Mkdev(s.Rdev_major, s.Rdev_minor)),
		int64(s.Blksize), int64(s.Ino), int64(s.Size), int64(s.Blocks),
		s.Atime.Sec, int64(s.Atime.Nsec), s.Mtime.Sec, int64(s.Mtime.Nsec),
		s.Ctime.Sec, int64(s.Ctime.Nsec), s.Btime.Sec, int64(s.Btime.Nsec),
	}
}

func statx(dirfd int, path string, flags int) ([]int64, error) {
	var s unix.Statx_t
	err := unix.Statx(dirfd, path, flags|unix.AT_STATX_SYNC_AS_STAT, unix.STATX_BASIC_STATS|unix.STATX_BTIME, &s)
	if err != nil {
		return nil, err
	}
	return statFields(&s), nil
}

func statResult(fields []int64, big bool) result {
	return func(c *qjs.Context) qjs.Value { return numbers(c, big, fields) }
}

// timespec converts seconds (fractional) to a Timespec.
func timespec(sec float64) unix.Timespec {
	if math.IsNaN(sec) || math.IsInf(sec, 0) {
		return unix.Timespec{Sec: int64(sec)}
	}
	s := math.Floor(sec)
	return unix.Timespec{Sec: int64(s), Nsec: int64((sec - s) * 1e9)}
}

// direntType maps a file mode to libuv's UV_DIRENT_* numbers.
func direntType(m os.FileMode) int64 {
	switch {
	case m&os.ModeDir != 0:
		return 2
	case m&os.ModeSymlink != 0:
		return 3
	case m&os.ModeNamedPipe != 0:
		return 4
	case m&os.ModeSocket != 0:
		return 5
	case m&os.ModeCharDevice != 0:
		return 6
	case m&os.ModeDevice != 0:
		return 7
	case m&os.ModeType == 0:
		return 1
	}
	return 0
}

func readDir(path string, sc string, withTypes bool) (result, error) {
	ents, err := os.ReadDir(path)
	if err != nil {
		p := path
		if sc == "opendir" {
			p = ""
		}
		return nil, fail(err, sc, p, "")
	}
	names := make([]string, len(ents))
	types := make([]int64, len(ents))
	for i, e := range ents {
		names[i] = e.Name()
		types[i] = direntType(e.Type())
	}
	return func(c *qjs.Context) qjs.Value {
		n := c.StringArray(names)
		if !withTypes {
			return n
		}
		a := c.Array()
		c.SetIndex(a, 0, n)
		c.SetIndex(a, 1, numbers(c, false, types))
		return a
	}, nil
}

// mkdirp creates path and its missing parents, returning the first
// directory it created ("" when none).
func mkdirp(path string, mode uint32) (string, error) {
	// The path is walked as written, not cleaned: "a/../b" creates a
	// too, as the kernel resolves it component by component.
	abs := path
	if !filepath.IsAbs(abs) {
		wd, err := os.Getwd()
		if err != nil {
			return "", fail(err, "mkdir", path, "")
		}
		abs = wd + "/" + abs
	}
	for len(abs) > 1 && abs[len(abs)-1] == '/' {
		abs = abs[:len(abs)-1]
	}
	var missing []string
	p := abs
	for {
		var st unix.Stat_t
		err := unix.Stat(p, &st)
		if err == nil {
			if st.Mode&unix.S_IFMT != unix.S_IFDIR {
				if p == abs {
					return "", fail(unix.EEXIST, "mkdir", path, "")
				}
				return "", fail(unix.ENOTDIR, "mkdir", path, "")
			}
			break
		}
		if err != unix.ENOENT {
			return "", fail(err, "mkdir", path, "")
		}
		missing = append(missing, p)
		parent := textualParent(p)
		if parent == p {
			break
		}
		p = parent
	}
	first := ""
	for i := len(missing) - 1; i >= 0; i-- {
		err := unix.Mkdir(missing[i], mode)
		if err != nil && err != unix.EEXIST {
			return "", fail(err, "mkdir", path, "")
		}
		if err == nil && first == "" {
			first = filepath.Clean(missing[i])
		}
	}
	return first, nil
}

// textualParent drops p's last component without cleaning the rest.
func textualParent(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i <= 0 {
		return "/"
	}
	parent := p[:i]
	for len(parent) > 1 && parent[len(parent)-1] == '/' {
		parent = parent[:len(parent)-1]
	}
	return parent
}

// copyFile copies src to dst; excl refuses an existing dst.
func copyFile(src, dst string, excl bool) error {
	in, err := os.Open(src)
	if err != nil {
		return fail(err, "copyfile", src, dst)
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return fail(err, "copyfile", src, dst)
	}
	if st.IsDir() {
		return fail(unix.EISDIR, "copyfile", src, dst)
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if excl {
		flags |= os.O_EXCL
	}
	out, err := os.OpenFile(dst, flags, st.Mode().Perm())
	if err != nil {
		return fail(err, "copyfile", src, dst)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fail(err, "copyfile", src, dst)
	}
	if err := out.Chmod(st.Mode().Perm()); err != nil {
		out.Close()
		return fail(err, "copyfile", src, dst)
	}
	if err := out.Close(); err != nil {
		return fail(err, "copyfile", src, dst)
	}
	return nil
}

// rm removes path (recursively when asked); force ignores a missing path.
func rm(path string, recursive, force bool) error {
	var st unix.Stat_t
	if err := unix.Lstat(path, &st); err != nil {
		if force && err == unix.ENOENT {
			return nil
		}
		return fail(err, "lstat", path, "")
	}
	if st.Mode&unix.S_IFMT != unix.S_IFDIR {
		if err := unix.Unlink(path); err != nil {
			if force && err == unix.ENOENT {
				return nil
			}
			return fail(err, "unlink", path, "")
		}
		return nil
	}
	if !recursive {
		return fail(unix.EISDIR, "rm", path, "")
	}
	if err := os.RemoveAll(path); err != nil {
		var pe *os.PathError
		sc, p := "rm", path
		if errors.As(err, &pe) {
			p = pe.Path
			if strings.HasPrefix(pe.Op, "unlink") {
				sc = "unlink"
			} else if strings.HasPrefix(pe.Op, "open") {
				sc = "opendir"
			} else {
				sc = "rmdir"
			}
		}
		return fail(err, sc, p, "")
	}
	return nil
}

func posOf(c *qjs.Context, v qjs.Value) int64 {
	if v.IsNullish() {
		return -1
	}
	return intOf(c, v)
}

func (b *fsBinding) initOps(c *qjs.Context, obj qjs.Value) {
	fn := func(name string, n int, f qjs.Func) { binding.Func(c, obj, name, n, f) }
	arg := qjs.Arg
	fn("open", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, arg(args, 0))
		flags := int(arg(args, 1).Int())
		mode := uint32(arg(args, 2).Int())
		return b.call(c, arg(args, 3), false, func() (result, error) {
			fd, err := unix.Open(p, flags|unix.O_CLOEXEC, mode)
			if err != nil {
				return nil, fail(err, "open", p, "")
			}
			return func(*qjs.Context) qjs.Value { return qjs.Int64(int64(fd)) }, nil
		})
	})
	fn("close", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		fd := int(arg(args, 0).Int())
		return b.call(c, arg(args, 1), false, func() (result, error) {
			if err := unix.Close(fd); err != nil {
				return nil, fail(err, "close", "", "")
			}
			return nil, nil
		})
	})
	// read(fd, buffer, offset, length, position, req) -> bytesRead.
	fn("read", 6, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		fd := int(arg(args, 0).Int())
		buf, ok := c.TypedArrayBytes(arg(args, 1))
		if !ok {
			return c.ThrowTypeError("buffer must be a TypedArray or DataView")
		}
		off, n := int(arg(args, 2).Int()), int(arg(args, 3).Int())
		if off < 0 || n < 0 || off+n > len(buf) {
			return c.ThrowRangeError("read out of bounds")
		}
		pos := posOf(c, arg(args, 4))
		dst := buf[off : off+n]
		return b.call(c, arg(args, 5), false, func() (result, error) {
			var r int
			var err error
			for {
				if pos >= 0 {
					r, err = unix.Pread(fd, dst, pos)
				} else {
					r, err = unix.Read(fd, dst)
				}
				if err != unix.EINTR {
					break
				}
			}
			if err != nil {
				return nil, fail(err, "read", "", "")
			}
			return func(*qjs.Context) qjs.Value { return qjs.Int64(int64(r)) }, nil
		}, arg(args, 1))
	})
	// write(fd, data, offset, length, position, req) -> bytesWritten. A
	// string data is written whole (offset and length are ignored).
	fn("write", 6, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		fd := int(arg(args, 0).Int())
		d := arg(args, 1)
		var src []byte
		if d.IsString() {
			src = []byte(c.GoString(d))
		} else {
			buf, ok := c.TypedArrayBytes(d)
			if !ok {
				return c.ThrowTypeError("data must be a string or a TypedArray")
			}
			off, n := int(arg(args, 2).Int()), int(arg(args, 3).Int())
			if off < 0 || n < 0 || off+n > len(buf) {
				return c.ThrowRangeError("write out of bounds")
			}
			src = buf[off : off+n]
		}
		pos := posOf(c, arg(args, 4))
		return b.call(c, arg(args, 5), false, func() (result, error) {
			var r int
			var err error
			for {
				if pos >= 0 {
					r, err = unix.Pwrite(fd, src, pos)
				} else {
					r, err = unix.Write(fd, src)
				}
				if err != unix.EINTR {
					break
				}
			}
			if err != nil {
				return nil, fail(err, "write", "", "")
			}
			return func(*qjs.Context) qjs.Value { return qjs.Int64(int64(r)) }, nil
		}, d)
	})
	vec := func(c *qjs.Context, arr qjs.Value) ([][]byte, bool) {
		n := c.Length(arr)
		out := make([][]byte, n)
		for i := 0; i < n; i++ {
			v := c.GetIndex(arr, uint32(i))
			bs, ok := c.TypedArrayBytes(v)
			c.Free(v)
			if !ok {
				return nil, false
			}
			out[i] = bs
		}
		return out, true
	}
	// readv(fd, buffers, position, req) and writev(...) -> bytes moved.
	for _, name := range []string{"readv", "writev"} {
		writing := name == "writev"
		fn(name, 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			fd := int(arg(args, 0).Int())
			bufs, ok := vec(c, arg(args, 1))
			if !ok {
				return c.ThrowTypeError("buffers must be ArrayBufferViews")
			}
			pos := posOf(c, arg(args, 2))
			sc := "read"
			if writing {
				sc = "write"
			}
			return b.call(c, arg(args, 3), false, func() (result, error) {
				var r int
				var err error
				for {
					switch {
					case writing && pos >= 0:
						r, err = unix.Pwritev(fd, bufs, pos)
					case writing:
						r, err = unix.Writev(fd, bufs)
					case pos >= 0:
						r, err = unix.Preadv(fd, bufs, pos)
					default:
						r, err = unix.Readv(fd, bufs)
					}
					if err != unix.EINTR {
						break
					}
				}
				if err != nil {
					return nil, fail(err, sc, "", "")
				}
				return func(*qjs.Context) qjs.Value { return qjs.Int64(int64(r)) }, nil
			}, arg(args, 1))
		})
	}
	// stat/lstat(path, bigint, req) and fstat(fd, bigint, req) -> fields.
	for _, name := range []string{"stat", "lstat"} {
		flags := 0
		if name == "lstat" {
			flags = unix.AT_SYMLINK_NOFOLLOW
		}
		sc := name
		fn(name, 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			p := pathOf(c, arg(args, 0))
			big := c.ToBool(arg(args, 1))
			return b.call(c, arg(args, 2), false, func() (result, error) {
				f, err := statx(unix.AT_FDCWD, p, flags)
				if err != nil {
					return nil, fail(err, sc, p, "")
				}
				return statResult(f, big), nil
			})
		})
	}
	fn("fstat", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		fd := int(arg(args, 0).Int())
		big := c.ToBool(arg(args, 1))
		return b.call(c, arg(args, 2), false, func() (result, error) {
			f, err := statx(fd, "", unix.AT_EMPTY_PATH)
			if err != nil {
				return nil, fail(err, "fstat", "", "")
			}
			return statResult(f, big), nil
		})
	})
	fn("statfs", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, arg(args, 0))
		big := c.ToBool(arg(args, 1))
		return b.call(c, arg(args, 2), false, func() (result, error) {
			var s unix.Statfs_t
			if err := unix.Statfs(p, &s); err != nil {
				return nil, fail(err, "statfs", p, "")
			}
			f := []int64{s.Type, s.Bsize, s.Frsize, int64(s.Blocks), int64(s.Bfree), int64(s.Bavail), int64(s.Files), int64(s.Ffree)}
			return statResult(f, big), nil
		})
	})
	fn("access", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, arg(args, 0))
		mode := uint32(arg(args, 1).Int())
		return b.call(c, arg(args, 2), false, func() (result, error) {
			if err := unix.Access(p, mode); err != nil {
				return nil, fail(err, "access", p, "")
			}
			return nil, nil
		})
	})
	// mkdir(path, mode, recursive, req) -> first created path (recursive).
	fn("mkdir", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, arg(args, 0))
		mode := uint32(arg(args, 1).Int())
		recursive := c.ToBool(arg(args, 2))
		return b.call(c, arg(args, 3), false, func() (result, error) {
			if !recursive {
				if err := unix.Mkdir(p, mode); err != nil {
					return nil, fail(err, "mkdir", p, "")
				}
				return nil, nil
			}
			first, err := mkdirp(p, mode)
			if err != nil {
				return nil, err
			}
			if first == "" {
				return nil, nil
			}
			return stringResult(first), nil
		})
	})
	fn("mkdtemp", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		prefix := pathOf(c, arg(args, 0))
		return b.call(c, arg(args, 1), false, func() (result, error) {
			var err error
			for i := 0; i < 100; i++ {
				name := prefix + randomSuffix()
				err = unix.Mkdir(name, 0o700)
				if err == nil {
					return stringResult(name), nil
				}
				if err != unix.EEXIST {
					break
				}
			}
			return nil, fail(err, "mkdtemp", prefix+"XXXXXX", "")
		})
	})
	// readdir(path, withTypes, req) -> names, or [names, types].
	fn("readdir", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, arg(args, 0))
		withTypes := c.ToBool(arg(args, 1))
		return b.call(c, arg(args, 2), false, func() (result, error) {
			return readDir(p, "scandir", withTypes)
		})
	})
	// opendir(path, req) -> [names, types], failing as opendir does.
	fn("opendir", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, arg(args, 0))
		return b.call(c, arg(args, 1), false, func() (result, error) {
			return readDir(p, "opendir", true)
		})
	})
	onePath := func(name, sc string, f func(p string) error) {
		fn(name, 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			p := pathOf(c, arg(args, 0))
			return b.call(c, arg(args, 1), false, func() (result, error) {
				if err := f(p); err != nil {
					return nil, fail(err, sc, p, "")
				}
				return nil, nil
			})
		})
	}
	onePath("rmdir", "rmdir", func(p string) error { return unix.Rmdir(p) })
	onePath("unlink", "unlink", func(p string) error { return unix.Unlink(p) })
	twoPaths := func(name, sc string, f func(a, b string) error) {
		fn(name, 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			src, dst := pathOf(c, arg(args, 0)), pathOf(c, arg(args, 1))
			return b.call(c, arg(args, 2), false, func() (result, error) {
				if err := f(src, dst); err != nil {
					return nil, fail(err, sc, src, dst)
				}
				return nil, nil
			})
		})
	}
	twoPaths("rename", "rename", unix.Rename)
	twoPaths("link", "link", unix.Link)
	twoPaths("symlink", "symlink", unix.Symlink)
	fn("copyFile", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		src, dst := pathOf(c, arg(args, 0)), pathOf(c, arg(args, 1))
		mode := arg(args, 2).Int()
		return b.call(c, arg(args, 3), true, func() (result, error) {
			if mode&4 != 0 { // COPYFILE_FICLONE_FORCE: no reflink support here
				return nil, fail(unix.ENOSYS, "copyfile", src, dst)
			}
			return nil, copyFile(src, dst, mode&1 != 0)
		})
	})
	fn("readlink", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, arg(args, 0))
		return b.call(c, arg(args, 1), false, func() (result, error) {
			buf := make([]byte, 4096)
			n, err := unix.Readlink(p, buf)
			if err != nil {
				return nil, fail(err, "readlink", p, "")
			}
			return stringResult(string(buf[:n])), nil
		})
	})
	fn("chmod", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, arg(args, 0))
		mode := uint32(arg(args, 1).Int())
		return b.call(c, arg(args, 2), false, func() (result, error) {
			if err := unix.Chmod(p, mode); err != nil {
				return nil, fail(err, "chmod", p, "")
			}
			return nil, nil
		})
	})
	fn("fchmod", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		fd := int(arg(args, 0).Int())
		mode := uint32(arg(args, 1).Int())
		return b.call(c, arg(args, 2), false, func() (result, error) {
			if err := unix.Fchmod(fd, mode); err != nil {
				return nil, fail(err, "fchmod", "", "")
			}
			return nil, nil
		})
	})
	for _, name := range []string{"chown", "lchown"} {
		f := unix.Chown
		if name == "lchown" {
			f = unix.Lchown
		}
		sc := name
		fn(name, 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			p := pathOf(c, arg(args, 0))
			uid, gid := int(arg(args, 1).Int()), int(arg(args, 2).Int())
			return b.call(c, arg(args, 3), false, func() (result, error) {
				if err := f(p, uid, gid); err != nil {
					return nil, fail(err, sc, p, "")
				}
				return nil, nil
			})
		})
	}
	fn("fchown", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		fd := int(arg(args, 0).Int())
		uid, gid := int(arg(args, 1).Int()), int(arg(args, 2).Int())
		return b.call(c, arg(args, 3), false, func() (result, error) {
			if err := unix.Fchown(fd, uid, gid); err != nil {
				return nil, fail(err, "fchown", "", "")
			}
			return nil, nil
		})
	})
	// utimes/lutimes(path, atime, mtime, req), futimes(fd, ...): seconds.
	for _, name := range []string{"utimes", "lutimes"} {
		flags := 0
		sc := "utime"
		if name == "lutimes" {
			flags = unix.AT_SYMLINK_NOFOLLOW
			sc = "lutime"
		}
		fn(name, 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			p := pathOf(c, arg(args, 0))
			ts := []unix.Timespec{timespec(arg(args, 1).Float()), timespec(arg(args, 2).Float())}
			return b.call(c, arg(args, 3), false, func() (result, error) {
				if err := unix.UtimesNanoAt(unix.AT_FDCWD, p, ts, flags); err != nil {
					return nil, fail(err, sc, p, "")
				}
				return nil, nil
			})
		})
	}
	fn("futimes", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		fd := int(arg(args, 0).Int())
		ts := []unix.Timespec{timespec(arg(args, 1).Float()), timespec(arg(args, 2).Float())}
		return b.call(c, arg(args, 3), false, func() (result, error) {
			// utimensat(fd, NULL, ...) sets the times of fd itself.
			_, _, e := unix.Syscall6(unix.SYS_UTIMENSAT, uintptr(fd), 0, uintptr(unsafe.Pointer(&ts[0])), 0, 0, 0)
			if e != 0 {
				return nil, fail(e, "futime", "", "")
			}
			return nil, nil
		})
	})
	fn("truncate", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, arg(args, 0))
		n := intOf(c, arg(args, 1))
		return b.call(c, arg(args, 2), false, func() (result, error) {
			fd, err := unix.Open(p, unix.O_WRONLY|unix.O_CLOEXEC, 0)
			if err != nil {
				return nil, fail(err, "open", p, "")
			}
			defer unix.Close(fd)
			if err := unix.Ftruncate(fd, n); err != nil {
				return nil, fail(err, "ftruncate", "", "")
			}
			return nil, nil
		})
	})
	fn("ftruncate", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		fd := int(arg(args, 0).Int())
		n := intOf(c, arg(args, 1))
		return b.call(c, arg(args, 2), false, func() (result, error) {
			if err := unix.Ftruncate(fd, n); err != nil {
				return nil, fail(err, "ftruncate", "", "")
			}
			return nil, nil
		})
	})
	for _, name := range []string{"fsync", "fdatasync"} {
		f := unix.Fsync
		if name == "fdatasync" {
			f = unix.Fdatasync
		}
		sc := name
		fn(name, 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			fd := int(arg(args, 0).Int())
			return b.call(c, arg(args, 1), false, func() (result, error) {
				if err := f(fd); err != nil {
					return nil, fail(err, sc, "", "")
				}
				return nil, nil
			})
		})
	}
	// readFileAll(pathOrFd, flags, asString, req) -> bytes or string.
	fn("readFileAll", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p, fd := "", -1
		if a := arg(args, 0); a.IsNumber() {
			fd = int(a.Int())
		} else {
			p = pathOf(c, a)
		}
		flags := int(arg(args, 1).Int())
		asString := c.ToBool(arg(args, 2))
		return b.call(c, arg(args, 3), true, func() (result, error) {
			data, err := readWhole(p, fd, flags)
			if err != nil {
				return nil, err
			}
			return bytesResult(data, asString), nil
		})
	})
	// writeFileAll(pathOrFd, data, flags, mode, req); data is copied.
	fn("writeFileAll", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p, fd := "", -1
		if a := arg(args, 0); a.IsNumber() {
			fd = int(a.Int())
		} else {
			p = pathOf(c, a)
		}
		data, err := bytesOf(c, arg(args, 1))
		if err != nil {
			return c.ThrowError(err)
		}
		data = append([]byte(nil), data...)
		flags := int(arg(args, 2).Int())
		mode := uint32(arg(args, 3).Int())
		return b.call(c, arg(args, 4), true, func() (result, error) {
			return nil, writeWhole(p, fd, data, flags, mode)
		})
	})
	// rm(path, recursive, force, req).
	fn("rm", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, arg(args, 0))
		recursive, force := c.ToBool(arg(args, 1)), c.ToBool(arg(args, 2))
		return b.call(c, arg(args, 3), false, func() (result, error) {
			return nil, rm(p, recursive, force)
		})
	})
}

const suffixChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// randomSuffix makes the six random characters mkdtemp appends.
func randomSuffix() string {
	var b [6]byte
	rand.Read(b[:])
	for i := range b {
		b[i] = suffixChars[int(b[i])%len(suffixChars)]
	}
	return string(b[:])
}
