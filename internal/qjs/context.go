package qjs

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// Func is a Go function callable from JS. this and args are borrowed and
// valid only during the call. It returns an owned value, or Exception
// after calling one of the Throw methods.
type Func func(c *Context, this Value, args []Value) Value

// Context is the engine context: the realm in which JS runs.
type Context struct {
	rt     *Runtime
	c      uintptr
	tls    *libc.TLS
	handle uintptr

	atoms      map[string]lib.TJSAtom
	scratchBuf uintptr
	scratchLen int

	funcs     []Func
	freeFuncs []int32
	holderCls lib.TJSClassID

	errs map[*Error]struct{}

	// Panicked holds a Go panic that a Func raised, converted to a JS
	// InternalError; the embedder may inspect it for diagnostics.
	Panicked any
}

func (c *Context) init() {
	c.atoms = map[string]lib.TJSAtom{}
	c.errs = map[*Error]struct{}{}
	c.holderCls = c.rt.newClassID("GoFunctionHolder", func(h uintptr) {
		c.releaseFunc(int32(h))
	})
}

func (c *Context) release() {
	for e := range c.errs {
		e.Free()
	}
	for _, a := range c.atoms {
		lib.XJS_FreeAtom(c.tls, c.c, a)
	}
	c.atoms = nil
	if c.scratchBuf != 0 {
		libc.Xfree(c.tls, c.scratchBuf)
		c.scratchBuf = 0
	}
}

// Runtime returns the runtime that owns c.
func (c *Context) Runtime() *Runtime { return c.rt }

func (c *Context) registerFunc(f Func) int32 {
	if n := len(c.freeFuncs); n > 0 {
		i := c.freeFuncs[n-1]
		c.freeFuncs = c.freeFuncs[:n-1]
		c.funcs[i] = f
		return i
	}
	c.funcs = append(c.funcs, f)
	return int32(len(c.funcs) - 1)
}

func (c *Context) releaseFunc(i int32) {
	if c.funcs == nil || int(i) >= len(c.funcs) {
		return
	}
	c.funcs[i] = nil
	c.freeFuncs = append(c.freeFuncs, i)
}

// Function makes a JS function that calls f. The Go closure is released
// when the function object is collected.
func (c *Context) Function(name string, length int, f Func) Value {
	return c.function(name, length, f, true)
}

// StaticFunction makes a JS function that calls f and lives as long as the
// context: cheaper than Function, for built-in bindings created once.
func (c *Context) StaticFunction(name string, length int, f Func) Value {
	return c.function(name, length, f, false)
}

func (c *Context) function(name string, length int, f Func, collectable bool) Value {
	idx := c.registerFunc(f)
	data := c.tls.Alloc(3 * sizeofValue)
	defer c.tls.Free(3 * sizeofValue)
	d := unsafe.Slice((*lib.TJSValue)(ptr(data)), 3)
	d[0] = Int32(idx).v
	// The engine calls function-data functions with the caller's context,
	// which differs from c when a runtime has several (NewContext): keep
	// the owner's handle to find the Func table.
	d[1] = Int32(int32(c.handle)).v
	n := int32(2)
	var holder Value
	if collectable {
		holder = Value{lib.XJS_NewObjectClass(c.tls, c.c, int32(c.holderCls))}
		lib.XJS_SetOpaque(c.tls, holder.v, uintptr(idx))
		d[2] = holder.v
		n = 3
	}
	fn := Value{lib.XJS_NewCFunctionData(c.tls, c.c, cfp(callGo), int32(length), 0, n, data)}
	if collectable {
		c.Free(holder) // the function keeps its own reference
	}
	if name != "" && !fn.IsException() {
		// CFunctionData objects have no name; define one as built-ins do.
		a := lib.XJS_DupAtom(c.tls, c.c, c.atom("name"))
		lib.XJS_DefinePropertyValue(c.tls, c.c, fn.v, a, c.String(name).v, lib.MJS_PROP_CONFIGURABLE)
	}
	return fn
}

// callGo is the C entry point of every Go function:
// JSValue f(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv, int magic, JSValue *func_data)
func callGo(tls *libc.TLS, cx uintptr, this lib.TJSValue, argc int32, argv uintptr, magic int32, data uintptr) (r lib.TJSValue) {
	d := unsafe.Slice((*Value)(ptr(data)), 2)
	ctxMu.RLock()
	c := contexts[uintptr(uint32(d[1].rawInt()))]
	ctxMu.RUnlock()
	if c == nil {
		return Undefined.v
	}
	idx := d[0].rawInt()
	f := c.funcs[idx]
	if f == nil {
		return c.ThrowInternalError("Go function released").v
	}
	var args []Value
	if argc > 0 {
		args = unsafe.Slice((*Value)(ptr(argv)), argc)
	}
	defer func() {
		if p := recover(); p != nil {
			c.Panicked = fmt.Sprintf("%v\n%s", p, debug.Stack())
			r = c.ThrowInternalError(fmt.Sprintf("internal error in native code: %v", p)).v
		}
	}()
	return f(c, Value{this}, args).v
}

