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
