// Package wasm implements the wasm binding behind the WebAssembly global
// (lib/internal/wasm.js) on github.com/tetratelabs/wazero: compiling and
// validating modules, instantiating them with JS imports, calling
// exported functions, and memories whose bytes JS sees in place.
//
// Every instance gets its imports through small generated "shim" modules:
// for each import module name, one module that imports each item from
// where it really lives (a host module of JS functions, a module holding a
// WebAssembly.Memory/Global/Table, or another instance) and re-exports it
// under the name the instance asks for.
package wasm

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("wasm", initWasm) }

// Error classes that setup receives from JS, by index.
const (
	errCompile = iota
	errLink
	errRuntime
	errSuspend
	errClassCount
)

// state is the binding's per-instance state; it lives on the loop
// goroutine.
type state struct {
	env    *binding.Env
	c      *qjs.Context
	rt     wazero.Runtime
	ctx    context.Context
	modCls qjs.ClassID
	extCls qjs.ClassID

	handles map[uintptr]any
	next    uintptr

	errCtors [errClassCount]qjs.Value

	mems     map[api.Memory]*memRec
	globals  map[api.Global]int
	nextID   int
	liveBufs map[*memRec]struct{}

	// externrefs holds JS values passed to wasm as externref (index+1;
	// 0 is null). They are kept for the life of the instance.
	externrefs []qjs.Value

	cache map[string]wazero.CompiledModule

	// cur is the promising call whose goroutine holds the engine, if any.
	cur *coroutine

	// deadValues are JS values of closed modules, to free on the loop.
	deadValues []qjs.Value
	// gcMark is the count of linear memories past which the next
	// instantiation first runs the engine's collector: their memory is
	// outside its heap, so it would not feel the pressure.
	gcMark int64
}

// errOutOfMemory is V8's message for a memory that cannot be reserved.
var errOutOfMemory = errors.New("Out of memory: Cannot allocate Wasm memory for new instance")

// maybeGC collects unreachable instances when many memories are alive.
func (s *state) maybeGC() {
	if liveMems.Load() < max(s.gcMark, 256) {
		return
	}
	s.c.Runtime().RunGC()
	s.gcMark = 2 * liveMems.Load()
}

// compiled is a WebAssembly.Module's Go side.
type compiled struct {
	cm    wazero.CompiledModule
	info  *moduleInfo
	bytes []byte
	// refMut marks the imports (immutable reference-typed globals) that
	// cm, compiled from a patched copy, declares mutable.
	refMut map[int]bool
}

// extern is something an instance exports or a JS constructor made: a
// function, memory, global or table, found as the export name of mod.
type extern struct {
	ref    *modRef // keeps mod open while the handle lives
	kind   byte
	mod    api.Module
	name   string
	mem    *memRec
	global api.Global
	gtype  byte
	// mutable is the global's declared mutability (a reference-typed
	// global made from JS is mutable underneath either way).
	mutable bool
	id      int
}

// memRec is one linear memory and the ArrayBuffer last handed to JS for
// it. buf is held without a reference: bufAlive tells whether the engine
// still has it (its release callback clears the flag).
type memRec struct {
	id       int
	mem      api.Memory
	lm       *linearMem
	shared   bool
	buf      qjs.Value
	bufAlive bool
	bufLen   int
	gen      int
	// sharedBuf is the SharedArrayBuffer of a shared memory (owned).
	sharedBuf qjs.Value
	group     *memGroup
}

func initWasm(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	s := &state{
		env:      env,
		c:        c,
		ctx:      context.Background(),
		handles:  map[uintptr]any{},
		mems:     map[api.Memory]*memRec{},
		globals:  map[api.Global]int{},
		liveBufs: map[*memRec]struct{}{},
		cache:    map[string]wazero.CompiledModule{},
	}
	// Finalizers run inside the collector: they close wazero objects
	// (plain Go) but free no JS value there (see freeDead).
	s.modCls = c.Runtime().NewClass("WasmModuleHandle", func(h uintptr) {
		if m, ok := s.handles[h].(*compiled); ok {
			m.cm.Close(s.ctx)
		}
		delete(s.handles, h)
	})
	s.extCls = c.Runtime().NewClass("WasmExternHandle", func(h uintptr) {
		if e, ok := s.handles[h].(*extern); ok {
			s.release(e.ref)
		}
		delete(s.handles, h)
	})

	fn := func(name string, n int, f qjs.Func) { binding.Func(c, obj, name, n, f) }
	fn("setup", 4, s.setup)
	fn("validate", 1, s.validate)
	fn("compile", 2, s.compile)
	fn("compileAsync", 2, s.compileAsync)
	fn("moduleImports", 1, s.moduleImports)
	fn("moduleExports", 1, s.moduleExports)
	fn("customSections", 2, s.customSections)
	fn("instantiate", 2, s.instantiate)
	fn("newMemory", 4, s.newMemory)
	fn("memoryBuffer", 1, s.memoryBuffer)
	fn("memoryGrow", 2, s.memoryGrow)
	fn("newGlobal", 3, s.newGlobal)
	fn("globalGet", 1, s.globalGet)
	fn("globalSet", 2, s.globalSet)
	fn("globalType", 1, s.globalType)
	fn("newTable", 4, s.newTable)
	fn("externInfo", 1, s.externInfo)
	fn("importGlobalType", 2, s.importGlobalType)
	fn("callPromising", 2, s.callPromising)
	fn("moduleBytes", 1, s.moduleBytes)
	fn("memoryFromShared", 1, s.memoryFromShared)
}

// runtime returns the wazero runtime, made on first use so that programs
// that never touch WebAssembly pay nothing.
func (s *state) runtime() wazero.Runtime {
	s.freeDead()
	if s.rt == nil {
		cfg := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesThreads).
			WithMemoryLimitPages(maxMemoryBytes >> 16)
		s.rt = wazero.NewRuntimeWithConfig(s.ctx, cfg)
	}
	return s.rt
}

