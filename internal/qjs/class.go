package qjs

import (
	"sync"
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// ClassID identifies a class of objects that carry Go state by handle.
type ClassID uint32

var (
	classMu    sync.Mutex
	finalizers = map[lib.TJSClassID]func(handle uintptr){}
)

// NewClass registers a class whose instances carry an integer handle to Go
// state. finalize (may be nil) runs when an instance is collected; it must
// not call into JS.
func (r *Runtime) NewClass(name string, finalize func(handle uintptr)) ClassID {
	return ClassID(r.newClassID(name, finalize))
}

func (r *Runtime) newClassID(name string, finalize func(handle uintptr)) lib.TJSClassID {
	pid := libc.Xcalloc(r.tls, 1, 4)
	defer libc.Xfree(r.tls, pid)
	id := lib.XJS_NewClassID(r.tls, pid)
	def := libc.Xcalloc(r.tls, 1, lib.Tsize_t(unsafe.Sizeof(lib.TJSClassDef{})))
	defer libc.Xfree(r.tls, def)
	cname, _ := libc.CString(name)
	// QuickJS keeps the name as an atom, so the C string can go after.
	defer libc.Xfree(r.tls, cname)
	d := (*lib.TJSClassDef)(ptr(def))
	d.Fclass_name = cname
	d.Ffinalizer = cfp(classFinalizer)
	classMu.Lock()
	finalizers[id] = finalize
	classMu.Unlock()
	lib.XJS_NewClass(r.tls, r.rt, id, def)
	return id
}

// void finalizer(JSRuntime *rt, JSValue val)
func classFinalizer(tls *libc.TLS, rt uintptr, v lib.TJSValue) {
	id := lib.XJS_GetClassID(tls, v)
	classMu.Lock()
	f := finalizers[id]
	classMu.Unlock()
	if f != nil {
		f(lib.XJS_GetOpaque(tls, v, id))
	}
}

// NewInstance makes an object of class cls with prototype proto (borrowed;
// Undefined selects Object.prototype) carrying handle.
func (c *Context) NewInstance(cls ClassID, proto Value, handle uintptr) Value {
	var v Value
	if proto.IsUndefined() {
		v = Value{lib.XJS_NewObjectClass(c.tls, c.c, int32(cls))}
	} else {
		v = Value{lib.XJS_NewObjectProtoClass(c.tls, c.c, proto.v, lib.TJSClassID(cls))}
	}
	if !v.IsException() {
		lib.XJS_SetOpaque(c.tls, v.v, handle)
	}
	return v
}

// Handle returns the handle carried by an instance of cls.
func (c *Context) Handle(v Value, cls ClassID) (uintptr, bool) {
	if !v.IsObject() || lib.XJS_GetClassID(c.tls, v.v) != lib.TJSClassID(cls) {
		return 0, false
	}
	return lib.XJS_GetOpaque(c.tls, v.v, lib.TJSClassID(cls)), true
}
