// Package uv implements the uv binding: libuv's error numbers as
// UV_<CODE> constants, errname(errno) and getErrorMessage(errno). The
// table is the library's own (lib/internal/util/uv_errors.js), so the
// numbers JS and Go report cannot drift apart.
package uv

import (
	"regexp"
	"strconv"
	"sync"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
	"github.com/gonode/gonode/lib"
)

func init() { binding.Register("uv", initUV) }

// Error is one libuv error: its (negative) number, code and message.
type Error struct {
	Errno   int
	Code    string
	Message string
}

var (
	tableOnce sync.Once
	table     []Error
	byErrno   map[int]Error
)

var entryRE = regexp.MustCompile(`\[\s*(-\d+)\s*,\s*'([A-Z0-9_]+)'\s*,\s*'([^']*)'\s*\]`)

// Errors returns libuv's error table.
func Errors() []Error {
	tableOnce.Do(func() {
		byErrno = map[int]Error{}
		src, _ := lib.Source("internal/util/uv_errors")
		for _, m := range entryRE.FindAllStringSubmatch(src, -1) {
			n, err := strconv.Atoi(m[1])
			if err != nil {
				continue
			}
			e := Error{n, m[2], m[3]}
			table = append(table, e)
			byErrno[n] = e
		}
	})
	return table
}

// Lookup returns the error numbered errno.
func Lookup(errno int) (Error, bool) {
	Errors()
	e, ok := byErrno[errno]
	return e, ok
}

func initUV(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	for _, e := range Errors() {
		c.Set(obj, "UV_"+e.Code, qjs.Int32(int32(e.Errno)))
	}
	// errname(errno) -> "ENOENT", or "Unknown system error <n>".
	binding.Func(c, obj, "errname", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		n := int(qjs.Arg(args, 0).Int())
		if e, ok := Lookup(n); ok {
			return c.String(e.Code)
		}
		return c.String("Unknown system error " + strconv.Itoa(n))
	})
	// getErrorMessage(errno) -> libuv's message for errno.
	binding.Func(c, obj, "getErrorMessage", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		n := int(qjs.Arg(args, 0).Int())
		if e, ok := Lookup(n); ok {
			return c.String(e.Message)
		}
		return c.String("Unknown system error " + strconv.Itoa(n))
	})
}
