package qjs

import "testing"

func evalT(t *testing.T, c *Context, src string) Value {
	t.Helper()
	v, err := c.Eval(src, "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestClassID(t *testing.T) {
	_, c := newTestRuntime(t)
	cases := map[string]int{
		"new Map()":                ClassMap,
		"new Set()":                ClassSet,
		"new Proxy(new Map(), {})": ClassProxy,
		"Promise.resolve(1)":       ClassPromise,
		"(async () => {})":         ClassAsyncFunction,
		"new Date(0)":              ClassDate,
		"new Error('x')":           ClassError,
		"new Map().keys()":         ClassMapIterator,
		"(function(){'use strict'; return arguments})()": ClassArguments,
		"(function(){return arguments})()":               ClassMappedArguments,
	}
	for src, want := range cases {
		v := evalT(t, c, src)
		if got := c.ClassID(v); got != want {
			t.Errorf("%s: class %d, want %d", src, got, want)
		}
		c.Free(v)
	}
	if got := c.ClassID(Int32(1)); got != -1 {
		t.Errorf("primitive: %d", got)
	}
}

func TestProxyDetails(t *testing.T) {
	_, c := newTestRuntime(t)
	v := evalT(t, c, "var target = {a: 1}; var handler = {}; new Proxy(target, handler)")
	defer c.Free(v)
	target, handler, ok := c.ProxyDetails(v)
	if !ok {
		t.Fatal("not a proxy")
	}
	defer c.FreeAll(target, handler)
	g := c.Global()
	defer c.Free(g)
	wantT, wantH := c.Get(g, "target"), c.Get(g, "handler")
	defer c.FreeAll(wantT, wantH)
	if !c.StrictEquals(target, wantT) || !c.StrictEquals(handler, wantH) {
		t.Fatal("wrong target or handler")
	}
	r := evalT(t, c, "var r = Proxy.revocable({}, {}); r.revoke(); r.proxy")
	defer c.Free(r)
	if tv, _, ok := c.ProxyDetails(r); !ok || !tv.IsNull() {
		t.Fatal("revoked proxy should report a null target")
	}
	if _, _, ok := c.ProxyDetails(g); ok {
		t.Fatal("global is not a proxy")
	}
}

func TestMapIteratorEntries(t *testing.T) {
	_, c := newTestRuntime(t)
	v := evalT(t, c, "var m = new Map([['a', 1], ['b', 2], ['c', 3]]); m.delete('b'); var it = m.entries(); it.next(); it")
	defer c.Free(v)
	entries, kind, ok := c.MapIteratorEntries(v)
	if !ok || kind != 2 || len(entries) != 2 {
		t.Fatalf("ok=%v kind=%d n=%d", ok, kind, len(entries))
	}
	if c.GoString(entries[0]) != "c" || entries[1].Int() != 3 {
		t.Fatalf("got %s=%d", c.GoString(entries[0]), entries[1].Int())
	}
	c.FreeAll(entries...)
	// Previewing did not advance the iterator.
	n := evalT(t, c, "it.next().value[0]")
	defer c.Free(n)
	if c.GoString(n) != "c" {
		t.Fatalf("iterator advanced: %s", c.GoString(n))
	}
}
