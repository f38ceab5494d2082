package qjs

import (
	"errors"
	"strings"
	"testing"
)

func newTestRuntime(t testing.TB) (*Runtime, *Context) {
	t.Helper()
	rt, err := NewRuntime(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rt.Close)
	return rt, rt.Context()
}

func TestEvalAndGoFunction(t *testing.T) {
	_, c := newTestRuntime(t)
	g := c.Global()
	defer c.Free(g)
	c.Set(g, "add", c.StaticFunction("add", 2, func(c *Context, this Value, args []Value) Value {
		return Number(Arg(args, 0).Float() + Arg(args, 1).Float())
	}))
	v, err := c.Eval("add(40, 2) + add.name", "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(v)
	if s := c.GoString(v); s != "42add" {
		t.Fatalf("got %q", s)
	}
}

func TestExceptionCarriesStack(t *testing.T) {
	_, c := newTestRuntime(t)
	_, err := c.Eval("function f() {\n  throw new TypeError('bad thing');\n}\nf();", "/x/y.js", EvalGlobal)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("want *Error, got %v", err)
	}
	defer e.Free()
	if e.Name != "TypeError" || e.Message != "bad thing" {
		t.Fatalf("got %s / %s", e.Name, e.Message)
	}
	fr := ParseStack(e.Stack)
	if len(fr) == 0 || fr[0].File != "/x/y.js" || fr[0].Line != 2 {
		t.Fatalf("stack %q parsed %+v", e.Stack, fr)
	}
}

func TestGoPanicBecomesJSError(t *testing.T) {
	_, c := newTestRuntime(t)
	g := c.Global()
	defer c.Free(g)
	c.Set(g, "boom", c.Function("boom", 0, func(c *Context, this Value, args []Value) Value {
		var m map[string]int
		m["x"] = 1 // nil map write panics
		return Undefined
	}))
	v, err := c.Eval("try { boom() } catch (e) { e.message }", "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(v)
	if s := c.GoString(v); !strings.Contains(s, "internal error in native code") {
		t.Fatalf("got %q", s)
	}
}

func TestArrayBufferInPlace(t *testing.T) {
	_, c := newTestRuntime(t)
	v, err := c.Eval("globalThis.u = new Uint8Array([1,2,3,4]).subarray(1); u", "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(v)
	b, ok := c.TypedArrayBytes(v)
	if !ok || len(b) != 3 || b[0] != 2 {
		t.Fatalf("bytes %v %v", b, ok)
	}
	b[0] = 99
	r, _ := c.Eval("u[0]", "t.js", EvalGlobal)
	if r.Int() != 99 {
		t.Fatalf("write not visible: %v", r.Int())
	}
}

func TestPromiseJobsAndRejectionTracker(t *testing.T) {
	rt, c := newTestRuntime(t)
	var unhandled int
	rt.RejectionTracker = func(p, reason Value, handled bool) {
		if !handled {
			unhandled++
		} else {
			unhandled--
		}
	}
	v, err := c.Eval("globalThis.out = []; Promise.resolve(1).then(x => out.push(x)); Promise.reject(new Error('x')); 0", "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	c.Free(v)
	drainJobs(t, rt)
	r, _ := c.Eval("out.join()", "t.js", EvalGlobal)
	defer c.Free(r)
	if c.GoString(r) != "1" || unhandled != 1 {
		t.Fatalf("out=%q unhandled=%d", c.GoString(r), unhandled)
	}
}

func TestBytecodeRoundTrip(t *testing.T) {
	_, c := newTestRuntime(t)
	code, err := c.Compile("(function(){ return 6*7 })()", "b.js", false)
	if err != nil {
		t.Fatal(err)
	}
	fn, err := c.LoadBytecode(code)
	if err != nil {
		t.Fatal(err)
	}
	v, err := c.EvalFunction(fn)
	if err != nil {
		t.Fatal(err)
	}
	if v.Int() != 42 {
		t.Fatalf("got %d", v.Int())
	}
}

func TestInterrupt(t *testing.T) {
	rt, c := newTestRuntime(t)
	rt.Interrupt()
	_, err := c.Eval("for(;;){}", "loop.js", EvalGlobal)
	if err == nil {
		t.Fatal("infinite loop was not interrupted")
	}
	err.(*Error).Free()
	rt.ClearInterrupt()
	v, err := c.Eval("1+1", "t.js", EvalGlobal)
	if err != nil || v.Int() != 2 {
		t.Fatalf("after clear: %v %v", v.Int(), err)
	}
}

func TestMemoryLimit(t *testing.T) {
	rt, err := NewRuntime(Options{MemoryLimit: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	c := rt.Context()
	_, err = c.Eval("let a = []; for (;;) a.push('x'.repeat(1000) + a.length)", "m.js", EvalGlobal)
	if err == nil {
		t.Fatal("want out of memory")
	}
	err.(*Error).Free()
}

func TestStackLimit(t *testing.T) {
	_, c := newTestRuntime(t)
	v, err := c.Eval("function r(){ return r() } try { r() } catch (e) { String(e) }", "s.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	if s := c.GoString(v); !strings.Contains(s, "stack overflow") {
		t.Fatalf("deep recursion gave %q", s)
	}
}

func TestClassHandleAndFinalizer(t *testing.T) {
	rt, c := newTestRuntime(t)
	var finalized []uintptr
	cls := rt.NewClass("Thing", func(h uintptr) { finalized = append(finalized, h) })
	obj := c.NewInstance(cls, Undefined, 77)
	if h, ok := c.Handle(obj, cls); !ok || h != 77 {
		t.Fatalf("handle %d %v", h, ok)
	}
	c.Free(obj)
	rt.RunGC()
	if len(finalized) != 1 || finalized[0] != 77 {
		t.Fatalf("finalized %v", finalized)
	}
}
