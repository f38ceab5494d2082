package qjs

import (
	"runtime"
	"testing"
	"time"
)

// Call overhead across the binding, the cost every op and callback pays.
// Goal: under 500 ns each way. Run with
//
//	go test ./internal/qjs -run XXX -bench .

// cpuTimer reports, besides ns/op (wall time), cpu-ns/op: the CPU time
// of the benchmark's thread, which a loaded machine does not inflate.
type cpuTimer struct {
	b     *testing.B
	start time.Duration
	ok    bool
}

func startCPU(b *testing.B) *cpuTimer {
	runtime.LockOSThread()
	b.ResetTimer()
	t, ok := threadCPU()
	return &cpuTimer{b, t, ok}
}

func (t *cpuTimer) stop() {
	end, ok := threadCPU()
	t.b.StopTimer()
	runtime.UnlockOSThread()
	if t.ok && ok && t.b.N > 0 {
		t.b.ReportMetric(float64(end-t.start)/float64(t.b.N), "cpu-ns/op")
	}
}

// BenchmarkJSToGoCall: a JS loop calling a Go function (StaticFunction)
// with one argument.
func BenchmarkJSToGoCall(b *testing.B) {
	_, c := newTestRuntime(b)
	g := c.Global()
	c.Set(g, "nop", c.StaticFunction("nop", 1, func(c *Context, this Value, args []Value) Value {
		return Undefined
	}))
	c.Free(g)
	benchJSLoop(b, c, "nop(i)")
}

// BenchmarkJSToGoCallCollectable is BenchmarkJSToGoCall for a Function
// (collectable closure).
func BenchmarkJSToGoCallCollectable(b *testing.B) {
	_, c := newTestRuntime(b)
	g := c.Global()
	c.Set(g, "nop", c.Function("nop", 1, func(c *Context, this Value, args []Value) Value {
		return Undefined
	}))
	c.Free(g)
	benchJSLoop(b, c, "nop(i)")
}

// BenchmarkJSToGoCallArgs passes three arguments that Go reads (a number,
// a string converted to Go, a boolean) and returns a number.
func BenchmarkJSToGoCallArgs(b *testing.B) {
	_, c := newTestRuntime(b)
	g := c.Global()
	c.Set(g, "f", c.StaticFunction("f", 3, func(c *Context, this Value, args []Value) Value {
		n := Arg(args, 0).Float()
		s := c.GoString(Arg(args, 1))
		if c.ToBool(Arg(args, 2)) {
			n += float64(len(s))
		}
		return Number(n)
	}))
	c.Free(g)
	benchJSLoop(b, c, "f(i, 'abc', true)")
}

// BenchmarkJSLoopBaseline is the JS loop of the benchmarks above calling a
// JS function instead: subtract it to get the Go crossing alone.
func BenchmarkJSLoopBaseline(b *testing.B) {
	_, c := newTestRuntime(b)
	v, err := c.Eval("globalThis.nop = function (x) {}", "b.js", EvalGlobal)
	if err != nil {
		b.Fatal(err)
	}
	c.Free(v)
	benchJSLoop(b, c, "nop(i)")
}

func benchJSLoop(b *testing.B, c *Context, body string) {
	fn, err := c.Eval("(function (n) { for (let i = 0; i < n; i++) "+body+" })", "b.js", EvalGlobal)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Free(fn)
	t := startCPU(b)
	v, err := c.Call(fn, Undefined, Int32(int32(b.N)))
	t.stop()
	if err != nil {
		b.Fatal(err)
	}
	c.Free(v)
}

// BenchmarkGoToJSCall: Go calling a JS function with one argument.
func BenchmarkGoToJSCall(b *testing.B) {
	_, c := newTestRuntime(b)
	fn, err := c.Eval("(function (x) { return x })", "b.js", EvalGlobal)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Free(fn)
	arg := Int32(1)
	t := startCPU(b)
	defer t.stop()
	for i := 0; i < b.N; i++ {
		v, err := c.Call(fn, Undefined, arg)
		if err != nil {
			b.Fatal(err)
		}
		c.Free(v)
	}
}

// BenchmarkGoToJSCallString: Go calling JS with a fresh string argument
// and reading a string result, as a callback carrying data does.
func BenchmarkGoToJSCallString(b *testing.B) {
	_, c := newTestRuntime(b)
	fn, err := c.Eval("(function (s) { return s + '!' })", "b.js", EvalGlobal)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Free(fn)
	t := startCPU(b)
	defer t.stop()
	for i := 0; i < b.N; i++ {
		s := c.String("hello")
		v, err := c.Call(fn, Undefined, s)
		if err != nil {
			b.Fatal(err)
		}
		if len(c.GoString(v)) != 6 {
			b.Fatal("bad result")
		}
		c.FreeAll(v, s)
	}
}

// BenchmarkGetSet: a property write and read through cached atoms.
func BenchmarkGetSet(b *testing.B) {
	_, c := newTestRuntime(b)
	o := c.Object()
	defer c.Free(o)
	t := startCPU(b)
	defer t.stop()
	for i := 0; i < b.N; i++ {
		c.Set(o, "x", Int32(int32(i)))
		v := c.Get(o, "x")
		c.Free(v)
	}
}
