//go:build libc.memgrind

package qjs

import "testing"

// TestLeakVMModule runs the vm module cases under the allocation tracker
// (see leak_test.go).
func TestLeakVMModule(t *testing.T) {
	leakCycle(t, "vm-module-graph", func(t *testing.T, rt *Runtime, c *Context) { vmModuleGraph(t, c) })
	leakCycle(t, "vm-module-errors", func(t *testing.T, rt *Runtime, c *Context) { vmModuleErrors(t, c) })
	leakCycle(t, "vm-module-synthetic", func(t *testing.T, rt *Runtime, c *Context) { vmModuleSynthetic(t, c) })
	leakCycle(t, "vm-module-realm", func(t *testing.T, rt *Runtime, c *Context) {
		r, anchor, err := rt.NewCollectableContext()
		if err != nil {
			t.Fatal(err)
		}
		vmModuleGraph(t, r)
		vmModuleSynthetic(t, r)
		c.Free(anchor)
		r.Forget()
		rt.RunGC()
	})
}
