package lib

import (
	"bytes"
	"testing"

	"github.com/gonode/gonode/internal/qjs"
)

// TestBytecodeCurrent fails when bytecode.bin is stale: every library
// module must be present with its current source hash and exactly the
// bytecode the engine compiles today. Fix it with `go generate ./lib`.
func TestBytecodeCurrent(t *testing.T) {
	rt, err := qjs.NewRuntime(CompileOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	c := rt.Context()
	indexOnce.Do(loadIndex)
	ids := IDs()
	if len(ids) == 0 {
		t.Fatal("no library modules")
	}
	stale := 0
	for _, id := range ids {
		src, _ := Source(id)
		code, err := c.Compile(WrapperHead+src+WrapperTail, FileName(id), false)
		if err != nil {
			t.Errorf("%s does not compile: %v", id, err)
			continue
		}
		e, ok := index[id]
		switch {
		case !ok:
			t.Errorf("%s: missing from bytecode.bin", id)
		case e.hash != Hash(src):
			t.Errorf("%s: source changed since bytecode.bin was generated", id)
		case !bytes.Equal(e.code, code):
			t.Errorf("%s: bytecode differs from what the engine compiles now", id)
		default:
			continue
		}
		stale++
	}
	known := map[string]bool{}
	for _, id := range ids {
		known[id] = true
	}
	for id := range index {
		if !known[id] {
			t.Errorf("%s: in bytecode.bin but no longer in the library", id)
			stale++
		}
	}
	if stale > 0 {
		t.Logf("bytecode.bin is stale for %d modules: run `go generate ./lib`", stale)
	}
}

// TestCompileUsesBytecode checks that Compile takes the precompiled path
// when the hash matches, and falls back to source when it does not.
func TestCompileUsesBytecode(t *testing.T) {
	rt, err := qjs.NewRuntime(qjs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	c := rt.Context()
	indexOnce.Do(loadIndex)
	const id = "path"
	src, _ := Source(id)
	e, ok := index[id]
	if !ok || e.hash != Hash(src) {
		t.Skip("bytecode.bin is stale (see TestBytecodeCurrent)")
	}
	// Swap in bytecode of a different function under the same hash: if
	// Compile uses bytecode.bin, it returns that function.
	probe, err := c.Compile("(function () { return 'from bytecode' })", "probe.js", false)
	if err != nil {
		t.Fatal(err)
	}
	index[id] = entry{e.hash, probe}
	defer func() { index[id] = e }()
	fn, err := Compile(c, id)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Call(fn, qjs.Undefined)
	c.Free(fn)
	if err != nil {
		t.Fatal(err)
	}
	if s := c.GoString(r); s != "from bytecode" {
		t.Fatalf("Compile did not use bytecode.bin: got %q", s)
	}
	c.Free(r)
	// A hash mismatch must compile from source.
	index[id] = entry{e.hash + 1, probe}
	fn, err = Compile(c, id)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(fn)
	if !c.IsFunction(fn) || c.Length(fn) != 5 {
		t.Fatalf("fallback did not compile the module wrapper (length %d)", c.Length(fn))
	}
}
