package binding

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/gonode/gonode/internal/qjs"
)

// uvErr names an errno as libuv does: the code and its message.
type uvErr struct{ code, msg string }

var uvErrors = map[syscall.Errno]uvErr{
	syscall.E2BIG:           {"E2BIG", "argument list too long"},
	syscall.EACCES:          {"EACCES", "permission denied"},
	syscall.EADDRINUSE:      {"EADDRINUSE", "address already in use"},
	syscall.EADDRNOTAVAIL:   {"EADDRNOTAVAIL", "address not available"},
	syscall.EAGAIN:          {"EAGAIN", "resource temporarily unavailable"},
	syscall.EBADF:           {"EBADF", "bad file descriptor"},
	syscall.EBUSY:           {"EBUSY", "resource busy or locked"},
	syscall.ECANCELED:       {"ECANCELED", "operation canceled"},
	syscall.ECONNABORTED:    {"ECONNABORTED", "software caused connection abort"},
	syscall.ECONNREFUSED:    {"ECONNREFUSED", "connection refused"},
	syscall.ECONNRESET:      {"ECONNRESET", "connection reset by peer"},
	syscall.EEXIST:          {"EEXIST", "file already exists"},
	syscall.EFAULT:          {"EFAULT", "bad address in system call argument"},
	syscall.EFBIG:           {"EFBIG", "file too large"},
	syscall.EHOSTUNREACH:    {"EHOSTUNREACH", "host is unreachable"},
	syscall.EINTR:           {"EINTR", "interrupted system call"},
	syscall.EINVAL:          {"EINVAL", "invalid argument"},
	syscall.EIO:             {"EIO", "i/o error"},
	syscall.EISCONN:         {"EISCONN", "socket is already connected"},
	syscall.EISDIR:          {"EISDIR", "illegal operation on a directory"},
	syscall.ELOOP:           {"ELOOP", "too many symbolic links encountered"},
	syscall.EMFILE:          {"EMFILE", "too many open files"},
	syscall.EMLINK:          {"EMLINK", "too many links"},
	syscall.ENAMETOOLONG:    {"ENAMETOOLONG", "name too long"},
	syscall.ENETDOWN:        {"ENETDOWN", "network is down"},
	syscall.ENETUNREACH:     {"ENETUNREACH", "network is unreachable"},
	syscall.ENFILE:          {"ENFILE", "file table overflow"},
	syscall.ENODEV:          {"ENODEV", "no such device"},
	syscall.ENOENT:          {"ENOENT", "no such file or directory"},
	syscall.ENOMEM:          {"ENOMEM", "not enough memory"},
	syscall.ENOSPC:          {"ENOSPC", "no space left on device"},
	syscall.ENOSYS:          {"ENOSYS", "function not implemented"},
	syscall.ENOTCONN:        {"ENOTCONN", "socket is not connected"},
	syscall.ENOTDIR:         {"ENOTDIR", "not a directory"},
	syscall.ENOTEMPTY:       {"ENOTEMPTY", "directory not empty"},
	syscall.ENOTSOCK:        {"ENOTSOCK", "socket operation on non-socket"},
	syscall.ENOTSUP:         {"ENOTSUP", "operation not supported on socket"},
	syscall.EPERM:           {"EPERM", "operation not permitted"},
	syscall.EPIPE:           {"EPIPE", "broken pipe"},
	syscall.EPROTO:          {"EPROTO", "protocol error"},
	syscall.ERANGE:          {"ERANGE", "result too large"},
	syscall.EROFS:           {"EROFS", "read-only file system"},
	syscall.ESPIPE:          {"ESPIPE", "invalid seek"},
	syscall.ESRCH:           {"ESRCH", "no such process"},
	syscall.ETIMEDOUT:       {"ETIMEDOUT", "connection timed out"},
	syscall.ETXTBSY:         {"ETXTBSY", "text file is busy"},
	syscall.EXDEV:           {"EXDEV", "cross-device link not permitted"},
	syscall.ENXIO:           {"ENXIO", "no such device or address"},
	syscall.EAFNOSUPPORT:    {"EAFNOSUPPORT", "address family not supported"},
	syscall.EALREADY:        {"EALREADY", "connection already in progress"},
	syscall.EDESTADDRREQ:    {"EDESTADDRREQ", "destination address required"},
	syscall.EMSGSIZE:        {"EMSGSIZE", "message too long"},
	syscall.EPROTONOSUPPORT: {"EPROTONOSUPPORT", "protocol not supported"},
	syscall.EPROTOTYPE:      {"EPROTOTYPE", "protocol wrong type for socket"},
	syscall.ESHUTDOWN:       {"ESHUTDOWN", "cannot send after transport endpoint shutdown"},
}