func (s *state) newHandle(cls qjs.ClassID, v any) qjs.Value {
	s.next++
	s.handles[s.next] = v
	return s.c.NewInstance(cls, qjs.Undefined, s.next)
}

func (s *state) module(v qjs.Value) *compiled {
	h, ok := s.c.Handle(v, s.modCls)
	if !ok {
		return nil
	}
	m, _ := s.handles[h].(*compiled)
	return m
}

func (s *state) extern(v qjs.Value) *extern {
	h, ok := s.c.Handle(v, s.extCls)
	if !ok {
		return nil
	}
	e, _ := s.handles[h].(*extern)
	return e
}

// throwClass throws a new WebAssembly.CompileError/LinkError/RuntimeError.
func (s *state) throwClass(class int, msg string) qjs.Value {
	c := s.c
	ctor := s.errCtors[class]
	if !ctor.IsObject() {
		return c.ThrowTypeError(msg)
	}
	m := c.String(msg)
	e, err := c.New(ctor, m)
	c.Free(m)
	if err != nil {
		return c.ThrowError(err)
	}
	return c.Throw(e)
}

// setup(CompileError, LinkError, RuntimeError, SuspendError) hands over the error
// classes that Go throws.
func (s *state) setup(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	for i := range s.errCtors {
		c.Free(s.errCtors[i])
		s.errCtors[i] = c.Dup(qjs.Arg(args, i))
	}
	return qjs.Undefined
}

// sourceBytes copies the bytes of a BufferSource argument.
func sourceBytes(c *qjs.Context, v qjs.Value) ([]byte, bool) {
	b, ok := c.TypedArrayBytes(v)
	if !ok {
		b, ok = c.ArrayBufferBytes(v)
		if !ok {
			c.ClearException()
			return nil, false
		}
	}
	return append([]byte(nil), b...), true
}

func (s *state) validate(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	b, ok := sourceBytes(c, qjs.Arg(args, 0))
	if !ok {
		return c.ThrowTypeError("WebAssembly.validate(): Argument 0 must be a buffer source")
	}
	cm, err := s.compileBytes(b)
	if err != nil {
		return qjs.Bool(false)
	}
	cm.Close(s.ctx)
	return qjs.Bool(true)
}

func (s *state) compileBytes(b []byte) (wazero.CompiledModule, error) {
	return s.runtime().CompileModule(s.ctx, b)
}

// compile(bytes, apiName) returns a module handle or throws CompileError.
func (s *state) compile(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	api, b, exc := s.compileArgs(c, args)
	if exc {
		return qjs.Exception
	}
	m, msg := compileModule(s.runtime(), s.ctx, b)
	if m == nil {
		return s.throwClass(errCompile, api+": "+msg)
	}
	return s.newHandle(s.modCls, m)
}

// compileAsync(bytes, apiName) compiles on another goroutine and returns
// a promise of the module handle (WebAssembly.compile/instantiate do not
// block the loop while wazero compiles).
func (s *state) compileAsync(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	api, b, exc := s.compileArgs(c, args)
	if exc {
		return qjs.Exception
	}
	p, resolve, reject := c.NewPromise()
	settle := func(m *compiled, msg string) {
		defer c.FreeAll(resolve, reject)
		if m == nil {
			s.throwClass(errCompile, api+": "+msg)
			ex := c.TakeException()
			s.env.Call(reject, ex)
			return
		}
		s.env.Call(resolve, s.newHandle(s.modCls, m))
	}
	rt, ctx := s.runtime(), s.ctx
	if s.env.Loop == nil {
		settle(compileModule(rt, ctx, b))
		return p
	}
	done := s.env.Loop.Pending()
	go func() {
		m, msg := compileModule(rt, ctx, b)
		done(func() { settle(m, msg) })
	}()
	return p
}

// compileArgs reads compile's arguments; exc reports a thrown TypeError.
func (s *state) compileArgs(c *qjs.Context, args []qjs.Value) (api string, b []byte, exc bool) {
	api = "WebAssembly.Module()"
	if a := qjs.Arg(args, 1); a.IsString() {
		api = c.GoString(a)
	}
	b, ok := sourceBytes(c, qjs.Arg(args, 0))
	if !ok {
		c.ThrowTypeError(api + ": Argument 0 must be a buffer source")
		return api, nil, true
	}
	return api, b, false
}

// compileModule compiles b; on failure it returns the CompileError
// message. It touches no JS: it may run off the loop goroutine.
func compileModule(rt wazero.Runtime, ctx context.Context, b []byte) (*compiled, string) {
	if len(b) == 0 {
		return nil, "BufferSource argument is empty"
	}
	cm, err := rt.CompileModule(ctx, b)
	if err != nil {
		return nil, compileMessage(b, err)
	}
	info, err := parseModule(b)
	if err != nil {
		cm.Close(ctx)
		return nil, err.Error()
	}
	m := &compiled{cm: cm, info: info, bytes: b}
	if patched, idx := mutableRefImports(b, info); patched != nil {
		if pcm, err := rt.CompileModule(ctx, patched); err == nil {
			cm.Close(ctx)
			m.cm = pcm
			m.refMut = map[int]bool{}
			for _, i := range idx {
				m.refMut[i] = true
			}
		}
	}
	return m, ""
}

// compileMessage shortens wazero's compile errors.
func compileMessage(b []byte, err error) string {
	hex := func(p []byte) string {
		var sb strings.Builder
		for i, c := range p {
			if i > 0 {
				sb.WriteByte(' ')
			}
			fmt.Fprintf(&sb, "%02x", c)
		}
		return sb.String()
	}
	if len(b) < 4 || string(b[:4]) != "\x00asm" {
		if len(b) < 4 {
			return fmt.Sprintf("expected 4 bytes, fell off end @+%d", len(b))
		}
		return "expected magic word 00 61 73 6d, found " + hex(b[:4]) + " @+0"
	}
	if len(b) < 8 {
		return fmt.Sprintf("expected 4 bytes, fell off end @+%d", len(b))
	}
	if string(b[4:8]) != "\x01\x00\x00\x00" {
		return "expected version 01 00 00 00, found " + hex(b[4:8]) + " @+4"
	}
	return err.Error()
}

