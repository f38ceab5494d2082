//go:build libc.memgrind

package qjs

// The leak test runs the binding under libc's allocation tracker (the
// libc.memgrind build tag): every C allocation made between MemAuditStart
// and MemAuditReport must have been freed by then. Run it with
//
//	go test -tags=libc.memgrind ./internal/qjs -run Leak

import (
	"errors"
	"testing"

	"modernc.org/libc"
)

// leakCycle creates a runtime, runs body in it, closes it, and reports any
// C memory left allocated.
func leakCycle(t *testing.T, name string, body func(t *testing.T, rt *Runtime, c *Context)) {
	t.Run(name, func(t *testing.T) {
		// A first cycle outside the audit lets libc and the engine make
		// their one-time process-wide allocations.
		run := func() {
			rt, err := NewRuntime(Options{})
			if err != nil {
				t.Fatal(err)
			}
			body(t, rt, rt.Context())
			rt.Close()
		}
		run()
		libc.MemAuditStart()
		for range 3 {
			run()
		}
		if err := libc.MemAuditReport(); err != nil {
			t.Fatalf("C memory leaked:\n%v", err)
		}
	})
}

func TestLeak(t *testing.T) {
	leakCycle(t, "empty", func(t *testing.T, rt *Runtime, c *Context) {})

	leakCycle(t, "eval", func(t *testing.T, rt *Runtime, c *Context) {
		v, err := c.Eval("let o = {a: [1, 2, 'x'.repeat(100)], s: new Set([1]), m: new Map()}; JSON.stringify(o) + String(1n << 80n)", "e.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		if s := c.GoString(v); s == "" {
			t.Fatal("empty result")
		}
		c.Free(v)
		obj := c.Object()
		c.Set(obj, "str", c.String("héllo"))
		c.Set(obj, "big", c.String(string(make([]byte, 10000))))
		c.SetIndex(obj, 3, Float64(1.5))
		keys, err := c.Keys(obj)
		if err != nil || len(keys) != 3 {
			t.Fatalf("keys %v %v", keys, err)
		}
		j, _, err := c.JSONStringify(obj)
		if err != nil || j == "" {
			t.Fatal(err)
		}
		p, err := c.JSONParse(`{"x": [1, {"y": null}]}`, "j.json")
		if err != nil {
			t.Fatal(err)
		}
		c.FreeAll(obj, p)
	})

	leakCycle(t, "go functions", func(t *testing.T, rt *Runtime, c *Context) {
		g := c.Global()
		defer c.Free(g)
		n := 0
		c.Set(g, "static", c.StaticFunction("static", 1, func(c *Context, this Value, args []Value) Value {
			n++
			return c.String(c.GoString(Arg(args, 0)) + "!")
		}))
		// Collectable functions: made in a loop and dropped, their Go
		// closures must be released when JS collects them.
		c.Set(g, "make", c.StaticFunction("make", 0, func(c *Context, this Value, args []Value) Value {
			k := n
			return c.Function("closure", 0, func(c *Context, this Value, args []Value) Value {
				return Int32(int32(k))
			})
		}))
		v, err := c.Eval("let s = 0; for (let i = 0; i < 200; i++) { s += make()(); static('x' + i) } s", "f.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		c.Free(v)
		rt.RunGC()
		if live := len(c.funcs) - len(c.freeFuncs); live > 4 {
			t.Fatalf("%d Go functions still registered after GC", live)
		}
		fn, err := c.Eval("(a, b) => [a, b, String(a) + b]", "f.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 50 {
			s := c.String("s")
			r, err := c.Call(fn, Undefined, Int32(int32(i)), s)
			if err != nil {
				t.Fatal(err)
			}
			c.FreeAll(r, s)
		}
		c.Free(fn)
	})

	leakCycle(t, "exceptions", func(t *testing.T, rt *Runtime, c *Context) {
		g := c.Global()
		defer c.Free(g)
		c.Set(g, "thrower", c.StaticFunction("thrower", 0, func(c *Context, this Value, args []Value) Value {
			return c.ThrowTypeError("from Go")
		}))
		c.Set(g, "panicker", c.StaticFunction("panicker", 0, func(c *Context, this Value, args []Value) Value {
			panic("boom")
		}))
		for _, src := range []string{
			"throw new Error('plain')",
			"throw 42",
			"throw {toString() { throw new Error('nested') }}",
			"thrower()",
			"panicker()",
			"function f(n) { return n ? f(n - 1) : null.x } f(50)",
			"syntax error here",
		} {
			_, err := c.Eval(src, "x.js", EvalGlobal)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%s: want *Error, got %v", src, err)
			}
			e.Free()
		}
		// An *Error not freed by its user is freed when the context closes.
		_, err := c.Eval("throw new RangeError('kept')", "x.js", EvalGlobal)
		if err == nil {
			t.Fatal("no error")
		}
		// Rethrowing an *Error hands its value back to JS.
		c.Set(g, "rethrow", c.StaticFunction("rethrow", 0, func(c *Context, this Value, args []Value) Value {
			_, err := c.Eval("throw new Error('inner')", "in.js", EvalGlobal)
			return c.ThrowError(err)
		}))
		v, err := c.Eval("try { rethrow() } catch (e) { e.message }", "x.js", EvalGlobal)
		if err != nil || c.GoString(v) != "inner" {
			t.Fatalf("rethrow: %v", err)
		}
		c.Free(v)
		rt.Interrupt()
		_, err = c.Eval("for (;;) {}", "loop.js", EvalGlobal)
		if err == nil {
			t.Fatal("not interrupted")
		}
		err.(*Error).Free()
		rt.ClearInterrupt()
	})

	leakCycle(t, "promises", func(t *testing.T, rt *Runtime, c *Context) {
		rejections := 0
		rt.RejectionTracker = func(p, reason Value, handled bool) { rejections++ }
		p, resolve, reject := c.NewPromise()
		v, err := c.Eval("(p) => p.then(x => x * 2).then(async x => { await null; throw new Error('r' + x) }).catch(e => e.message)", "p.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		chained, err := c.Call(v, Undefined, p)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := c.Call(resolve, Undefined, Int32(21))
		c.Free(r)
		r2, _ := c.Eval("Promise.reject(new Error('unhandled')); Promise.all([1, Promise.resolve(2)])", "p.js", EvalGlobal)
		for {
			ran, err := rt.ExecutePendingJob()
			if err != nil {
				t.Fatal(err)
			}
			if !ran {
				break
			}
		}
		if c.PromiseState(chained) != PromiseFulfilled {
			t.Fatal("chain not settled")
		}
		res := c.PromiseResult(chained)
		if c.GoString(res) != "r42" {
			t.Fatalf("got %q", c.GoString(res))
		}
		c.FreeAll(res, r2, chained, v, p, resolve, reject)
		if rejections == 0 {
			t.Fatal("rejection tracker not called")
		}
	})

	leakCycle(t, "array buffers", func(t *testing.T, rt *Runtime, c *Context) {
		for i := range 20 {
			buf := make([]byte, 1000*i)
			u := c.Uint8Array(buf)
			b, ok := c.TypedArrayBytes(u)
			if !ok || len(b) != len(buf) {
				t.Fatalf("bad bytes for length %d: %d %v", len(buf), len(b), ok)
			}
			ab := c.ArrayBuffer(buf)
			if _, ok := c.ArrayBufferBytes(ab); !ok {
				t.Fatal("bad buffer")
			}
			c.DetachArrayBuffer(ab)
			c.FreeAll(u, ab)
		}
		v, err := c.Eval("const d = new DataView(new ArrayBuffer(64), 8, 16); d", "ab.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		if b, ok := c.TypedArrayBytes(v); !ok || len(b) != 16 {
			t.Fatal("dataview bytes")
		}
		c.Free(v)
		if _, ok := c.TypedArrayBytes(Int32(1)); ok {
			t.Fatal("int is not a typed array")
		}
	})

	leakCycle(t, "classes", func(t *testing.T, rt *Runtime, c *Context) {
		finalized := 0
		cls := rt.NewClass("Handle", func(h uintptr) { finalized++ })
		proto := c.Object()
		g := c.Global()
		c.Set(g, "makeHandle", c.StaticFunction("makeHandle", 1, func(c *Context, this Value, args []Value) Value {
			return c.NewInstance(cls, proto, uintptr(Arg(args, 0).Int()))
		}))
		c.Free(g)
		v, err := c.Eval("let keep = []; for (let i = 0; i < 100; i++) { const h = makeHandle(i); if (i % 10 == 0) keep.push(h) } keep = null; 1", "c.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		c.Free(v)
		rt.RunGC()
		if finalized != 100 {
			t.Fatalf("finalized %d of 100", finalized)
		}
		c.Free(proto)
	})

	leakCycle(t, "bytecode and modules", func(t *testing.T, rt *Runtime, c *Context) {
		code, err := c.Compile("(function () { return [1, 2, 3].map(x => x * 2) })", "bc.js", false)
		if err != nil {
			t.Fatal(err)
		}
		fn, err := c.LoadBytecode(code)
		if err != nil {
			t.Fatal(err)
		}
		f, err := c.EvalFunction(fn)
		if err != nil {
			t.Fatal(err)
		}
		r, err := c.Call(f, Undefined)
		if err != nil {
			t.Fatal(err)
		}
		c.FreeAll(r, f)
		m, err := c.CompileModule("export const x = 1; export default function () {}", "m.js")
		if err != nil {
			t.Fatal(err)
		}
		meta := c.ImportMeta(m)
		c.Set(meta, "url", c.String("file:///m.js"))
		c.Free(meta)
		res, err := c.EvalFunction(m.Value())
		if err != nil {
			t.Fatal(err)
		}
		c.Free(res)
		if _, err := c.LoadBytecode([]byte{1, 2, 3}); err == nil {
			t.Fatal("garbage bytecode loaded")
		} else if e, ok := err.(*Error); ok {
			e.Free()
		}
	})
}

// TestLeakGoSide checks the Go-side registries: a closed runtime leaves
// nothing behind, and class IDs are reused rather than grown per runtime.
func TestLeakGoSide(t *testing.T) {
	var ids []ClassID
	for range 3 {
		rt, err := NewRuntime(Options{})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, rt.NewClass("LeakProbe", nil))
		rt.Close()
	}
	if ids[0] != ids[1] || ids[1] != ids[2] {
		t.Fatalf("class IDs not reused: %v", ids)
	}
	classMu.Lock()
	n := len(runtimes)
	classMu.Unlock()
	ctxMu.RLock()
	nc := len(contexts)
	ctxMu.RUnlock()
	if n != 0 || nc != 0 {
		t.Fatalf("%d runtimes and %d contexts still registered after Close", n, nc)
	}
}
