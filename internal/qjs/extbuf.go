package qjs

import (
	"sync"
	"sync/atomic"
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// External ArrayBuffers view memory that Go owns (for example a
// WebAssembly linear memory reserved with mmap) without copying it. The
// engine never frees that memory: it calls back when the buffer is
// detached or collected, so that the owner knows the view is gone.

var (
	extMu       sync.Mutex
	extReleases = map[uintptr]func(){}
	extNext     uintptr
)

// extFree is the buffer's free_func:
// void free_func(JSRuntime *rt, void *opaque, void *ptr).
// The engine calls it on detach and again (with a NULL ptr) when a
// detached buffer is collected; only the first call releases.
func extFree(tls *libc.TLS, rt, opaque, p uintptr) {
	extMu.Lock()
	f := extReleases[opaque]
	delete(extReleases, opaque)
	extMu.Unlock()
	if f != nil {
		f()
	}
}

// ExternalArrayBuffer makes an ArrayBuffer whose bytes are b in place: JS
// writes through it are seen by Go and the reverse. b must not be Go heap
// memory that can move or be collected (use memory from mmap or libc), and
// must stay valid until release (may be nil) is called, which happens once,
// when the buffer is detached or collected. release must not call into JS.
func (c *Context) ExternalArrayBuffer(b []byte, release func()) Value {
	var p uintptr
	if len(b) > 0 {
		p = uintptr(unsafe.Pointer(&b[0]))
	}
	extMu.Lock()
	extNext++
	id := extNext
	if release != nil {
		extReleases[id] = release
	}
	extMu.Unlock()
	return Value{lib.XJS_NewArrayBuffer(c.tls, c.c, p, lib.Tsize_t(len(b)), cfp(extFree), id, lib.TBOOL(0))}
}

// ExternalSharedHeader is how many bytes before the data of an external
// SharedArrayBuffer the caller must reserve for the engine's bookkeeping.
const ExternalSharedHeader = sabHeader

// ExternalSharedArrayBuffer makes a SharedArrayBuffer over b in place. The
// ExternalSharedHeader bytes just before b[0] must be writable memory owned
// with b; they hold a reference count that is set so that the engine never
// frees b. b must stay valid for as long as the runtime lives.
func (c *Context) ExternalSharedArrayBuffer(b []byte) Value {
	if len(b) == 0 {
		return c.ExternalArrayBuffer(nil, nil)
	}
	p := uintptr(unsafe.Pointer(&b[0]))
	// A count that sabFree never brings to zero.
	atomic.StoreInt64((*int64)(ptr(p-sabHeader)), 1<<62)
	return Value{lib.XJS_NewArrayBuffer(c.tls, c.c, p, lib.Tsize_t(len(b)), 0, 0, lib.TBOOL(1))}
}