func (s *state) moduleImports(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	m := s.module(qjs.Arg(args, 0))
	if m == nil {
		return c.ThrowTypeError("WebAssembly.Module.imports(): Argument 0 must be a WebAssembly.Module")
	}
	arr := c.Array()
	for i, d := range m.info.imports {
		o := c.Object()
		c.Set(o, "module", c.String(d.module))
		c.Set(o, "name", c.String(d.name))
		c.Set(o, "kind", c.String(kindNames[d.kind]))
		c.SetIndex(arr, uint32(i), o)
	}
	return arr
}

func (s *state) moduleExports(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	m := s.module(qjs.Arg(args, 0))
	if m == nil {
		return c.ThrowTypeError("WebAssembly.Module.exports(): Argument 0 must be a WebAssembly.Module")
	}
	arr := c.Array()
	for i, d := range m.info.exports {
		o := c.Object()
		c.Set(o, "name", c.String(d.name))
		c.Set(o, "kind", c.String(kindNames[d.kind]))
		c.SetIndex(arr, uint32(i), o)
	}
	return arr
}

func (s *state) customSections(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	m := s.module(qjs.Arg(args, 0))
	if m == nil {
		return c.ThrowTypeError("WebAssembly.Module.customSections(): Argument 0 must be a WebAssembly.Module")
	}
	name, err := c.ToGoString(qjs.Arg(args, 1))
	if err != nil {
		return c.ThrowError(err)
	}
	arr := c.Array()
	n := uint32(0)
	for _, cs := range m.info.customs {
		if cs.name == name {
			c.SetIndex(arr, n, c.ArrayBuffer(cs.data))
			n++
		}
	}
	return arr
}

// compiledFor compiles (once per binary) a generated module.
func (s *state) compiledFor(b []byte) (wazero.CompiledModule, error) {
	key := string(b)
	if cm, ok := s.cache[key]; ok {
		return cm, nil
	}
	cm, err := s.compileBytes(b)
	if err != nil {
		return nil, err
	}
	s.cache[key] = cm
	return cm, nil
}

// instantiateRaw instantiates cm anonymously with the given import
// modules, backing any memory it defines with a linearMem (returned).
func (s *state) instantiateRaw(cm wazero.CompiledModule, imports map[string]api.Module, shared bool) (mod api.Module, lm *linearMem, err error) {
	defer func() {
		// wazero does not expect an allocator to fail (out of address
		// space or mappings): it panics on the nil memory.
		if r := recover(); r != nil {
			mod, lm, err = nil, nil, errOutOfMemory
		}
	}()
	alloc := experimental.MemoryAllocatorFunc(func(capBytes, maxBytes uint64) experimental.LinearMemory {
		m, err := newLinearMem(maxBytes)
		if err != nil {
			return nil
		}
		lm = m
		return m
	})
	ctx := experimental.WithMemoryAllocator(s.ctx, alloc)
	if len(imports) > 0 {
		ctx = experimental.WithImportResolver(ctx, func(name string) api.Module { return imports[name] })
	}
	cfg := wazero.NewModuleConfig().WithName("").WithStartFunctions()
	mod, err = s.runtime().InstantiateModule(ctx, cm, cfg)
	if err != nil {
		if lm != nil {
			lm.unref()
		}
		return nil, nil, err
	}
	if lm != nil {
		rec := &memRec{mem: mod.Memory(), lm: lm}
		s.nextID++
		rec.id = s.nextID
		rec.shared = shared
		if rec.shared {
			// Shared buffers live as long as the process: other threads
			// may hold them.
			lm.ref()
			registerShared(lm)
		}
		s.mems[rec.mem] = rec
	}
	return mod, lm, nil
}

// hostFunc makes the Go side of an imported JS function fn (owned).
// A suspending one (WebAssembly.Suspending) may suspend the promising
// call it runs under until the promise it returns settles.
func (s *state) hostFunc(fn qjs.Value, ft funcType, suspending bool) api.GoModuleFunction {
	return api.GoModuleFunc(func(ctx context.Context, mod api.Module, stack []uint64) {
		c := s.c
		args := make([]qjs.Value, len(ft.params))
		for i, t := range ft.params {
			v, err := s.toJS(stack[i], t)
			if err != nil {
				c.FreeAll(args[:i]...)
				panic(err)
			}
			args[i] = v
		}
		r, err := c.Call(fn, qjs.Undefined, args...)
		c.FreeAll(args...)
		if err != nil {
			panic(err)
		}
		if suspending && c.PromiseState(r) >= 0 {
			if s.cur == nil {
				c.Free(r)
				s.throwClass(errSuspend, "trying to suspend without WebAssembly.promising")
				panic(c.NewError(c.TakeException()))
			}
			r, err = s.suspend(s.cur, r)
			if err != nil {
				panic(err)
			}
		}
		defer c.Free(r)
		switch len(ft.results) {
		case 0:
		case 1:
			x, err := s.toWasm(r, ft.results[0])
			if err != nil {
				panic(err)
			}
			stack[0] = x
		default:
			it, err := s.iterate(r, len(ft.results))
			if err != nil {
				panic(err)
			}
			for i, t := range ft.results {
				x, err := s.toWasm(it[i], t)
				if err != nil {
					c.FreeAll(it...)
					panic(err)
				}
				stack[i] = x
			}
			c.FreeAll(it...)
		}
	})
}

// iterate reads n values from an iterable (a host function's multi-value
// result).
func (s *state) iterate(v qjs.Value, n int) ([]qjs.Value, error) {
	c := s.c
	g := c.Global()
	arrayCtor := c.Get(g, "Array")
	from := c.Get(arrayCtor, "from")
	arr, err := c.Call(from, arrayCtor, v)
	c.FreeAll(from, arrayCtor, g)
	if err != nil {
		return nil, err
	}
	defer c.Free(arr)
	if c.Length(arr) != n {
		return nil, errors.New("multi-return length mismatch")
	}
	out := make([]qjs.Value, n)
	for i := range out {
		out[i] = c.GetIndex(arr, uint32(i))
	}
	return out, nil
}

