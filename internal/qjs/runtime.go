// Package qjs is gonode's binding to the QuickJS engine (the pure-Go
// transpilation in modernc.org/libquickjs). It is the only package that
// imports libquickjs and libc.
//
// Ownership: a Value is a raw engine value. Functions that "take" a value
// become responsible for freeing it; functions that "borrow" it do not.
// Unless a doc comment says otherwise, arguments are borrowed and results
// are owned by the caller, who must Free them.
//
// A Runtime and its Context are not safe for concurrent use: one goroutine
// (the event loop) owns them. Only Interrupt may be called from elsewhere.
package qjs

import (
	"errors"
	"sync"
	"sync/atomic"
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// Options configure a new Runtime.
type Options struct {
	// MemoryLimit caps the engine heap in bytes; 0 means no limit.
	MemoryLimit int
	// StackSlots caps recursion depth (in libc TLS stack slots, roughly one
	// per JS frame); 0 selects the engine default.
	StackSlots int
	// GCThreshold sets the allocation volume between collections; 0 keeps
	// the engine default.
	GCThreshold int
	// StripSource makes the parser drop function source text (kept by
	// default for Function.prototype.toString): smaller, faster bytecode.
	StripSource bool
}

// Runtime owns one QuickJS runtime and its single Context.
type Runtime struct {
	tls  *libc.TLS
	rt   uintptr
	ctx  *Context
	intr uintptr // C int32 polled by the interrupt handler

	extra []*Context // contexts made by NewContext

	actx *AsyncContext // see EnableAsyncContext

	// RejectionTracker, when set, is called as promises are rejected without
	// a handler (handled=false) and when a handler is attached later
	// (handled=true). Both values are borrowed.
	RejectionTracker func(promise, reason Value, handled bool)

	// ModuleLoader resolves and loads ES modules; see module.go.
	ModuleLoader ModuleLoader
	// ImportInterceptor, when set, sees each import the engine resolves
	// (outside CompileModuleUnlinked) before ModuleLoader; see vmmodule.go.
	ImportInterceptor ImportInterceptor
	// deferImports makes the loader hooks link every import to a
	// placeholder (CompileModuleUnlinked; see vmmodule.go).
	deferImports bool

	closed bool

	// Classes registered by this runtime (guarded by classMu).
	classCount map[string]int
	finalizers map[lib.TJSClassID]func(handle uintptr)
}

var (
	// contexts maps the handle stored as context opaque to its Go Context,
	// so that callbacks arriving with a raw JSContext* find their Go state
	// without storing Go pointers in engine memory.
	ctxMu    sync.RWMutex
	contexts = map[uintptr]*Context{}
	ctxSeq   atomic.Uintptr
)

// NewRuntime creates a runtime with one context that has all the standard
// intrinsics.
func NewRuntime(o Options) (*Runtime, error) {
	tls := libc.NewTLS()
	rt := lib.XJS_NewRuntime(tls)
	if rt == 0 {
		tls.Close()
		return nil, errors.New("qjs: cannot create runtime")
	}
	r := &Runtime{tls: tls, rt: rt}
	stack := o.StackSlots
	if stack == 0 {
		stack = lib.MaxStackSlots
	}
	lib.XJS_SetMaxStackSize(tls, rt, lib.Tsize_t(stack))
	if o.MemoryLimit > 0 {
		lib.XJS_SetMemoryLimit(tls, rt, lib.Tsize_t(o.MemoryLimit))
	}
	if o.StripSource {
		lib.XJS_SetStripInfo(tls, rt, lib.MJS_STRIP_SOURCE)
	}
	if o.GCThreshold > 0 {
		lib.XJS_SetGCThreshold(tls, rt, lib.Tsize_t(o.GCThreshold))
	}
	r.enableSharedMemory()
	r.intr = libc.Xcalloc(tls, 1, 8)
	lib.XJS_SetInterruptHandler(tls, rt, cfp(interruptHandler), r.intr)

	c := lib.XJS_NewContext(tls, rt)
	if c == 0 {
		lib.XJS_FreeRuntime(tls, rt)
		tls.Close()
		return nil, errors.New("qjs: cannot create context")
	}
	h := ctxSeq.Add(1)
	ctx := &Context{rt: r, c: c, tls: tls, handle: h}
	lib.XJS_SetContextOpaque(tls, c, h)
	ctxMu.Lock()
	contexts[h] = ctx
	ctxMu.Unlock()
	r.ctx = ctx
	if jsProf.on {
		jsProfRegister(rt, ctx)
	}
	lib.XJS_SetHostPromiseRejectionTracker(tls, rt, cfp(rejectionTracker), h)
	ctx.init()
	return r, nil
}

// Context returns the runtime's context.
func (r *Runtime) Context() *Context { return r.ctx }

// Interrupt asks running JS to stop with an uncatchable "interrupted"
// error at its next check point. Safe to call from any goroutine.
func (r *Runtime) Interrupt() {
	atomic.StoreInt32((*int32)(ptr(r.intr)), 1)
}

// ClearInterrupt re-arms the runtime after an Interrupt.
func (r *Runtime) ClearInterrupt() {
	atomic.StoreInt32((*int32)(ptr(r.intr)), 0)
}

// Interrupted reports whether Interrupt was called and not cleared.
func (r *Runtime) Interrupted() bool {
	return atomic.LoadInt32((*int32)(ptr(r.intr))) != 0
}

func interruptHandler(tls *libc.TLS, rt, opaque uintptr) int32 {
	if jsProf.on {
		jsProfSample(rt)
	}
	return atomic.LoadInt32((*int32)(ptr(opaque)))
}

// RunGC runs the cycle collector.
func (r *Runtime) RunGC() { lib.XJS_RunGC(r.tls, r.rt) }

// MemoryUsage reports the engine heap in bytes (malloc'd size).
func (r *Runtime) MemoryUsage() (used int64, count int64) {
	var mu lib.TJSMemoryUsage
	p := libc.Xmalloc(r.tls, lib.Tsize_t(unsafe.Sizeof(mu)))
	defer libc.Xfree(r.tls, p)
	lib.XJS_ComputeMemoryUsage(r.tls, r.rt, p)
	mu = *(*lib.TJSMemoryUsage)(ptr(p))
	return mu.Fmalloc_size, mu.Fmalloc_count
}

// Close frees the context and the runtime. Every Value must have been
// freed before; the engine asserts otherwise in debug builds.
func (r *Runtime) Close() {
	if r.closed {
		return
	}
	r.closed = true
	if r.actx != nil {
		r.actx.close()
		r.actx = nil
	}
	r.closeExtra()
	c := r.ctx
	c.release()
	lib.XJS_FreeContext(r.tls, c.c)
	ctxMu.Lock()
	delete(contexts, c.handle)
	ctxMu.Unlock()
	lib.XJS_FreeRuntime(r.tls, r.rt)
	r.forgetClasses()
	libc.Xfree(r.tls, r.intr)
	r.tls.Close()
}

// ExecutePendingJob runs one queued promise job. It returns false when the
// queue was empty. A job that throws returns its exception as error.
func (r *Runtime) ExecutePendingJob() (bool, error) {
	var prev Value
	restore := false
	if r.actx != nil {
		if e := r.jobTail(); e != r.jobHead() {
			prev, restore = r.actx.beforeJob(listNext(r.jobHead())), true
		}
	}
	pctx := r.tls.Alloc(8)
	defer r.tls.Free(8)
	n := lib.XJS_ExecutePendingJob(r.tls, r.rt, pctx)
	if restore {
		r.actx.afterJob(prev)
	} else if r.actx != nil {
		// Tracking began inside this job (its first AsyncLocalStorage
		// use): what it entered ends with it.
		r.actx.Reset()
	}
	if n == 0 {
		return false, nil
	}
	if n < 0 {
		return true, r.ctx.takeException()
	}
	return true, nil
}

// IsJobPending reports whether promise jobs are queued.
func (r *Runtime) IsJobPending() bool {
	return lib.XJS_IsJobPending(r.tls, r.rt) != 0
}

func rejectionTracker(tls *libc.TLS, c uintptr, promise, reason lib.TJSValue, handled int32, opaque uintptr) {
	ctx := lookupContext(c)
	if ctx == nil || ctx.rt.RejectionTracker == nil {
		return
	}
	ctx.rt.RejectionTracker(Value{promise}, Value{reason}, handled != 0)
}

func lookupContext(c uintptr) *Context {
	h := lib.XJS_GetContextOpaque(nil, c)
	ctxMu.RLock()
	ctx := contexts[h]
	ctxMu.RUnlock()
	return ctx
}

// cfp turns a Go func value into the function pointer form the transpiled
// C code calls through.
func cfp(f any) uintptr {
	type iface [2]uintptr
	return (*iface)(unsafe.Pointer(&f))[1]
}

// ptr converts an address of engine (libc) memory, which the Go collector
// neither owns nor moves, to a pointer. Going through memory rather than a
// direct conversion states that this uintptr is not a Go heap address.
func ptr(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }
