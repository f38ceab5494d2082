// Package gonode embeds the gonode JavaScript runtime in a Go program.
//
// A Runtime runs one Node.js-compatible program (a file or a script) with
// its own engine, event loop, process object and module cache:
//
//	rt, err := gonode.New(gonode.Options{Stdout: &buf})
//	if err != nil { ... }
//	defer rt.Close()
//	code, err := rt.RunScript("main.js", "console.log(1 + 1)")
//
// Go code can offer built-in modules to JavaScript through
// Options.Modules: a module named "greet" is loaded by require('greet') or
// require('gonode:greet'), and its functions receive and return plain Go
// values (see Module.Func for the conversions).
//
// Stop ends a running program from any goroutine, even one stuck in an
// infinite JavaScript loop.
package gonode

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"sync"

	"github.com/gonode/gonode/internal/node"
	_ "github.com/gonode/gonode/internal/ops/all" // the native ops (fs, os...)
	"github.com/gonode/gonode/internal/qjs"
)

// Options configure a Runtime. The zero value runs with the process's
// arguments-free argv, environment, working directory and standard streams.
type Options struct {
	// Args are the program's arguments: process.argv is
	// [execPath, script, ...Args] for RunFile and [execPath, ...Args] for
	// RunScript, as for `node script.js args` and `node -e src args`.
	Args []string
	// Env is the program's environment (process.env). nil means a live view
	// of the Go process's environment; a non-nil map gives the program a
	// private environment that starts as a copy of the map and that the
	// program's writes to process.env do not carry to the Go process.
	Env map[string]string
	// Dir, when set, is the working directory of the program. Like Node's
	// process.chdir, the working directory belongs to the whole OS process:
	// running a program with Dir set changes the Go process's working
	// directory (os.Chdir) for the duration of the run and restores it after.
	Dir string
	// Stdin, Stdout and Stderr are the program's standard streams; nil
	// selects os.Stdin, os.Stdout and os.Stderr.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Modules are Go-implemented built-in modules, by name. JS loads one
	// with require('name') or require('gonode:name'); node's own built-in
	// modules keep their names (a Go module named "fs" is only reachable as
	// 'gonode:fs').
	Modules map[string]ModuleFunc
	// MemoryLimit caps the JavaScript heap in bytes; 0 means no limit.
	MemoryLimit int
}

// ModuleFunc fills in the exports of a Go-implemented module. It runs once,
// the first time JavaScript requires the module, on the runtime's goroutine.
type ModuleFunc func(m *Module)

// Module is the exports object of a Go-implemented module under
// construction. Its methods may only be called while the ModuleFunc runs.
type Module struct {
	name    string
	c       *qjs.Context
	exports qjs.Value
	err     error
}

// Name returns the module's name as registered in Options.Modules.
func (m *Module) Name() string { return m.name }

// Func exports a Go function under name. When JavaScript calls it, its
// arguments are converted to Go values:
//
//   - undefined and null become nil; booleans become bool; numbers become
//     float64; strings become string; bigints become int64 (or a string of
//     their digits when they do not fit)
//   - arrays become []any; ArrayBuffers, typed arrays, Buffers and
//     DataViews become []byte (a copy); other objects become
//     map[string]any of their own enumerable properties
//   - functions and symbols cannot be passed: the call throws a TypeError
//
// The result is converted back (see Set); a nil result is undefined. A
// non-nil error is thrown to JavaScript as an Error with the error's
// message (and its code when the error has a `Code() string` method).
func (m *Module) Func(name string, f func(args []any) (any, error)) {
	fn := m.c.StaticFunction(name, 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		in := make([]any, len(args))
		for i, a := range args {
			v, err := toGo(c, a, 0)
			if err != nil {
				return throwGo(c, err)
			}
			in[i] = v
		}
		out, err := f(in)
		if err != nil {
			return throwGo(c, err)
		}
		if out == nil {
			return qjs.Undefined
		}
		v, err := toJS(c, out, 0)
		if err != nil {
			return throwGo(c, err)
		}
		return v
	})
	m.define(name, fn)
}

// Set exports a value under name, converted to JavaScript: nil is null;
// bool, strings, all Go integer and float types are booleans, strings and
// numbers; []byte is a Uint8Array (a copy); slices and arrays are arrays;
// maps with string keys and structs' exported fields are objects; an error
// is an Error object. Other types make the module fail to load.
func (m *Module) Set(name string, v any) {
	jv, err := toJS(m.c, v, 0)
	if err != nil {
		if m.err == nil {
			m.err = fmt.Errorf("gonode: module %q: export %q: %w", m.name, name, err)
		}
		return
	}
	m.define(name, jv)
}

func (m *Module) define(name string, v qjs.Value) {
	if err := m.c.Define(m.exports, name, v, true, true, true); err != nil && m.err == nil {
		m.err = err
	}
}

// Runtime is one embedded gonode program. Run it once with RunFile or
// RunScript, then Close it. Only Stop may be called concurrently with a run.
type Runtime struct {
	opts Options
	in   *node.Instance
	exe  string

	mu      sync.Mutex
	ran     bool
	running bool
	stopped bool
	closed  bool
}

// ErrStopped is returned by RunFile and RunScript when the run was ended by
// Stop.
var ErrStopped = errors.New("gonode: stopped")

// exitStopped is the exit code of a run ended by Stop (128 + SIGTERM, what a
// shell reports for a node process killed by SIGTERM).
const exitStopped = 143

// New creates a runtime: an engine, an event loop and a bootstrapped
// process object, ready to run one program.
func New(opts Options) (*Runtime, error) {
	cfg := node.Config{
		Stdin:       opts.Stdin,
		Stdout:      opts.Stdout,
		Stderr:      opts.Stderr,
		MemoryLimit: opts.MemoryLimit,
	}
	exe, _ := os.Executable()
	cfg.ExecPath = exe
	cfg.Argv = append([]string{exe}, opts.Args...)
	if opts.Env != nil {
		cfg.Env = make(map[string]string, len(opts.Env))
		for k, v := range opts.Env {
			cfg.Env[k] = v
		}
	}
	if opts.Dir != "" {
		dir, err := filepath.Abs(opts.Dir)
		if err != nil {
			return nil, err
		}
		if st, err := os.Stat(dir); err != nil {
			return nil, err
		} else if !st.IsDir() {
			return nil, fmt.Errorf("gonode: %s is not a directory", dir)
		}
		opts.Dir = dir
		cfg.Cwd = dir
	}
	if len(opts.Modules) > 0 {
		cfg.Modules = make(map[string]func(c *qjs.Context) qjs.Value, len(opts.Modules))
		for name, f := range opts.Modules {
			if f == nil {
				return nil, fmt.Errorf("gonode: module %q has a nil ModuleFunc", name)
			}
			cfg.Modules[name] = moduleLoader(name, f)
		}
	}
	in, err := node.New(cfg)
	if err != nil {
		return nil, err
	}
	return &Runtime{opts: opts, in: in, exe: exe}, nil
}

func moduleLoader(name string, f ModuleFunc) func(c *qjs.Context) qjs.Value {
	return func(c *qjs.Context) (r qjs.Value) {
		m := &Module{name: name, c: c, exports: c.Object()}
		defer func() {
			if p := recover(); p != nil {
				c.Free(m.exports)
				r = c.ThrowInternalError(fmt.Sprintf("gonode: module %q panicked: %v", name, p))
			}
		}()
		f(m)
		if m.err != nil {
			c.Free(m.exports)
			return throwGo(c, m.err)
		}
		return m.exports
	}
}