// Errno extracts the errno behind a Go error, or 0.
func Errno(err error) syscall.Errno {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return syscall.ENOENT
	case errors.Is(err, fs.ErrExist):
		return syscall.EEXIST
	case errors.Is(err, fs.ErrPermission):
		return syscall.EACCES
	case errors.Is(err, os.ErrClosed):
		return syscall.EBADF
	}
	return 0
}

// ErrnoName returns libuv's code for an errno ("ENOENT"), or "UNKNOWN".
func ErrnoName(en syscall.Errno) string {
	if e, ok := uvErrors[en]; ok {
		return e.code
	}
	return "UNKNOWN"
}

// ErrnoMessage returns libuv's message for an errno.
func ErrnoMessage(en syscall.Errno) string {
	if e, ok := uvErrors[en]; ok {
		return e.msg
	}
	return en.Error()
}

// ErrnoNames lists every known errno as code -> number, for os.constants.
func ErrnoNames() map[string]int {
	out := make(map[string]int, len(uvErrors))
	for n, e := range uvErrors {
		out[e.code] = int(n)
	}
	return out
}

// SystemError makes a Node-shaped error object for a failed system call:
// message "CODE: msg, syscall 'path' -> 'dest'", with code, errno (negative,
// as libuv reports it), syscall, path and dest properties.
func SystemError(c *qjs.Context, err error, syscallName, path, dest string) qjs.Value {
	en := Errno(err)
	code, msg := "UNKNOWN", err.Error()
	if en != 0 {
		code, msg = ErrnoName(en), ErrnoMessage(en)
	}
	text := fmt.Sprintf("%s: %s, %s", code, msg, syscallName)
	if path != "" {
		text += fmt.Sprintf(" '%s'", path)
	}
	if dest != "" {
		text += fmt.Sprintf(" -> '%s'", dest)
	}
	e := c.MakeError("Error", text)
	c.Set(e, "errno", qjs.Int32(-int32(en)))
	c.Set(e, "code", c.String(code))
	c.Set(e, "syscall", c.String(syscallName))
	if path != "" {
		c.Set(e, "path", c.String(path))
	}
	if dest != "" {
		c.Set(e, "dest", c.String(dest))
	}
	return e
}

// ThrowSystemError throws SystemError(...) and returns qjs.Exception.
func ThrowSystemError(c *qjs.Context, err error, syscallName, path, dest string) qjs.Value {
	return c.Throw(SystemError(c, err, syscallName, path, dest))
}

// ThrowCode throws a Node-style error with a code, e.g.
// ThrowCode(c, "TypeError", "ERR_INVALID_ARG_TYPE", msg).
func ThrowCode(c *qjs.Context, class, code, msg string) qjs.Value {
	e := c.MakeError(class, msg)
	c.Set(e, "code", c.String(code))
	return c.Throw(e)
}

// ErrnoException makes the error Node's ErrnoException builds for a failed
// call without a path: message "syscall CODE" (e.g. "kill ESRCH"), with
// errno, code and syscall properties.
func ErrnoException(c *qjs.Context, err error, syscallName string) qjs.Value {
	en := Errno(err)
	code := "UNKNOWN"
	if en != 0 {
		code = ErrnoName(en)
	}
	e := c.MakeError("Error", syscallName+" "+code)
	c.Set(e, "errno", qjs.Int32(-int32(en)))
	c.Set(e, "code", c.String(code))
	c.Set(e, "syscall", c.String(syscallName))
	return e
}