// instantiate(moduleHandle, imports) links and instantiates. imports has
// one entry per module import, in order: a JS function (for a function
// import not from wasm) or an extern handle. It returns the exports as
// [name, kind, externHandle, fn, id, importIndex] arrays (importIndex
// when a function export is one of the imports).
func (s *state) instantiate(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	m := s.module(qjs.Arg(args, 0))
	if m == nil {
		return c.ThrowTypeError("WebAssembly.Instance(): Argument 0 must be a WebAssembly.Module")
	}
	list := qjs.Arg(args, 1)
	s.maybeGC()
	rt := s.runtime()

	type group struct {
		name    string
		entries []shimEntry
		seen    map[string]bool
	}
	var groups []*group
	byName := map[string]*group{}
	sources := map[string]api.Module{}
	sourceNames := map[api.Module]string{}
	sourceRefs := map[string]*modRef{}
	// hostValues are the JS functions a host module will call (owned).
	var hostValues []qjs.Value
	// temps are references this call owns: released when it returns
	// (what it made and kept is referenced by the new modules by then).
	var temps []*modRef
	defer func() {
		c.FreeAll(hostValues...)
		for _, r := range temps {
			s.release(r)
		}
	}()
	var hb wazero.HostModuleBuilder
	nhost := 0
	for i := range m.info.imports {
		d := &m.info.imports[i]
		g := byName[d.module]
		if g == nil {
			g = &group{name: d.module, seen: map[string]bool{}}
			byName[d.module] = g
			groups = append(groups, g)
		}
		if g.seen[d.name] {
			continue
		}
		g.seen[d.name] = true
		v := c.GetIndex(list, uint32(i))
		if e := s.extern(v); e != nil {
			c.Free(v)
			if e.kind != d.kind {
				return s.throwClass(errLink, fmt.Sprintf("WebAssembly.Instance(): Import #%d \"%s\" \"%s\": %s import requires a %s", i, d.module, d.name, kindNames[d.kind], importNoun(d.kind)))
			}
			if d.kind == kindGlobal && (e.mutable != d.mutable || e.gtype != d.valType && (d.mutable || !isRef(d.valType))) {
				what := "type"
				if e.mutable != d.mutable {
					what = "mutability"
				}
				return s.throwClass(errLink, fmt.Sprintf("WebAssembly.Instance(): Import #%d \"%s\" \"%s\": imported global does not match the expected %s", i, d.module, d.name, what))
			}
			if m.refMut[i] {
				// The compiled module asks for a mutable global here. An
				// immutable one from wasm is copied into one that is
				// mutable underneath: its value never changes.
				pd := *d
				pd.mutable = true
				d = &pd
				if _, ok := e.global.(api.MutableGlobal); !ok {
					ne, err := s.makeGlobal(e.gtype, false, e.global.Get())
					if err != nil {
						return s.throwClass(errLink, "WebAssembly.Instance(): "+err.Error())
					}
					temps = append(temps, ne.ref)
					e = ne
				}
			}
			src, ok := sourceNames[e.mod]
			if !ok {
				src = "x" + strconv.Itoa(len(sourceNames))
				sourceNames[e.mod] = src
				sources[src] = e.mod
				sourceRefs[src] = e.ref
			}
			g.entries = append(g.entries, shimEntry{imp: d, source: src, name: e.name})
			continue
		}
		suspending := false
		if d.kind == kindFunc && v.IsObject() && !c.IsFunction(v) {
			// A WebAssembly.Suspending wrapper: { suspending: fn }.
			if f := c.Get(v, "suspending"); c.IsFunction(f) {
				c.Free(v)
				v, suspending = f, true
			} else {
				c.Free(f)
			}
		}
		if d.kind != kindFunc || !c.IsFunction(v) {
			c.Free(v)
			return s.throwClass(errLink, fmt.Sprintf("WebAssembly.Instance(): Import #%d \"%s\" \"%s\": %s import requires a %s", i, d.module, d.name, kindNames[d.kind], importNoun(d.kind)))
		}
		if hb == nil {
			hb = rt.NewHostModuleBuilder("js")
		}
		hostValues = append(hostValues, v)
		fname := "f" + strconv.Itoa(i)
		hb.NewFunctionBuilder().
			WithGoModuleFunction(s.hostFunc(v, d.fn, suspending), valueTypes(d.fn.params), valueTypes(d.fn.results)).
			Export(fname)
		nhost++
		g.entries = append(g.entries, shimEntry{imp: d, source: "h", name: fname})
	}
	if nhost > 0 {
		hcm, err := hb.Compile(s.ctx)
		if err != nil {
			return s.throwClass(errLink, "WebAssembly.Instance(): "+err.Error())
		}
		hm, err := rt.InstantiateModule(s.ctx, hcm, wazero.NewModuleConfig().WithName(""))
		hcm.Close(s.ctx) // the instance keeps what it needs
		if err != nil {
			c.FreeAll(hostValues...)
			return s.throwClass(errLink, "WebAssembly.Instance(): "+err.Error())
		}
		hr := s.newRef(hm, nil)
		hr.values = hostValues
		hostValues = nil
		temps = append(temps, hr)
		sources["h"] = hm
		sourceRefs["h"] = hr
	}
	var shimDeps []*modRef
	for _, r := range sourceRefs {
		shimDeps = append(shimDeps, r)
	}
	userImports := map[string]api.Module{}
	var userDeps []*modRef
	for _, g := range groups {
		cm, err := s.compiledFor(shimModule(g.entries))
		if err != nil {
			return s.throwClass(errLink, "WebAssembly.Instance(): "+err.Error())
		}
		shim, _, err := s.instantiateRaw(cm, sources, false)
		if err != nil {
			return s.throwClass(errLink, "WebAssembly.Instance(): "+linkMessage(err, m.info, g.entries))
		}
		sr := s.newRef(shim, shimDeps)
		temps = append(temps, sr)
		userDeps = append(userDeps, sr)
		userImports[g.name] = shim
	}
	mod, _, err := s.instantiateRaw(m.cm, userImports, m.info.memShared)
	if err != nil {
		var je *qjs.Error
		if errors.As(err, &je) {
			return c.ThrowError(je)
		}
		if err == errOutOfMemory {
			return c.ThrowRangeError("WebAssembly.Instance(): " + err.Error())
		}
		if strings.Contains(err.Error(), "start ") && strings.Contains(err.Error(), "failed") {
			return s.throwWasmError(err)
		}
		if strings.Contains(err.Error(), "out of bounds") {
			return s.throwClass(errRuntime, "WebAssembly.Instance(): "+err.Error())
		}
		return s.throwClass(errLink, "WebAssembly.Instance(): "+linkMessage(err, m.info, nil))
	}
	ur := s.newRef(mod, userDeps)
	temps = append(temps, ur)
	s.checkBuffers()
	return s.exportsOf(mod, ur, m.info)
}

