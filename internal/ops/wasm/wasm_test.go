package wasm

import (
	"context"
	"strings"
	"testing"
	"unsafe"

	"github.com/tetratelabs/wazero"

	"github.com/gonode/gonode/internal/binding/bindingtest"
	"github.com/gonode/gonode/internal/qjs"
)

// addModule is (module (func (export "add") (param i32 i32) (result i32)
// local.get 0 local.get 1 i32.add)) with a custom section "c" = {9}.
var addModule = []byte{
	0, 'a', 's', 'm', 1, 0, 0, 0,
	1, 7, 1, 0x60, 2, 0x7f, 0x7f, 1, 0x7f,
	3, 2, 1, 0,
	7, 7, 1, 3, 'a', 'd', 'd', 0, 0,
	10, 9, 1, 7, 0, 0x20, 0, 0x20, 1, 0x6a, 0x0b,
	0, 3, 1, 'c', 9,
}

func TestParseModule(t *testing.T) {
	info, err := parseModule(addModule)
	if err != nil {
		t.Fatal(err)
	}
	if len(info.imports) != 0 || len(info.exports) != 1 || info.exports[0].name != "add" || info.exports[0].kind != kindFunc {
		t.Fatalf("exports = %+v, imports = %+v", info.exports, info.imports)
	}
	if len(info.customs) != 1 || info.customs[0].name != "c" || string(info.customs[0].data) != "\x09" {
		t.Fatalf("customs = %+v", info.customs)
	}
	if _, err := parseModule(addModule[:20]); err == nil {
		t.Fatal("truncated module parsed")
	}
}