// RunFile runs the program in the file at path (relative to Options.Dir
// when set) as node runs `node path`, then its event loop until nothing is
// left to do, and returns the exit code. err is ErrStopped when Stop ended
// the run, or an error when the runtime cannot run (closed, already run).
// An uncaught JavaScript exception is not an error: it is printed to
// Stderr and gives exit code 1, as in node.
func (r *Runtime) RunFile(path string) (exitCode int, err error) {
	if r.opts.Dir != "" && !filepath.IsAbs(path) {
		path = filepath.Join(r.opts.Dir, path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return 1, err
	}
	return r.run(func() int {
		r.setArgv(append([]string{r.exe, abs}, r.opts.Args...))
		return r.in.RunMain(abs)
	})
}

// RunScript runs source as node runs `node -e source`, naming it name in
// stack traces, then the event loop; see RunFile for the results.
func (r *Runtime) RunScript(name, source string) (int, error) {
	return r.run(func() int { return r.in.RunSource(source, name, false) })
}

func (r *Runtime) run(f func() int) (int, error) {
	r.mu.Lock()
	switch {
	case r.closed:
		r.mu.Unlock()
		return 1, errors.New("gonode: runtime is closed")
	case r.ran:
		r.mu.Unlock()
		return 1, errors.New("gonode: a Runtime runs one program; create another")
	}
	r.ran, r.running = true, true
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		r.running = false
		r.mu.Unlock()
	}()
	if r.opts.Dir != "" {
		if old, err := os.Getwd(); err == nil {
			defer os.Chdir(old)
		}
		if err := os.Chdir(r.opts.Dir); err != nil {
			return 1, err
		}
	}
	code := f()
	r.mu.Lock()
	stopped := r.stopped
	r.mu.Unlock()
	if stopped {
		return code, ErrStopped
	}
	return code, nil
}

func (r *Runtime) setArgv(argv []string) {
	c := r.in.Context()
	g := c.Global()
	p := c.Get(g, "process")
	c.Free(g)
	if p.IsObject() {
		c.Set(p, "argv", c.StringArray(argv))
	}
	c.Free(p)
}

// Stop ends the program: running JavaScript is interrupted at its next
// check point (an infinite loop included), no further callbacks run, and
// RunFile or RunScript returns ErrStopped with exit code 143. Process
// 'exit' listeners do not run. Stop is safe to call from any goroutine, at
// any time, any number of times; called before a run, it makes the run end
// at once.
func (r *Runtime) Stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed || r.stopped {
		return
	}
	r.stopped = true
	r.in.Stop(exitStopped)
}

// Close frees the runtime. It must not be called while a run is in
// progress (call Stop and wait for the run to return first).
func (r *Runtime) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil
	}
	if r.running {
		return errors.New("gonode: Close during a run; call Stop and wait for the run to return")
	}
	r.closed = true
	r.in.Close()
	return nil
}

// codeError is the shape of an error that carries a Node-style code.
type codeError interface{ Code() string }

// throwGo throws err as a JS Error (with err.Code() as code when present).
func throwGo(c *qjs.Context, err error) qjs.Value {
	var je *qjs.Error
	if errors.As(err, &je) {
		return c.ThrowError(je)
	}
	var te typeError
	if errors.As(err, &te) {
		return c.ThrowTypeError(string(te))
	}
	e := c.MakeError("Error", err.Error())
	var ce codeError
	if errors.As(err, &ce) {
		c.Set(e, "code", c.String(ce.Code()))
	}
	return c.Throw(e)
}

// typeError is a conversion failure, thrown to JS as a TypeError.
type typeError string

func (e typeError) Error() string { return string(e) }

// maxDepth bounds the nesting of converted values (and so catches cycles).
const maxDepth = 1000

var errDepth = errors.New("value nested too deeply (or cyclic)")

// toGo converts a JS value (borrowed) to a Go value.
func toGo(c *qjs.Context, v qjs.Value, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errDepth
	}
	switch {
	case v.IsNullish():
		return nil, nil
	case v.IsBool():
		return c.ToBool(v), nil
	case v.IsNumber():
		return v.Float(), nil
	case v.IsString():
		return c.ToGoString(v)
	case v.IsBigInt():
		n, err := c.ToBigInt64(v)
		if err != nil {
			return nil, err
		}
		// ToBigInt64 wraps modulo 2^64: keep it only when it round-trips.
		back := c.BigInt64(n)
		same := c.StrictEquals(back, v)
		c.Free(back)
		if same {
			return n, nil
		}
		return c.ToGoString(v)
	case v.IsSymbol():
		return nil, typeError("cannot pass a symbol to a Go function")
	case c.IsFunction(v):
		return nil, typeError("cannot pass a function to a Go function")
	}
	if b, ok := c.TypedArrayBytes(v); ok {
		return append([]byte{}, b...), nil
	}
	if b, ok := c.ArrayBufferBytes(v); ok {
		return append([]byte{}, b...), nil
	}
	c.ClearException() // ArrayBufferBytes on a non-buffer leaves a TypeError
	if c.IsArray(v) {
		n := c.Length(v)
		out := make([]any, n)
		for i := range n {
			e := c.GetIndex(v, uint32(i))
			if e.IsException() {
				return nil, c.NewError(c.TakeException())
			}
			g, err := toGo(c, e, depth+1)
			c.Free(e)
			if err != nil {
				return nil, err
			}
			out[i] = g
		}
		return out, nil
	}
	keys, err := c.Keys(v)
	if err != nil {
		return nil, err
	}
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		e := c.Get(v, k)
		if e.IsException() {
			return nil, c.NewError(c.TakeException())
		}
		if c.IsFunction(e) {
			c.Free(e) // methods are not data
			continue
		}
		g, err := toGo(c, e, depth+1)
		c.Free(e)
		if err != nil {
			return nil, err
		}
		out[k] = g
	}
	return out, nil
}