func importNoun(kind byte) string {
	switch kind {
	case kindFunc:
		return "callable"
	case kindMemory:
		return "WebAssembly.Memory object"
	case kindTable:
		return "WebAssembly.Table object"
	case kindGlobal:
		return "WebAssembly.Global object"
	}
	return "WebAssembly.Tag object"
}

// linkMessage turns wazero's "import func[env.f]: signature mismatch"
// into V8's shape where it can.
// With entries (a shim's failure), the import is named by its source.
func linkMessage(err error, info *moduleInfo, entries []shimEntry) string {
	msg := err.Error()
	i := strings.Index(msg, "import ")
	j := strings.Index(msg, "[")
	k := strings.Index(msg, "]")
	if i < 0 || j < i || k < j {
		return msg
	}
	kind := msg[i+7 : j]
	full := msg[j+1 : k]
	for n := range info.imports {
		d := &info.imports[n]
		if entries == nil && d.module+"."+d.name != full {
			continue
		}
		if entries != nil && !slices.ContainsFunc(entries, func(e shimEntry) bool {
			return e.imp == d && e.source+"."+e.name == full
		}) {
			continue
		}
		what := "imported function does not match the expected type"
		switch kind {
		case "memory":
			what = "memory import has no maximum limit, expected at most " + strconv.Itoa(int(d.lim.max))
			if strings.Contains(msg, "minimum size mismatch") {
				what = "memory import has " + afterColon(msg) + " pages which is smaller than the declared initial of " + strconv.Itoa(int(d.lim.min))
			} else if strings.Contains(msg, "maximum size mismatch") && !strings.Contains(msg, "no max") {
				what = "memory import has a larger maximum size than the declared maximum of " + strconv.Itoa(int(d.lim.max))
			}
		case "global":
			what = "imported global does not match the expected " + map[bool]string{true: "mutability", false: "type"}[strings.Contains(msg, "mutability")]
		case "table":
			what = "imported table does not match the expected type"
		}
		return fmt.Sprintf("Import #%d \"%s\" \"%s\": %s", n, d.module, d.name, what)
	}
	return msg
}

func afterColon(msg string) string {
	i := strings.LastIndex(msg, "> ")
	if i < 0 {
		return "?"
	}
	return strings.TrimSpace(msg[i+2:])
}

func valueTypes(b []byte) []api.ValueType {
	out := make([]api.ValueType, len(b))
	for i, t := range b {
		out[i] = api.ValueType(t)
	}
	return out
}

// exportsOf lists an instance's exports for JS.
func (s *state) exportsOf(mod api.Module, ref *modRef, info *moduleInfo) qjs.Value {
	c := s.c
	arr := c.Array()
	defs := mod.ExportedFunctionDefinitions()
	// funcImports[k] is the position in info.imports of the k-th
	// function import: an export of it gives back what was imported.
	var funcImports []int
	for i, d := range info.imports {
		if d.kind == kindFunc {
			funcImports = append(funcImports, i)
		}
	}
	for i, d := range info.exports {
		e := &extern{ref: s.retain(ref), kind: d.kind, mod: mod, name: d.name}
		row := c.Array()
		c.SetIndex(row, 0, c.String(d.name))
		c.SetIndex(row, 1, c.String(kindNames[d.kind]))
		switch d.kind {
		case kindFunc:
			if int(d.index) < len(funcImports) {
				c.SetIndex(row, 5, qjs.Int32(int32(funcImports[d.index])))
				break
			}
			f := mod.ExportedFunction(d.name)
			def := defs[d.name]
			c.SetIndex(row, 3, s.exportedFunc(f, def))
		case kindMemory:
			for k, imp := range info.imports {
				if imp.kind == kindMemory {
					// The (only) memory is imported: give back the import.
					c.SetIndex(row, 5, qjs.Int32(int32(k)))
					break
				}
			}
			e.mem = s.mems[mod.ExportedMemory(d.name)]
			if e.mem != nil {
				e.id = e.mem.id
			}
		case kindGlobal:
			if d.index < uint32(len(info.globalImports)) {
				c.SetIndex(row, 5, qjs.Int32(int32(info.globalImports[d.index])))
			}
			g := mod.ExportedGlobal(d.name)
			e.global = g
			e.gtype = byte(g.Type())
			_, e.mutable = g.(api.MutableGlobal)
			if d.index < uint32(len(info.globalImports)) && info.globalImports[d.index] >= 0 {
				// A re-exported import keeps its declared mutability.
				e.mutable = info.imports[info.globalImports[d.index]].mutable
			}
			id, ok := s.globals[g]
			if !ok {
				s.nextID++
				id = s.nextID
				s.globals[g] = id
				ref.globals = append(ref.globals, g)
			}
			e.id = id
		}
		c.SetIndex(row, 2, s.newHandle(s.extCls, e))
		c.SetIndex(row, 4, qjs.Int32(int32(e.id)))
		c.SetIndex(arr, uint32(i), row)
	}
	return arr
}