// Arg returns args[i] or undefined.
func Arg(args []Value, i int) Value {
	if i < len(args) {
		return args[i]
	}
	return Undefined
}

// Call calls fn with this and args (all borrowed) and returns the owned
// result, or an *Error if it threw.
func (c *Context) Call(fn, this Value, args ...Value) (Value, error) {
	r := c.CallRaw(fn, this, args...)
	if r.IsException() {
		return Undefined, c.takeException()
	}
	return r, nil
}

// CallRaw is Call without converting a thrown exception: it returns
// Exception and leaves the exception pending in the context, so that a Go
// Func can propagate it.
func (c *Context) CallRaw(fn, this Value, args ...Value) Value {
	argv, size := c.argv(args)
	r := Value{lib.XJS_Call(c.tls, c.c, fn.v, this.v, int32(len(args)), argv)}
	if size > 0 {
		c.tls.Free(size)
	}
	return r
}

// argv copies args to the TLS stack, as the engine expects a C array: the
// Go slice may live on the goroutine stack, which moves when it grows
// during the call. A non-zero size must be released with c.tls.Free.
func (c *Context) argv(args []Value) (uintptr, int) {
	if len(args) == 0 {
		return 0, 0
	}
	size := len(args) * sizeofValue
	p := c.tls.Alloc(size)
	copy(unsafe.Slice((*Value)(ptr(p)), len(args)), args)
	return p, size
}

// New calls fn as a constructor.
func (c *Context) New(fn Value, args ...Value) (Value, error) {
	argv, size := c.argv(args)
	r := Value{lib.XJS_CallConstructor(c.tls, c.c, fn.v, int32(len(args)), argv)}
	if size > 0 {
		c.tls.Free(size)
	}
	if r.IsException() {
		return Undefined, c.takeException()
	}
	return r, nil
}

// Eval flags.
const (
	EvalGlobal  = lib.MJS_EVAL_TYPE_GLOBAL
	EvalModule  = lib.MJS_EVAL_TYPE_MODULE
	EvalStrict  = lib.MJS_EVAL_FLAG_STRICT
	EvalCompile = lib.MJS_EVAL_FLAG_COMPILE_ONLY
)

// Eval runs source as a global script (or a module with EvalModule) and
// returns its completion value.
func (c *Context) Eval(src, filename string, flags int) (Value, error) {
	r := c.evalRaw(src, filename, flags)
	if r.IsException() {
		return Undefined, c.takeException()
	}
	return r, nil
}

func (c *Context) evalRaw(src, filename string, flags int) Value {
	// JS_Eval requires a NUL after the source.
	p := libc.Xmalloc(c.tls, lib.Tsize_t(len(src)+1))
	buf := unsafe.Slice((*byte)(ptr(p)), len(src)+1)
	copy(buf, src)
	buf[len(src)] = 0
	fn := c.cstr(filename)
	r := Value{lib.XJS_Eval(c.tls, c.c, p, lib.Tsize_t(len(src)), fn, int32(flags))}
	libc.Xfree(c.tls, fn)
	libc.Xfree(c.tls, p)
	return r
}

// Compile compiles source to bytecode without running it.
func (c *Context) Compile(src, filename string, module bool) ([]byte, error) {
	flags := EvalGlobal | EvalCompile
	if module {
		flags = EvalModule | EvalCompile
	}
	fn := c.evalRaw(src, filename, flags)
	if fn.IsException() {
		return nil, c.takeException()
	}
	defer c.Free(fn)
	psize := c.tls.Alloc(8)
	defer c.tls.Free(8)
	p := lib.XJS_WriteObject(c.tls, c.c, psize, fn.v, lib.MJS_WRITE_OBJ_BYTECODE)
	if p == 0 {
		return nil, c.takeException()
	}
	n := *(*lib.Tsize_t)(ptr(psize))
	out := make([]byte, n)
	copy(out, unsafe.Slice((*byte)(ptr(p)), n))
	lib.Xjs_free(c.tls, c.c, p)
	return out, nil
}

// LoadBytecode reads compiled code and returns the function object (for a
// script) or module (for a module) ready for EvalFunction.
func (c *Context) LoadBytecode(code []byte) (Value, error) {
	if len(code) == 0 {
		return Undefined, fmt.Errorf("qjs: empty bytecode")
	}
	p := libc.Xmalloc(c.tls, lib.Tsize_t(len(code)))
	copy(unsafe.Slice((*byte)(ptr(p)), len(code)), code)
	v := Value{lib.XJS_ReadObject(c.tls, c.c, p, lib.Tsize_t(len(code)), lib.MJS_READ_OBJ_BYTECODE)}
	libc.Xfree(c.tls, p)
	if v.IsException() {
		return Undefined, c.takeException()
	}
	return v, nil
}

// EvalFunction runs a compiled function or module, taking fn.
func (c *Context) EvalFunction(fn Value) (Value, error) {
	r := Value{lib.XJS_EvalFunction(c.tls, c.c, fn.v)}
	if r.IsException() {
		return Undefined, c.takeException()
	}
	return r, nil
}

