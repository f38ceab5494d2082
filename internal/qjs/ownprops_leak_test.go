//go:build libc.memgrind

package qjs

import "testing"

func TestLeakOwnProps(t *testing.T) {
	leakCycle(t, "own properties", func(t *testing.T, rt *Runtime, c *Context) {
		obj, err := c.Eval(`var o = {s: 'x'.repeat(50), n: {}, get g() { return 1; }, 0: [1]};
			o[Symbol('k')] = {}; o`, "o.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		keys, ok := c.OwnKeys(obj, false)
		if !ok || len(keys) != 5 {
			t.Fatalf("OwnKeys: %d keys, ok %v", len(keys), ok)
		}
		for _, k := range keys {
			val, _, _ := c.OwnProperty(obj, k)
			c.Free(val)
			c.Free(c.KeyValue(k))
			c.FreeKey(k)
		}
		k := c.IndexKey(0)
		val, _, _ := c.OwnProperty(obj, k)
		c.FreeKey(k)
		c.Free(val)
		c.FreeAll(c.Prototype(obj), obj)
	})
}