// exportedFunc makes the JS function for an exported wasm function.
func (s *state) exportedFunc(f api.Function, def api.FunctionDefinition) qjs.Value {
	params, results := def.ParamTypes(), def.ResultTypes()
	n := max(len(params), len(results))
	// One stack serves calls that do not overlap (the usual case); a
	// re-entrant call (wasm -> JS -> the same export) gets its own.
	shared := make([]uint64, n)
	busy := false
	return s.c.Function(strconv.Itoa(int(def.Index())), len(params), func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		stack := shared
		if busy {
			stack = make([]uint64, n)
		} else {
			busy = true
			defer func() { busy = false }()
			clear(stack)
		}
		for i, t := range params {
			x, err := s.toWasm(qjs.Arg(args, i), byte(t))
			if err != nil {
				return c.ThrowError(err)
			}
			stack[i] = x
		}
		err := f.CallWithStack(s.ctx, stack)
		s.checkBuffers()
		if err != nil {
			return s.throwWasmError(err)
		}
		switch len(results) {
		case 0:
			return qjs.Undefined
		case 1:
			v, err := s.toJS(stack[0], byte(results[0]))
			if err != nil {
				return c.ThrowError(err)
			}
			return v
		}
		arr := c.Array()
		for i, t := range results {
			v, err := s.toJS(stack[i], byte(t))
			if err != nil {
				c.Free(arr)
				return c.ThrowError(err)
			}
			c.SetIndex(arr, uint32(i), v)
		}
		return arr
	})
}

// trapMessages maps wazero's trap messages to V8's.
var trapMessages = map[string]string{
	"unreachable":                   "unreachable",
	"out of bounds memory access":   "memory access out of bounds",
	"integer divide by zero":        "divide by zero",
	"integer overflow":              "divide result unrepresentable",
	"invalid conversion to integer": "float unrepresentable in integer range",
	"invalid table access":          "table index is out of bounds",
	"indirect call type mismatch":   "null function or function signature mismatch",
	"null reference":                "dereferencing a null pointer",
	"unaligned atomic":              "operation does not support unaligned accesses",
}

// throwWasmError rethrows a JS exception that crossed wasm, or throws a
// trap as a RuntimeError.
func (s *state) throwWasmError(err error) qjs.Value {
	var je *qjs.Error
	if errors.As(err, &je) {
		return s.c.ThrowError(je)
	}
	msg := err.Error()
	if i := strings.Index(msg, "wasm error: "); i >= 0 {
		t := msg[i+len("wasm error: "):]
		if j := strings.IndexByte(t, '\n'); j >= 0 {
			t = t[:j]
		}
		if t == "stack overflow" {
			return s.c.ThrowRangeError("Maximum call stack size exceeded")
		}
		if v, ok := trapMessages[t]; ok {
			t = v
		}
		return s.throwClass(errRuntime, t)
	}
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return s.throwClass(errRuntime, msg)
}