// toJS converts a Go value to an owned JS value.
func toJS(c *qjs.Context, v any, depth int) (qjs.Value, error) {
	if depth > maxDepth {
		return qjs.Undefined, errDepth
	}
	switch x := v.(type) {
	case nil:
		return qjs.Null, nil
	case string:
		return c.String(x), nil
	case bool:
		return qjs.Bool(x), nil
	case float64:
		return qjs.Number(x), nil
	case int:
		return qjs.Int64(int64(x)), nil
	case int64:
		return qjs.Int64(x), nil
	case []byte:
		return c.Uint8Array(x), nil
	case error:
		e := c.MakeError("Error", x.Error())
		var ce codeError
		if errors.As(x, &ce) {
			c.Set(e, "code", c.String(ce.Code()))
		}
		return e, nil
	case []any:
		a := c.Array()
		for i, e := range x {
			jv, err := toJS(c, e, depth+1)
			if err != nil {
				c.Free(a)
				return qjs.Undefined, err
			}
			c.SetIndex(a, uint32(i), jv)
		}
		return a, nil
	case map[string]any:
		o := c.Object()
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			jv, err := toJS(c, x[k], depth+1)
			if err != nil {
				c.Free(o)
				return qjs.Undefined, err
			}
			c.Define(o, k, jv, true, true, true)
		}
		return o, nil
	}
	return reflectToJS(c, reflect.ValueOf(v), depth)
}

func reflectToJS(c *qjs.Context, rv reflect.Value, depth int) (qjs.Value, error) {
	switch rv.Kind() {
	case reflect.Bool:
		return qjs.Bool(rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return qjs.Int64(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u <= math.MaxInt64 {
			return qjs.Int64(int64(u)), nil
		}
		return qjs.Float64(float64(u)), nil
	case reflect.Float32, reflect.Float64:
		return qjs.Number(rv.Float()), nil
	case reflect.String:
		return c.String(rv.String()), nil
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return qjs.Null, nil
		}
		return toJS(c, rv.Elem().Interface(), depth+1)
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return qjs.Null, nil
		}
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, rv.Len())
			reflect.Copy(reflect.ValueOf(b), rv)
			return c.Uint8Array(b), nil
		}
		a := c.Array()
		for i := range rv.Len() {
			jv, err := toJS(c, rv.Index(i).Interface(), depth+1)
			if err != nil {
				c.Free(a)
				return qjs.Undefined, err
			}
			c.SetIndex(a, uint32(i), jv)
		}
		return a, nil
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			break
		}
		if rv.IsNil() {
			return qjs.Null, nil
		}
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		o := c.Object()
		for _, k := range keys {
			jv, err := toJS(c, rv.MapIndex(k).Interface(), depth+1)
			if err != nil {
				c.Free(o)
				return qjs.Undefined, err
			}
			c.Define(o, k.String(), jv, true, true, true)
		}
		return o, nil
	case reflect.Struct:
		o := c.Object()
		t := rv.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			jv, err := toJS(c, rv.Field(i).Interface(), depth+1)
			if err != nil {
				c.Free(o)
				return qjs.Undefined, err
			}
			c.Define(o, f.Name, jv, true, true, true)
		}
		return o, nil
	}
	return qjs.Undefined, typeError("cannot convert Go " + rv.Type().String() + " to JavaScript")
}
