// Package fs implements the fs binding: file system operations, run
// synchronously or on a goroutine with the result posted to the loop.
package fs

import (
	"os"
	"path/filepath"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/eventloop"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("fs", initFS) }

func initFS(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	l := env.Loop
	// internalModuleStat(path): 0 file, 1 directory, negative errno when
	// missing; used by the module resolver on hot paths, so it never throws.
	binding.Func(c, obj, "internalModuleStat", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		st, err := os.Stat(c.GoString(qjs.Arg(args, 0)))
		if err != nil {
			return qjs.Int32(-int32(binding.Errno(err)))
		}
		if st.IsDir() {
			return qjs.Int32(1)
		}
		return qjs.Int32(0)
	})
	// readFileUtf8(path) reads a whole file as a string, throwing Node's
	// system error on failure.
	binding.Func(c, obj, "readFileUtf8", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := c.GoString(qjs.Arg(args, 0))
		b, err := os.ReadFile(p)
		if err != nil {
			return binding.ThrowSystemError(c, err, syscallOf(err, "open"), p, "")
		}
		return c.String(string(b))
	})
	binding.Func(c, obj, "readFileBytes", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := c.GoString(qjs.Arg(args, 0))
		b, err := os.ReadFile(p)
		if err != nil {
			return binding.ThrowSystemError(c, err, syscallOf(err, "open"), p, "")
		}
		return c.Uint8Array(b)
	})
	binding.Func(c, obj, "realpath", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := c.GoString(qjs.Arg(args, 0))
		r, err := filepath.EvalSymlinks(p)
		if err != nil {
			return binding.ThrowSystemError(c, err, "realpath", p, "")
		}
		if !filepath.IsAbs(r) {
			r, _ = filepath.Abs(r)
		}
		return c.String(r)
	})
	binding.Func(c, obj, "writeFileSync", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := c.GoString(qjs.Arg(args, 0))
		data, err := bytesOf(c, qjs.Arg(args, 1))
		if err != nil {
			return c.ThrowError(err)
		}
		if err := os.WriteFile(p, data, 0o666); err != nil {
			return binding.ThrowSystemError(c, err, "open", p, "")
		}
		return qjs.Undefined
	})
	// readFile(path, asString, callback): callback(err, data) on the loop.
	binding.Func(c, obj, "readFile", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := c.GoString(qjs.Arg(args, 0))
		asString := c.ToBool(qjs.Arg(args, 1))
		cb := c.Dup(qjs.Arg(args, 2))
		type result struct {
			b   []byte
			err error
		}
		eventloop.Go(l, func() result {
			b, err := os.ReadFile(p)
			return result{b, err}
		}, func(r result) {
			var res [2]qjs.Value
			res[0], res[1] = qjs.Null, qjs.Undefined
			if r.err != nil {
				res[0] = binding.SystemError(c, r.err, syscallOf(r.err, "open"), p, "")
			} else if asString {
				res[1] = c.String(string(r.b))
			} else {
				res[1] = c.Uint8Array(r.b)
			}
			callback(env, cb, res[:])
		})
		return qjs.Undefined
	})
	// writeFile(path, data, callback): data is a string or bytes (copied
	// before the goroutine starts, as JS may change it).
	binding.Func(c, obj, "writeFile", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := c.GoString(qjs.Arg(args, 0))
		data, err := bytesOf(c, qjs.Arg(args, 1))
		if err != nil {
			return c.ThrowError(err)
		}
		data = append([]byte(nil), data...)
		cb := c.Dup(qjs.Arg(args, 2))
		eventloop.Go(l, func() error {
			return os.WriteFile(p, data, 0o666)
		}, func(err error) {
			e := qjs.Null
			if err != nil {
				e = binding.SystemError(c, err, "open", p, "")
			}
			callback(env, cb, []qjs.Value{e})
		})
		return qjs.Undefined
	})
}

// callback calls cb (taking it and args) on the loop; an exception goes to
// the uncaught-exception path through env.
func callback(env *binding.Env, cb qjs.Value, args []qjs.Value) {
	c := env.Ctx
	r, err := c.Call(cb, qjs.Undefined, args...)
	c.Free(cb)
	c.FreeAll(args...)
	if err != nil {
		env.Uncaught(err)
		return
	}
	c.Free(r)
}

func bytesOf(c *qjs.Context, v qjs.Value) ([]byte, error) {
	if v.IsString() {
		return []byte(c.GoString(v)), nil
	}
	if b, ok := c.TypedArrayBytes(v); ok {
		return b, nil
	}
	if b, ok := c.ArrayBufferBytes(v); ok {
		return b, nil
	}
	c.ClearException()
	s, err := c.ToGoString(v)
	return []byte(s), err
}

// syscallOf names the failing call as libuv would.
func syscallOf(err error, def string) string {
	if pe, ok := err.(*os.PathError); ok {
		switch pe.Op {
		case "read":
			return "read"
		case "stat", "lstat":
			return pe.Op
		}
	}
	return def
}