// toInt32 is JS ToInt32 on a number.
func toInt32(f float64) int32 {
	if f >= math.MinInt64 && f < math.MaxInt64 {
		return int32(int64(f))
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	f = math.Trunc(f)
	f = math.Mod(f, 1<<32)
	if f < 0 {
		f += 1 << 32
	}
	return int32(uint32(f))
}

// toWasm is the JS API's ToWebAssemblyValue.
func (s *state) toWasm(v qjs.Value, t byte) (uint64, error) {
	c := s.c
	switch t {
	case valI32:
		if v.IsNumber() {
			return uint64(uint32(toInt32(v.Float()))), nil
		}
		f, err := c.ToFloat64(v)
		if err != nil {
			return 0, err
		}
		return uint64(uint32(toInt32(f))), nil
	case valI64:
		n, err := c.ToBigInt64(v)
		return uint64(n), err
	case valF32:
		f, err := c.ToFloat64(v)
		return uint64(api.EncodeF32(float32(f))), err
	case valF64:
		f, err := c.ToFloat64(v)
		return api.EncodeF64(f), err
	case valExternref:
		if v.IsNull() {
			return 0, nil
		}
		s.externrefs = append(s.externrefs, c.Dup(v))
		return uint64(len(s.externrefs)), nil
	case valFuncref:
		if v.IsNull() {
			return 0, nil
		}
		return 0, s.typeError("funcref values other than null cannot cross into wasm yet")
	}
	return 0, s.typeError("type incompatibility when transforming from/to JS")
}

// toJS is the JS API's ToJSValue.
func (s *state) toJS(x uint64, t byte) (qjs.Value, error) {
	c := s.c
	switch t {
	case valI32:
		return qjs.Int32(int32(uint32(x))), nil
	case valI64:
		return c.BigInt64(int64(x)), nil
	case valF32:
		return qjs.Float64(float64(api.DecodeF32(x))), nil
	case valF64:
		return qjs.Float64(api.DecodeF64(x)), nil
	case valExternref:
		if x == 0 || x > uint64(len(s.externrefs)) {
			return qjs.Null, nil
		}
		return c.Dup(s.externrefs[x-1]), nil
	case valFuncref:
		if x == 0 {
			return qjs.Null, nil
		}
		return qjs.Undefined, s.typeError("funcref values other than null cannot cross into JS yet")
	}
	return qjs.Undefined, s.typeError("type incompatibility when transforming from/to JS")
}

// typeError makes a TypeError as a Go error that rethrows as itself.
func (s *state) typeError(msg string) error {
	c := s.c
	c.ThrowTypeError(msg)
	return c.NewError(c.TakeException())
}

// newMemory(initial, maximum (-1: none), shared) makes a memory.
func (s *state) newMemory(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	l := limits{min: uint32(qjs.Arg(args, 0).Int())}
	if mx := qjs.Arg(args, 1).Int(); mx >= 0 {
		l.max, l.hasMax = uint32(mx), true
	}
	l.shared = c.ToBool(qjs.Arg(args, 2))
	s.maybeGC()
	cm, err := s.compiledFor(memoryModule(l))
	if err != nil {
		return c.ThrowRangeError("WebAssembly.Memory(): " + err.Error())
	}
	mod, _, err := s.instantiateRaw(cm, nil, l.shared)
	if err != nil {
		return c.ThrowRangeError("WebAssembly.Memory(): could not allocate memory")
	}
	rec := s.mems[mod.Memory()]
	if rec == nil {
		return c.ThrowRangeError("WebAssembly.Memory(): could not allocate memory")
	}
	return s.newHandle(s.extCls, &extern{ref: s.newRef(mod, nil), kind: kindMemory, mod: mod, name: "m", mem: rec, id: rec.id})
}

// memoryBuffer(handle) returns the ArrayBuffer over the memory's current
// bytes: the same object until the memory grows.
func (s *state) memoryBuffer(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	e := s.extern(qjs.Arg(args, 0))
	if e == nil || e.mem == nil {
		return c.ThrowTypeError("Receiver is not a WebAssembly.Memory")
	}
	rec := e.mem
	size := int(rec.mem.Size())
	if rec.bufAlive {
		if rec.bufLen == size {
			return c.Dup(rec.buf)
		}
		if !rec.shared {
			c.DetachArrayBuffer(rec.buf)
		}
		rec.bufAlive = false
		delete(s.liveBufs, rec)
	}
	b, _ := rec.mem.Read(0, uint32(size))
	if len(b) == 0 {
		b = rec.lm.data[:0]
	}
	var v qjs.Value
	if rec.shared {
		// A shared buffer is never detached: the binding keeps a reference
		// to hand out the same object until the memory grows; the old one
		// keeps its length, as shared buffers do.
		if rec.sharedBuf.IsObject() && rec.bufLen == size {
			return c.Dup(rec.sharedBuf)
		}
		c.Free(rec.sharedBuf)
		v = c.ExternalSharedArrayBuffer(b)
		rec.sharedBuf, rec.bufLen = c.Dup(v), size
		return v
	}
	rec.gen++
	gen := rec.gen
	rec.lm.ref()
	v = c.ExternalArrayBuffer(b, func() {
		if rec.gen == gen {
			rec.bufAlive = false
			delete(s.liveBufs, rec)
		}
		rec.lm.unref()
	})
	rec.buf, rec.bufLen, rec.bufAlive = v, size, true
	s.liveBufs[rec] = struct{}{}
	return v
}

// checkBuffers detaches the buffers of memories that grew (inside wasm
// or through JS), as the JS API requires.
func (s *state) checkBuffers() {
	if len(s.liveBufs) == 0 {
		return
	}
	for rec := range s.liveBufs {
		if int(rec.mem.Size()) != rec.bufLen {
			rec.gen++
			delete(s.liveBufs, rec)
			rec.bufAlive = false
			s.c.DetachArrayBuffer(rec.buf)
		}
	}
}

// memoryGrow(handle, delta) grows a memory and returns its old size in
// pages, or -1 if it cannot grow.
func (s *state) memoryGrow(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	e := s.extern(qjs.Arg(args, 0))
	if e == nil || e.mem == nil {
		return c.ThrowTypeError("Receiver is not a WebAssembly.Memory")
	}
	delta := qjs.Arg(args, 1).Int()
	if delta < 0 || delta > math.MaxUint32 {
		return qjs.Int32(-1)
	}
	old, ok := e.mem.mem.Grow(uint32(delta))
	if !ok {
		return qjs.Int32(-1)
	}
	rec := e.mem
	if rec.bufAlive {
		// Detach even for a zero-page grow, as the JS API says.
		rec.gen++
		delete(s.liveBufs, rec)
		rec.bufAlive = false
		c.DetachArrayBuffer(rec.buf)
	}
	return qjs.Int64(int64(old))
}

// valTypeOf maps a JS API value type name to its byte.
var valTypeOf = map[string]byte{
	"i32": valI32, "i64": valI64, "f32": valF32, "f64": valF64,
	"externref": valExternref, "anyfunc": valFuncref, "funcref": valFuncref,
}

var valTypeName = map[byte]string{
	valI32: "i32", valI64: "i64", valF32: "f32", valF64: "f64",
	valExternref: "externref", valFuncref: "anyfunc", valV128: "v128",
}

// newGlobal(type, mutable, value) makes a global; value is converted (JS
// passes undefined for the type's default).
func (s *state) newGlobal(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	t, ok := valTypeOf[c.GoString(qjs.Arg(args, 0))]
	if !ok {
		return c.ThrowTypeError("WebAssembly.Global(): Descriptor property 'value' must be a WebAssembly type")
	}
	mutable := c.ToBool(qjs.Arg(args, 1))
	var bits uint64
	if v := qjs.Arg(args, 2); !v.IsUndefined() {
		x, err := s.toWasm(v, t)
		if err != nil {
			return c.ThrowError(err)
		}
		bits = x
	}
	e, err := s.makeGlobal(t, mutable, bits)
	if err != nil {
		return c.ThrowTypeError("WebAssembly.Global(): " + err.Error())
	}
	return s.newHandle(s.extCls, e)
}

// makeGlobal makes a global holding bits. A reference-typed one is
// mutable underneath (its value is set after instantiation, which is the
// only way to give it a non-null one) whatever its declared mutability.
func (s *state) makeGlobal(t byte, mutable bool, bits uint64) (*extern, error) {
	init := bits
	if isRef(t) {
		init = 0
	}
	cm, err := s.compiledFor(globalModule(t, isRef(t) || mutable, init))
	if err != nil {
		return nil, err
	}
	mod, _, err := s.instantiateRaw(cm, nil, false)
	if err != nil {
		return nil, err
	}
	g := mod.ExportedGlobal("g")
	if bits != init {
		g.(api.MutableGlobal).Set(bits)
	}
	s.nextID++
	s.globals[g] = s.nextID
	ref := s.newRef(mod, nil)
	ref.globals = append(ref.globals, g)
	return &extern{ref: ref, kind: kindGlobal, mod: mod, name: "g", global: g, gtype: t, mutable: mutable, id: s.nextID}, nil
}

func (s *state) globalGet(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	e := s.extern(qjs.Arg(args, 0))
	if e == nil || e.global == nil {
		return c.ThrowTypeError("Receiver is not a WebAssembly.Global")
	}
	v, err := s.toJS(e.global.Get(), e.gtype)
	if err != nil {
		return c.ThrowError(err)
	}
	return v
}

func (s *state) globalSet(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	e := s.extern(qjs.Arg(args, 0))
	if e == nil || e.global == nil {
		return c.ThrowTypeError("Receiver is not a WebAssembly.Global")
	}
	mg, ok := e.global.(api.MutableGlobal)
	if !ok || !e.mutable {
		return c.ThrowTypeError("Can't set the value of an immutable global.")
	}
	x, err := s.toWasm(qjs.Arg(args, 1), e.gtype)
	if err != nil {
		return c.ThrowError(err)
	}
	mg.Set(x)
	return qjs.Undefined
}

// globalType(handle) returns [valueTypeName, mutable].
func (s *state) globalType(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	e := s.extern(qjs.Arg(args, 0))
	if e == nil || e.global == nil {
		return c.ThrowTypeError("Receiver is not a WebAssembly.Global")
	}
	arr := c.Array()
	c.SetIndex(arr, 0, c.String(valTypeName[e.gtype]))
	c.SetIndex(arr, 1, qjs.Bool(e.mutable))
	return arr
}

// newTable(refType, initial, maximum (-1: none)) makes a table that can
// be imported; its elements are not reachable from JS.
func (s *state) newTable(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	t, ok := valTypeOf[c.GoString(qjs.Arg(args, 0))]
	if !ok || (t != valFuncref && t != valExternref) {
		return c.ThrowTypeError("WebAssembly.Table(): Descriptor property 'element' must be a WebAssembly reference type")
	}
	l := limits{min: uint32(qjs.Arg(args, 1).Int())}
	if mx := qjs.Arg(args, 2).Int(); mx >= 0 {
		l.max, l.hasMax = uint32(mx), true
	}
	cm, err := s.compiledFor(tableModule(t, l))
	if err != nil {
		return c.ThrowRangeError("WebAssembly.Table(): " + err.Error())
	}
	mod, _, err := s.instantiateRaw(cm, nil, false)
	if err != nil {
		return c.ThrowRangeError("WebAssembly.Table(): " + err.Error())
	}
	return s.newHandle(s.extCls, &extern{ref: s.newRef(mod, nil), kind: kindTable, mod: mod, name: "t"})
}

// memoryFromShared(sab) makes a memory over the bytes of a shared
// memory's SharedArrayBuffer, posted from another thread.
func (s *state) memoryFromShared(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	b, ok := c.ArrayBufferBytes(qjs.Arg(args, 0))
	if !ok || len(b) == 0 {
		c.ClearException()
		return c.ThrowTypeError("not the buffer of a shared WebAssembly.Memory")
	}
	lm := lookupShared(uintptr(unsafe.Pointer(&b[0])))
	if lm == nil {
		return c.ThrowTypeError("not the buffer of a shared WebAssembly.Memory")
	}
	l := limits{min: uint32(len(b) >> 16), max: uint32(len(lm.data) >> 16), hasMax: true, shared: true}
	cm, err := s.compiledFor(memoryModule(l))
	if err != nil {
		return c.ThrowTypeError(err.Error())
	}
	lm.ref()
	alloc := experimental.MemoryAllocatorFunc(func(capBytes, maxBytes uint64) experimental.LinearMemory {
		return sharedView{lm}
	})
	ctx := experimental.WithMemoryAllocator(s.ctx, alloc)
	mod, err := s.runtime().InstantiateModule(ctx, cm, wazero.NewModuleConfig().WithName("").WithStartFunctions())
	if err != nil {
		lm.unref()
		return c.ThrowTypeError(err.Error())
	}
	rec := &memRec{mem: mod.Memory(), lm: lm, shared: true}
	s.nextID++
	rec.id = s.nextID
	s.mems[rec.mem] = rec
	return s.newHandle(s.extCls, &extern{ref: s.newRef(mod, nil), kind: kindMemory, mod: mod, name: "m", mem: rec, id: rec.id})
}

// moduleBytes(moduleHandle) returns a Uint8Array copy of the module's
// binary.
func (s *state) moduleBytes(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	m := s.module(qjs.Arg(args, 0))
	if m == nil {
		return c.ThrowTypeError("not a WebAssembly.Module")
	}
	return c.Uint8Array(m.bytes)
}

// importGlobalType(moduleHandle, i) returns [valueTypeName, mutable] of
// the module's i-th import, a global.
func (s *state) importGlobalType(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	m := s.module(qjs.Arg(args, 0))
	i := int(qjs.Arg(args, 1).Int())
	if m == nil || i < 0 || i >= len(m.info.imports) {
		return c.ThrowTypeError("invalid import")
	}
	d := m.info.imports[i]
	arr := c.Array()
	c.SetIndex(arr, 0, c.String(valTypeName[d.valType]))
	c.SetIndex(arr, 1, qjs.Bool(d.mutable))
	return arr
}

// externInfo(handle) returns [kind, id].
func (s *state) externInfo(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	e := s.extern(qjs.Arg(args, 0))
	if e == nil {
		return qjs.Undefined
	}
	arr := c.Array()
	c.SetIndex(arr, 0, c.String(kindNames[e.kind]))
	c.SetIndex(arr, 1, qjs.Int32(int32(e.id)))
	return arr
}
