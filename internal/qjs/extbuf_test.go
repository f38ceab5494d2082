package qjs

import (
	"syscall"
	"testing"
)

func TestExternalArrayBufferAliases(t *testing.T) {
	mem, err := syscall.Mmap(-1, 0, 8192, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	// Cleanups run last-in first-out: the mapping outlives the runtime.
	t.Cleanup(func() { syscall.Munmap(mem) })
	_, c := newTestRuntime(t)
	data := mem[4096:]
	released := 0
	ab := c.ExternalArrayBuffer(data[:16], func() { released++ })
	g := c.Global()
	c.Set(g, "ab", ab)
	data[3] = 7
	v, err := c.Eval("const u = new Uint8Array(ab); u[0] = 42; [ab.byteLength, u[3]].join()", "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	if s := c.GoString(v); s != "16,7" {
		t.Fatalf("got %q", s)
	}
	c.Free(v)
	if data[0] != 42 {
		t.Fatalf("JS write not seen by Go: %d", data[0])
	}
	ab = c.Get(g, "ab")
	c.DetachArrayBuffer(ab)
	c.Free(ab)
	if released != 1 {
		t.Fatalf("released %d times after detach, want 1", released)
	}
	v, _ = c.Eval("delete globalThis.ab; ab", "t.js", EvalGlobal)
	c.Free(v)
	c.Runtime().RunGC()

	sab := c.ExternalSharedArrayBuffer(data[:32])
	c.Set(g, "sab", sab)
	v, err = c.Eval("new Int32Array(sab)[1] = 5; Object.prototype.toString.call(sab)", "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	if s := c.GoString(v); s != "[object SharedArrayBuffer]" || data[4] != 5 {
		t.Fatalf("got %q, data[4]=%d", s, data[4])
	}
	c.Free(v)
	c.Free(g)
	if released != 1 {
		t.Fatalf("released %d times, want 1", released)
	}
}
