package qjs

import (
	"errors"

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
