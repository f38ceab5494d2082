package qjs

import (
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// ModuleLoader resolves and loads ES modules for the engine.
type ModuleLoader interface {
	// Resolve maps an import specifier, seen in the module named base,
	// to the canonical name of the module to load.
	Resolve(c *Context, base, specifier string, attrs Value) (string, error)
	// Load returns a compiled module (from CompileModule) for a resolved
	// name. attrs are the import attributes (borrowed).
	Load(c *Context, name string, attrs Value) (Module, error)
}

// Module is a compiled, not yet evaluated, ES module.
type Module struct{ v Value }

// Ptr returns the engine's module record address, usable as a map key.
func (m Module) Ptr() uintptr { return *(*uintptr)(unsafe.Pointer(&m.v.v)) }

// Value returns the module as a Value (borrowed).
func (m Module) Value() Value { return m.v }

// CompileModule compiles module source under name without evaluating it.
func (c *Context) CompileModule(src, name string) (Module, error) {
	v := c.evalRaw(src, name, EvalModule|EvalCompile)
	if v.IsException() {
		return Module{}, c.takeException()
	}
	return Module{v}, nil
}

// ImportMeta returns the import.meta object of a compiled module.
func (c *Context) ImportMeta(m Module) Value {
	return Value{lib.XJS_GetImportMeta(c.tls, c.c, m.Ptr())}
}

// Namespace returns the namespace object of an evaluated module.
func (c *Context) Namespace(m Module) Value {
	return Value{lib.XJS_GetModuleNamespace(c.tls, c.c, m.Ptr())}
}

// ResolveModule links a compiled module's imports.
func (c *Context) ResolveModule(m Module) error {
	if lib.XJS_ResolveModule(c.tls, c.c, m.v.v) < 0 {
		return c.takeException()
	}
	return nil
}

// SetModuleLoader installs the runtime's module loader.
func (r *Runtime) SetModuleLoader(l ModuleLoader) {
	r.ModuleLoader = l
	lib.XJS_SetModuleLoaderFunc2(r.tls, r.rt, cfp(moduleNormalize), cfp(moduleLoad), cfp(moduleCheckAttrs), 0)
}

// char *normalize(JSContext *ctx, const char *base, const char *name, void *opaque)
func moduleNormalize(tls *libc.TLS, cx, base, name, opaque uintptr) uintptr {
	c := lookupContext(cx)
	if c.rt.deferImports {
		return deferredNormalize(tls, cx)
	}
	if ic := c.rt.ImportInterceptor; ic != nil {
		if res, ok := ic.Claim(c, libc.GoString(base), libc.GoString(name)); ok {
			return c.engineString(cx, res)
		}
	}
	l := c.rt.ModuleLoader
	if l == nil {
		c.throwNew("ReferenceError", "could not load module '"+libc.GoString(name)+"'")
		return 0
	}
	// Attributes are not passed to the normalizer by the engine.
	res, err := l.Resolve(c, libc.GoString(base), libc.GoString(name), Undefined)
	if err != nil {
		c.Throw(c.errorValue(err))
		return 0
	}
	return c.engineString(cx, res)
}

// engineString returns s as a C string allocated by the engine of cx.
func (c *Context) engineString(cx uintptr, s string) uintptr {
	p := c.cbytes(s)
	out := lib.Xjs_strndup(c.tls, cx, p, lib.Tsize_t(len(s)))
	c.freeCBytes(p, len(s))
	return out
}

// JSModuleDef *loader(JSContext *ctx, const char *name, void *opaque, JSValueConst attributes)
func moduleLoad(tls *libc.TLS, cx, name, opaque uintptr, attrs lib.TJSValue) uintptr {
	c := lookupContext(cx)
	if c.rt.deferImports {
		return deferredLoad(tls, cx)
	}
	if ic := c.rt.ImportInterceptor; ic != nil && ic.Claimed(libc.GoString(name)) {
		m, err := ic.Load(c, libc.GoString(name), Value{attrs})
		if err != nil {
			c.Throw(c.errorValue(err))
			return 0
		}
		p := m.Ptr()
		c.Free(m.v)
		return p
	}
	if c.rt.ModuleLoader == nil {
		c.throwNew("ReferenceError", "could not load module '"+libc.GoString(name)+"'")
		return 0
	}
	m, err := c.rt.ModuleLoader.Load(c, libc.GoString(name), Value{attrs})
	if err != nil {
		c.Throw(c.errorValue(err))
		return 0
	}
	p := m.Ptr()
	// The engine keeps the module record; drop our value reference.
	c.Free(m.v)
	return p
}

// int check_attrs(JSContext *ctx, void *opaque, JSValueConst attributes)
func moduleCheckAttrs(tls *libc.TLS, cx, opaque uintptr, attrs lib.TJSValue) int32 {
	// Attributes are validated by Load, which knows the module type.
	return 0
}

// errorValue turns a Go error into a JS value to throw.
func (c *Context) errorValue(err error) Value {
	if e, ok := err.(*Error); ok && !e.freed && e.ctx == c {
		v := c.Dup(e.val)
		e.Free()
		return v
	}
	return c.MakeError("Error", err.Error())
}

// EvalModule links and evaluates a compiled module, taking m's reference.
// It returns the evaluation promise: already settled when the module graph
// has no top-level await.
func (c *Context) EvalModule(m Module) (Value, error) {
	return c.EvalFunction(m.v)
}

// DupModule returns a new reference to m.
func (c *Context) DupModule(m Module) Module { return Module{c.Dup(m.v)} }

// FreeModule releases a reference to m.
func (c *Context) FreeModule(m Module) { c.Free(m.v) }