// PromiseState values.
const (
	PromisePending   = lib.EJS_PROMISE_PENDING
	PromiseFulfilled = lib.EJS_PROMISE_FULFILLED
	PromiseRejected  = lib.EJS_PROMISE_REJECTED
)

// PromiseState returns the state of a promise, or -1 if v is not one.
func (c *Context) PromiseState(v Value) int {
	return int(lib.XJS_PromiseState(c.tls, c.c, v.v))
}

// PromiseResult returns the settled value of a promise.
func (c *Context) PromiseResult(v Value) Value {
	return Value{lib.XJS_PromiseResult(c.tls, c.c, v.v)}
}

// NewPromise makes a promise and its resolving functions.
func (c *Context) NewPromise() (promise, resolve, reject Value) {
	funcs := c.tls.Alloc(2 * sizeofValue)
	defer c.tls.Free(2 * sizeofValue)
	p := Value{lib.XJS_NewPromiseCapability(c.tls, c.c, funcs)}
	f := unsafe.Slice((*lib.TJSValue)(ptr(funcs)), 2)
	return p, Value{f[0]}, Value{f[1]}
}

// ArrayBufferBytes returns the bytes of an ArrayBuffer in place: Go may read
// and write them until the buffer is freed or detached. ok is false if v is
// not an ArrayBuffer (an exception is then pending; call ClearException).
func (c *Context) ArrayBufferBytes(v Value) ([]byte, bool) {
	psize := c.tls.Alloc(8)
	defer c.tls.Free(8)
	p := lib.XJS_GetArrayBuffer(c.tls, c.c, psize, v.v)
	if p == 0 {
		n := *(*lib.Tsize_t)(ptr(psize))
		if n == 0 && !c.HasException() {
			return []byte{}, true
		}
		return nil, false
	}
	n := *(*lib.Tsize_t)(ptr(psize))
	return unsafe.Slice((*byte)(ptr(p)), n), true
}

// TypedArrayBytes returns the bytes viewed by a typed array or DataView in
// place. ok is false if v is not one.
func (c *Context) TypedArrayBytes(v Value) ([]byte, bool) {
	if !v.IsObject() {
		return nil, false
	}
	pofs := c.tls.Alloc(24)
	defer c.tls.Free(24)
	var ofs, n lib.Tsize_t
	var buf Value
	if lib.XJS_GetClassID(c.tls, v.v) == lib.EJS_CLASS_DATAVIEW {
		// The engine has no C accessor for DataViews: read the getters.
		buf = c.Get(v, "buffer")
		o, l := c.Get(v, "byteOffset"), c.Get(v, "byteLength")
		if buf.IsException() || o.IsException() || l.IsException() {
			c.ClearException()
			c.FreeAll(buf, o, l)
			return nil, false
		}
		ofs, n = lib.Tsize_t(o.Int()), lib.Tsize_t(l.Int())
	} else {
		buf = Value{lib.XJS_GetTypedArrayBuffer(c.tls, c.c, v.v, pofs, pofs+8, pofs+16)}
		if buf.IsException() {
			c.ClearException()
			return nil, false
		}
		ofs = *(*lib.Tsize_t)(ptr(pofs))
		n = *(*lib.Tsize_t)(ptr(pofs + 8))
	}
	b, ok := c.ArrayBufferBytes(buf)
	c.Free(buf)
	if !ok {
		c.ClearException()
		return nil, false
	}
	if int(ofs+n) > len(b) {
		return nil, false
	}
	return b[ofs : ofs+n], true
}

// ArrayBuffer makes an ArrayBuffer holding a copy of b.
func (c *Context) ArrayBuffer(b []byte) Value {
	// Go may keep a small slice on the goroutine stack, which moves if it
	// grows during the call: small slices go through C memory first.
	// Larger ones are on the (non-moving) heap; KeepAlive keeps them there.
	const maxStackSlice = 64 << 10
	var p uintptr
	if len(b) <= maxStackSlice {
		p = c.scratch(max(len(b), 1))
		copy(unsafe.Slice((*byte)(ptr(p)), len(b)), b)
	} else {
		p = uintptr(unsafe.Pointer(&b[0]))
	}
	v := Value{lib.XJS_NewArrayBufferCopy(c.tls, c.c, p, lib.Tsize_t(len(b)))}
	runtime.KeepAlive(b)
	return v
}

// Uint8Array makes a Uint8Array over a copy of b.
func (c *Context) Uint8Array(b []byte) Value {
	ab := c.ArrayBuffer(b)
	// The engine's typed array constructor reads argv[0..2] whatever argc
	// is (JS calls pad missing arguments): pass offset and length as
	// undefined explicitly.
	argv, size := c.argv([]Value{ab, Undefined, Undefined})
	r := Value{lib.XJS_NewTypedArray(c.tls, c.c, 3, argv, lib.EJS_TYPED_ARRAY_UINT8)}
	c.tls.Free(size)
	c.Free(ab)
	return r
}

// DetachArrayBuffer detaches an ArrayBuffer.
func (c *Context) DetachArrayBuffer(v Value) {
	lib.XJS_DetachArrayBuffer(c.tls, c.c, v.v)
}
