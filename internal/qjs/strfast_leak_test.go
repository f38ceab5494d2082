//go:build libc.memgrind

package qjs

import (
	"strings"
	"testing"
)

// TestLeakLatin1String checks that the strings Latin1String makes are
// released like the engine's own, whether freed at once or kept by JS.
func TestLeakLatin1String(t *testing.T) {
	leakCycle(t, "latin1", func(t *testing.T, rt *Runtime, c *Context) {
		keep, err := c.Eval("globalThis.kept = []; (s) => { kept.push(s + '', s); return s.length; }", "k.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		k := c.NewCaller(keep, Undefined)
		for i := range 50 {
			c.Free(k.CallLatin1([]byte(strings.Repeat("y", i))))
			c.Free(c.Latin1String([]byte("dropped")))
		}
		k.Close()
		c.Free(keep)
		// A string that became an atom in the call, held by nobody else
		// when it returns: it must be freed as an atom, never rewritten.
		atomize, err := c.Eval("(s) => { const o = {}; o[s] = 1; }", "a.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		k = c.NewCaller(atomize, Undefined)
		for i := range 50 {
			c.Free(k.CallLatin1([]byte(strings.Repeat("k", 1+i%5))))
		}
		k.Close()
		c.Free(atomize)
	})
}
