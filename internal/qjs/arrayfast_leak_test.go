//go:build libc.memgrind

package qjs

import "testing"

// TestLeakStoreArrayElement checks that the values StoreArrayElement
// replaces and stores are released with the array.
func TestLeakStoreArrayElement(t *testing.T) {
	leakCycle(t, "store array element", func(t *testing.T, rt *Runtime, c *Context) {
		mk, err := c.Eval(`(() => ['', 'x'.repeat(50), {}, undefined])`, "a.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Free(mk)
		for i := 0; i < 10; i++ {
			arr, err := c.Call(mk, Undefined)
			if err != nil {
				t.Fatal(err)
			}
			for j := uint32(0); j < 4; j++ {
				if !c.StoreArrayElement(arr, j, c.Latin1String([]byte("value"))) {
					t.Fatal("refused")
				}
			}
			s := c.String("extra")
			if c.StoreArrayElement(arr, 4, s) {
				t.Fatal("stored past the end")
			}
			c.FreeAll(s, arr)
		}
	})
}