// TestGeneratedModules checks that the holder and shim modules are valid
// wasm that wazero compiles, and that the shim's imports read back.
func TestGeneratedModules(t *testing.T) {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	mems := memoryModule(limits{min: 1, max: 3, hasMax: true})
	imp := []importDesc{
		{module: "env", name: "f", kind: kindFunc, fn: funcType{params: []byte{valI32}, results: []byte{valF64}}},
		{module: "env", name: "m", kind: kindMemory, lim: limits{min: 1}},
		{module: "env", name: "g", kind: kindGlobal, valType: valI64, mutable: true},
		{module: "env", name: "t", kind: kindTable, tableType: valFuncref, lim: limits{min: 2}},
	}
	shim := shimModule([]shimEntry{
		{imp: &imp[0], source: "h", name: "f0"},
		{imp: &imp[1], source: "x0", name: "m"},
		{imp: &imp[2], source: "x1", name: "g"},
		{imp: &imp[3], source: "x2", name: "t"},
	})
	for name, b := range map[string][]byte{
		"memory": mems,
		"table":  tableModule(valExternref, limits{min: 1}),
		"i32":    globalModule(valI32, true, uint64(0xffffffff)),
		"i64":    globalModule(valI64, false, 1<<40),
		"f32":    globalModule(valF32, false, f32bits(1.5)),
		"f64":    globalModule(valF64, true, f64bits(-2)),
		"ref":    globalModule(valExternref, true, 0),
		"shim":   shim,
	} {
		if _, err := rt.CompileModule(ctx, b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	info, err := parseModule(shim)
	if err != nil {
		t.Fatal(err)
	}
	if len(info.imports) != 4 || info.imports[1].module != "x0" || info.imports[1].kind != kindMemory ||
		!info.imports[2].mutable || info.imports[2].valType != valI64 || info.imports[0].fn.results[0] != valF64 {
		t.Fatalf("shim imports = %+v", info.imports)
	}
	if len(info.exports) != 4 || info.exports[3].name != "t" || info.exports[3].kind != kindTable {
		t.Fatalf("shim exports = %+v", info.exports)
	}
}

// TestLinearMemoryDoesNotMove grows a memory and checks that its address
// stays and that bytes written before are kept.
func TestLinearMemoryDoesNotMove(t *testing.T) {
	m, err := newLinearMem(4 << 16)
	if err != nil {
		t.Fatal(err)
	}
	b := m.Reallocate(1 << 16)
	b[100] = 7
	b2 := m.Reallocate(3 << 16)
	if len(b2) != 3<<16 || unsafe.SliceData(b2) != unsafe.SliceData(b) || b2[100] != 7 {
		t.Fatalf("memory moved or lost data: len %d", len(b2))
	}
	b2[3<<16-1] = 1
	if m.Reallocate(5<<16) != nil {
		t.Fatal("grew past the reservation")
	}
	m.Free()
}

func TestToInt32(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want int32
	}{{1.9, 1}, {-1.9, -1}, {1 << 31, -1 << 31}, {1<<32 + 5, 5}, {-1, -1}, {4294967295, -1}} {
		if got := toInt32(c.in); got != c.want {
			t.Errorf("toInt32(%v) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestBinding drives the binding through the engine: compile,
// instantiate with a JS import, call, trap, and a memory that JS and wasm
// share in place.
func TestBinding(t *testing.T) {
	rt := bindingtest.New(t, "w", initWasm)
	defer rt.Close()
	c := rt.Context()
	// (module (import "env" "f" (func (param i32) (result i32)))
	//   (import "env" "m" (memory 1))
	//   (func (export "callf") (param i32) (result i32) local.get 0 call 0)
	//   (func (export "load") (param i32) (result i32) local.get 0 i32.load8_u)
	//   (func (export "trap") unreachable))
	src := `
const bytes = new Uint8Array([0,97,115,109,1,0,0,0,
  1,9,2,0x60,1,0x7f,1,0x7f,0x60,0,0,
  2,18,2,3,101,110,118,1,102,0,0,3,101,110,118,1,109,2,0,1,
  3,4,3,0,0,1,
  7,23,3,5,99,97,108,108,102,0,1,4,108,111,97,100,0,2,4,116,114,97,112,0,3,
  10,20,3,6,0,0x20,0,0x10,0,0x0b,7,0,0x20,0,0x2d,0,0,0x0b,3,0,0x00,0x0b]);
const out = [w.validate(bytes), w.validate(new Uint8Array([1, 2, 3]))];
const m = w.compile(bytes, 'test');
out.push(w.moduleImports(m).map((i) => i.module + '.' + i.name + ':' + i.kind).join());
const mem = w.newMemory(1, 2, false);
const rows = w.instantiate(m, [(x) => x * 2, mem]);
const ex = Object.fromEntries(rows.map((r) => [r[0], r[3]]));
out.push(ex.callf(21));
const buf = w.memoryBuffer(mem);
new Uint8Array(buf)[10] = 77;
out.push(ex.load(10), buf === w.memoryBuffer(mem));
try { ex.trap(); } catch (e) { out.push(e.message); }
out.push(w.memoryGrow(mem, 1), buf.byteLength, w.memoryBuffer(mem).byteLength, w.memoryGrow(mem, 5));
out.push(w.compileAsync(bytes, 'test') instanceof Promise);
out.join('|');
`
	v, err := c.Eval(src, "wasm_test.js", qjs.EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	got := c.GoString(v)
	c.Free(v)
	want := "true|false|env.f:function,env.m:memory|42|77|true|unreachable|1|0|131072|-1|true"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestTrapMessages(t *testing.T) {
	rt, err := qjs.NewRuntime(qjs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	c := rt.Context()
	s := &state{c: c}
	s.throwWasmError(errorString("wasm error: integer divide by zero\nwasm stack trace:\n\tf"))
	e := c.NewError(c.TakeException())
	defer e.Free()
	if !strings.Contains(e.Message, "divide by zero") || strings.Contains(e.Message, "integer") {
		t.Fatalf("message %q", e.Message)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

// TestLifetimes drops memories, instances and buffers and checks that
// their mappings go once the engine has collected them.
func TestLifetimes(t *testing.T) {
	rt := bindingtest.New(t, "w", initWasm)
	defer rt.Close()
	c := rt.Context()
	before := liveMems.Load()
	// (module (memory (export "m") 1))
	src := `
const own = w.compile(new Uint8Array([0,97,115,109,1,0,0,0,5,3,1,0,1,7,5,1,1,109,2,0]), 't');
for (let i = 0; i < 200; i++) {
  const mem = w.newMemory(1, -1, false);
  new Uint8Array(w.memoryBuffer(mem))[0] = 1;
  const rows = w.instantiate(own, []);
  new Uint8Array(w.memoryBuffer(rows[0][2]))[1] = 2;
}
globalThis.kept = w.newMemory(1, 2, false);
globalThis.keptBuf = w.memoryBuffer(globalThis.kept);
`
	v, err := c.Eval(src, "lifetimes.js", qjs.EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	c.Free(v)
	rt.RunGC()
	if n := liveMems.Load() - before; n != 1 {
		t.Fatalf("%d linear memories alive after collection, want 1", n)
	}
	v, err = c.Eval("new Uint8Array(keptBuf)[5] = 9; w.memoryGrow(kept, 1) + ':' + keptBuf.byteLength + ':' + new Uint8Array(w.memoryBuffer(kept))[5]", "lifetimes.js", qjs.EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.GoString(v); got != "1:0:9" {
		t.Fatalf("kept memory: %s", got)
	}
	c.Free(v)
}
