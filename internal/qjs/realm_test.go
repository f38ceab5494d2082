package qjs

import "testing"

func TestNewContextIsASeparateRealm(t *testing.T) {
	rt, c := newTestRuntime(t)
	c2, err := rt.NewContext()
	if err != nil {
		t.Fatal(err)
	}
	g2 := c2.Global()
	defer c2.Free(g2)
	g := c.Global()
	defer c.Free(g)
	// Pass the other realm's global object and Array constructor in.
	c.Set(g, "other", c2.Dup(g2))
	v, err := c2.Eval("var marker = 1; Array", "realm2.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	c.Set(g, "OtherArray", v)
	r, err := c.Eval(`[typeof marker, other.marker, OtherArray === Array,
		Array.isArray(new OtherArray()), new OtherArray() instanceof Array].join()`, "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(r)
	if s := c.GoString(r); s != "undefined,1,false,true,false" {
		t.Fatalf("got %q", s)
	}
	// Go functions work in the second context.
	c2.Set(g2, "twice", c2.Function("twice", 1, func(c *Context, this Value, args []Value) Value {
		return Number(2 * Arg(args, 0).Float())
	}))
	r2, err := c2.Eval("twice(21)", "realm2.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	if n := r2.Int(); n != 42 {
		t.Fatalf("twice(21) = %d", n)
	}
}

func TestSetIsHTMLDDA(t *testing.T) {
	_, c := newTestRuntime(t)
	g := c.Global()
	defer c.Free(g)
	o := c.Object()
	c.SetIsHTMLDDA(o)
	c.Set(g, "dda", o)
	r, err := c.Eval(`[typeof dda, !dda, dda == null, dda === null, dda ?? 'nullish'].join()`, "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(r)
	if s := c.GoString(r); s != "undefined,true,true,false,[object Object]" {
		t.Fatalf("got %q", s)
	}
	c.SetIsHTMLDDA(Int32(1)) // not an object: no effect, no crash
}

func TestGoFunctionCalledFromOtherRealm(t *testing.T) {
	rt, c := newTestRuntime(t)
	c2, err := rt.NewContext()
	if err != nil {
		t.Fatal(err)
	}
	g := c.Global()
	defer c.Free(g)
	g2 := c2.Global()
	defer c2.Free(g2)
	// Each realm gets a function at the same table index; calling the
	// second realm's function from the first must run the second's Func.
	c.Set(g, "which", c.Function("which", 0, func(c *Context, this Value, args []Value) Value {
		return c.String("first")
	}))
	c2.Set(g2, "which", c2.Function("which", 0, func(cc *Context, this Value, args []Value) Value {
		if cc != c2 {
			t.Error("Func got the caller's context, not its own")
		}
		return cc.String("second")
	}))
	c.Set(g, "other", c2.Dup(g2))
	r, err := c.Eval("which() + ',' + other.which()", "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(r)
	if s := c.GoString(r); s != "first,second" {
		t.Fatalf("got %q", s)
	}
}

func TestEvalRawLeavesExceptionPending(t *testing.T) {
	rt, c := newTestRuntime(t)
	c2, err := rt.NewContext()
	if err != nil {
		t.Fatal(err)
	}
	// An exception raised in the second realm propagates unchanged through
	// a Go function of the first: the caller sees the realm's own error.
	g := c.Global()
	defer c.Free(g)
	c.Set(g, "runThere", c.Function("runThere", 1, func(c *Context, this Value, args []Value) Value {
		return c2.EvalRaw(c.GoString(Arg(args, 0)), "there.js", EvalGlobal)
	}))
	r, err := c.Eval(`let e; try { runThere('throw new RangeError("far")') } catch (x) { e = x }
		[e instanceof RangeError, e.message, e.constructor === runThere('RangeError')].join()`, "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(r)
	if s := c.GoString(r); s != "false,far,true" {
		t.Fatalf("got %q", s)
	}
}

func TestCollectableContextIsFreedWhenUnreachable(t *testing.T) {
	rt, c := newTestRuntime(t)
	rt.RunGC()
	_, before := rt.MemoryUsage()
	for i := 0; i < 20; i++ {
		c2, anchor, err := rt.NewCollectableContext()
		if err != nil {
			t.Fatal(err)
		}
		v, err := c2.Eval("var big = new Array(1000).fill(7); big.length + 1", "realm.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		if v.Int() != 1001 {
			t.Fatalf("got %d", v.Int())
		}
		// A function of the realm keeps it alive after the anchor goes.
		f, err := c2.Eval("(function () { return big.length })", "realm.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		c.Free(anchor)
		rt.RunGC()
		r, err := c.Call(f, Undefined)
		if err != nil {
			t.Fatal(err)
		}
		if r.Int() != 1000 {
			t.Fatalf("realm function returned %d", r.Int())
		}
		c.Free(f)
		c2.Forget()
	}
	rt.RunGC()
	_, after := rt.MemoryUsage()
	// Twenty realms hold thousands of allocations; once unreachable they
	// must all be gone.
	t.Logf("allocations %d -> %d", before, after)
	if after-before > 200 {
		t.Fatalf("allocations grew from %d to %d", before, after)
	}
	// A collectable context not forgotten is dropped by Close.
	if _, anchor, err := rt.NewCollectableContext(); err != nil {
		t.Fatal(err)
	} else {
		c.Free(anchor)
	}
}
