package qjs

import (
	"errors"
	"sync"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// NewContext creates an additional context (a new realm with its own
// global object and intrinsics) in the same runtime. Values may pass
// between the contexts of one runtime. The context is owned by the
// runtime's goroutine and freed by Runtime.Close.
func (r *Runtime) NewContext() (*Context, error) {
	c := lib.XJS_NewContext(r.tls, r.rt)
	if c == 0 {
		return nil, errors.New("qjs: cannot create context")
	}
	h := ctxSeq.Add(1)
	ctx := &Context{rt: r, c: c, tls: r.tls, handle: h}
	lib.XJS_SetContextOpaque(r.tls, c, h)
	ctxMu.Lock()
	contexts[h] = ctx
	ctxMu.Unlock()
	ctx.init()
	r.extra = append(r.extra, ctx)
	return ctx, nil
}

var (
	collectMu sync.Mutex
	// collectable holds, per runtime, the contexts made by
	// NewCollectableContext and not yet forgotten.
	collectable = map[*Runtime]map[*Context]struct{}{}
)

// NewCollectableContext creates a context like NewContext whose lifetime
// the engine's garbage collector manages, instead of Runtime.Close. It
// returns the context and an anchor, an owned function value of the new
// realm: the realm lives while the anchor (or any other of its objects) is
// reachable, and is freed by the collector after. The caller must keep the
// anchor reachable for as long as it uses the context, and call Forget
// when it no longer uses it. Engine callbacks for the realm (promise
// rejections, module loading) are served by the runtime's main context.
func (r *Runtime) NewCollectableContext() (*Context, Value, error) {
	c, err := r.NewContext()
	if err != nil {
		return nil, Undefined, err
	}
	anchor := c.evalRaw("(function () {})", "<realm>", EvalGlobal)
	if anchor.IsException() {
		// The context stays with the runtime, freed by Close.
		return nil, Undefined, c.takeException()
	}
	r.extra = r.extra[:len(r.extra)-1]
	collectMu.Lock()
	if collectable[r] == nil {
		collectable[r] = map[*Context]struct{}{}
	}
	collectable[r][c] = struct{}{}
	collectMu.Unlock()
	lib.XJS_SetContextOpaque(c.tls, c.c, r.ctx.handle)
	lib.XJS_FreeContext(c.tls, c.c) // the anchor holds the realm now
	return c, anchor, nil
}

// Forget drops the Go side of a context made by NewCollectableContext,
// without touching the realm, which the engine may already have freed.
// c must not be used afterwards.
func (c *Context) Forget() {
	r := c.rt
	for e := range c.errs {
		e.ctx = r.ctx
		delete(c.errs, e)
		r.ctx.errs[e] = struct{}{}
	}
	for _, a := range c.atoms {
		lib.XJS_FreeAtom(c.tls, r.ctx.c, a)
	}
	c.atoms = nil
	if c.scratchBuf != 0 {
		libc.Xfree(c.tls, c.scratchBuf)
		c.scratchBuf = 0
	}
	c.funcs = nil
	collectMu.Lock()
	if m := collectable[r]; m != nil {
		delete(m, c)
		if len(m) == 0 {
			delete(collectable, r)
		}
	}
	collectMu.Unlock()
	ctxMu.Lock()
	delete(contexts, c.handle)
	ctxMu.Unlock()
}

// closeExtra frees the contexts made by NewContext.
func (r *Runtime) closeExtra() {
	for i := len(r.extra) - 1; i >= 0; i-- {
		c := r.extra[i]
		c.release()
		lib.XJS_FreeContext(r.tls, c.c)
		ctxMu.Lock()
		delete(contexts, c.handle)
		ctxMu.Unlock()
	}
	r.extra = nil
	// Collectable contexts are freed by the engine with the runtime.
	collectMu.Lock()
	m := collectable[r]
	collectMu.Unlock()
	for c := range m {
		c.Forget()
	}
}

// SetIsHTMLDDA gives the object v the [[IsHTMLDDA]] internal slot of
// Annex B (typeof "undefined", falsy, loosely equal to null): used by
// conformance tests. It does nothing if v is not an object.
func (c *Context) SetIsHTMLDDA(v Value) {
	lib.XJS_SetIsHTMLDDA(c.tls, c.c, v.v)
}

// EvalRaw is Eval without converting a thrown exception: it returns
// Exception and leaves the exception pending in the runtime, so that a Go
// Func (possibly of another context of the same runtime) can propagate it
// unchanged, uncatchable or not.
func (c *Context) EvalRaw(src, filename string, flags int) Value {
	return c.evalRaw(src, filename, flags)
}
