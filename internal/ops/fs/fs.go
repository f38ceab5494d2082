// Package fs implements the fs binding: file system operations, run
// synchronously or on a goroutine with the result posted to the loop.
//
// Most operations take a trailing req argument: when it is a function the
// work runs off the loop and req(err, result) is called on the loop;
// otherwise the operation runs synchronously, returning its result or
// throwing Node's system error.
package fs

import (
	"errors"
	"os"
	"syscall"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/eventloop"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("fs", initFS) }

// opError is a failed system call with the names Node reports.
type opError struct {
	err        error
	syscall    string
	path, dest string
}

func (e *opError) Error() string { return e.syscall + ": " + e.err.Error() }

func (e *opError) Unwrap() error { return e.err }

// fail wraps err as the failure of syscall on path (and dest).
func fail(err error, sc, path, dest string) error {
	var oe *opError
	if errors.As(err, &oe) {
		return err
	}
	return &opError{err: underlying(err), syscall: sc, path: path, dest: dest}
}

// underlying strips Go's *PathError/*LinkError/*SyscallError wrappers.
func underlying(err error) error {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en
	}
	return err
}

// result builds the JS value of a successful operation on the loop.
type result func(c *qjs.Context) qjs.Value

// outcome is what a worker goroutine posts back.
type outcome struct {
	r   result
	err error
}

// wholeFileSlots bounds how many whole-file operations (each holding a
// descriptor) run at once, as libuv's thread pool does.
var wholeFileSlots = make(chan struct{}, 128)

type fsBinding struct {
	env *binding.Env
	// inflight counts requests whose callback has not run yet, for
	// process.getActiveResourcesInfo() (loop goroutine only).
	inflight int
}

// errValue turns a Go error into the JS error value to throw or pass.
func errValue(c *qjs.Context, err error) qjs.Value {
	var oe *opError
	if errors.As(err, &oe) {
		return binding.SystemError(c, oe.err, oe.syscall, oe.path, oe.dest)
	}
	var tl *tooLargeError
	if errors.As(err, &tl) {
		e := c.MakeError("RangeError", tl.Error())
		c.Set(e, "code", c.String("ERR_FS_FILE_TOO_LARGE"))
		return e
	}
	var qe *qjs.Error
	if errors.As(err, &qe) {
		return c.Dup(qe.Value())
	}
	return c.MakeError("Error", err.Error())
}

// call runs work synchronously (req not a function) or off the loop. keep
// lists JS values (buffers) the work reads or writes in place: they are
// held until the work is done.
func (b *fsBinding) call(c *qjs.Context, req qjs.Value, limited bool, work func() (result, error), keep ...qjs.Value) qjs.Value {
	if !c.IsFunction(req) {
		r, err := work()
		if err != nil {
			return c.Throw(errValue(c, err))
		}
		if r == nil {
			return qjs.Undefined
		}
		return r(c)
	}
	cb := c.Dup(req)
	held := make([]qjs.Value, len(keep))
	for i, v := range keep {
		held[i] = c.Dup(v)
	}
	b.inflight++
	eventloop.Go(b.env.Loop, func() outcome {
		if limited {
			wholeFileSlots <- struct{}{}
			defer func() { <-wholeFileSlots }()
		}
		r, err := work()
		return outcome{r, err}
	}, func(o outcome) {
		b.inflight--
		c.FreeAll(held...)
		if o.err != nil {
			callback(b.env, cb, []qjs.Value{errValue(c, o.err)})
			return
		}
		v := qjs.Undefined
		if o.r != nil {
			v = o.r(c)
		}
		callback(b.env, cb, []qjs.Value{qjs.Null, v})
	})
	return qjs.Undefined
}

// callback calls cb (taking it and args) on the loop; an exception goes to
// the uncaught-exception path through env.
func callback(env *binding.Env, cb qjs.Value, args []qjs.Value) {
	env.Call(cb, args...)
	env.Ctx.Free(cb)
}

// bytesOf returns the bytes of a string (copied) or of a typed array,
// DataView or ArrayBuffer (in place).
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

// pathOf reads a path argument: a string or the bytes of a Uint8Array.
func pathOf(c *qjs.Context, v qjs.Value) string {
	if v.IsString() {
		return c.GoString(v)
	}
	if b, ok := c.TypedArrayBytes(v); ok {
		return string(b)
	}
	return c.GoString(v)
}

// intOf reads an integer argument that may be a number or a BigInt.
func intOf(c *qjs.Context, v qjs.Value) int64 {
	if v.IsBigInt() {
		n, err := c.ToBigInt64(v)
		if err != nil {
			c.ClearException()
		}
		return n
	}
	return v.Int()
}

// numbers makes a JS array of numbers (or BigInts when big is set).
func numbers(c *qjs.Context, big bool, ns []int64) qjs.Value {
	a := c.Array()
	for i, n := range ns {
		if big {
			c.SetIndex(a, uint32(i), c.BigInt64(n))
		} else {
			c.SetIndex(a, uint32(i), qjs.Int64(n))
		}
	}
	return a
}

func stringResult(s string) result {
	return func(c *qjs.Context) qjs.Value { return c.String(s) }
}

func initFS(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	b := &fsBinding{env: env}
	// internalModuleStat(path): 0 file, 1 directory, negative errno when
	// missing; used by the module resolver on hot paths, so it never throws.
	// pendingRequests() -> how many asynchronous requests are in flight.
	binding.Func(c, obj, "pendingRequests", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Int32(int32(b.inflight))
	})
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
		p := pathOf(c, qjs.Arg(args, 0))
		data, err := readWhole(p, -1, os.O_RDONLY)
		if err != nil {
			return c.Throw(errValue(c, err))
		}
		return c.String(string(data))
	})
	binding.Func(c, obj, "readFileBytes", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, qjs.Arg(args, 0))
		data, err := readWhole(p, -1, os.O_RDONLY)
		if err != nil {
			return c.Throw(errValue(c, err))
		}
		return c.Uint8Array(data)
	})
	// realpath(path, jsStyle, req): the canonical path. jsStyle reports a
	// failure as fs.realpath does (the lstat of the failing component);
	// otherwise as realpath.native (the realpath call on the whole path).
	binding.Func(c, obj, "realpath", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, qjs.Arg(args, 0))
		jsStyle := c.ToBool(qjs.Arg(args, 1))
		return b.call(c, qjs.Arg(args, 2), false, func() (result, error) {
			r, err := realpath(p, jsStyle)
			if err != nil {
				return nil, err
			}
			return stringResult(r), nil
		})
	})
	// writeFileSync(path, data): the loader's simple whole-file write.
	binding.Func(c, obj, "writeFileSync", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, qjs.Arg(args, 0))
		data, err := bytesOf(c, qjs.Arg(args, 1))
		if err != nil {
			return c.ThrowError(err)
		}
		if err := writeWhole(p, -1, data, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666); err != nil {
			return c.Throw(errValue(c, err))
		}
		return qjs.Undefined
	})
	// readFile(path, asString, callback): callback(err, data) on the loop.
	binding.Func(c, obj, "readFile", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, qjs.Arg(args, 0))
		asString := c.ToBool(qjs.Arg(args, 1))
		return b.call(c, qjs.Arg(args, 2), true, func() (result, error) {
			data, err := readWhole(p, -1, os.O_RDONLY)
			if err != nil {
				return nil, err
			}
			return bytesResult(data, asString), nil
		})
	})
	// writeFile(path, data, callback): data is a string or bytes (copied
	// before the goroutine starts, as JS may change it).
	binding.Func(c, obj, "writeFile", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, qjs.Arg(args, 0))
		data, err := bytesOf(c, qjs.Arg(args, 1))
		if err != nil {
			return c.ThrowError(err)
		}
		data = append([]byte(nil), data...)
		return b.call(c, qjs.Arg(args, 2), true, func() (result, error) {
			return nil, writeWhole(p, -1, data, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		})
	})
	b.initOps(c, obj)
	b.initWatch(c, obj)
}

func bytesResult(data []byte, asString bool) result {
	return func(c *qjs.Context) qjs.Value {
		if asString {
			return c.String(string(data))
		}
		return c.Uint8Array(data)
	}
}
