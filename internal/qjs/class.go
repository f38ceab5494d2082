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
	classMu sync.Mutex
	// classIDs reuses engine class IDs across runtimes: the k-th class
	// named N that a runtime registers gets the same ID in every runtime,
	// so that creating many runtimes does not grow the ID space (each
	// runtime's class table is as large as the largest ID).
	classIDs = map[classKey]lib.TJSClassID{}
	// runtimes maps an engine runtime address to its Go Runtime, for
	// finalizers, which arrive with only the JSRuntime*.
	runtimes = map[uintptr]*Runtime{}
)

type classKey struct {
	name string
	nth  int
}

// NewClass registers a class whose instances carry an integer handle to Go
// state. finalize (may be nil) runs when an instance is collected; it must
// not call into JS.
func (r *Runtime) NewClass(name string, finalize func(handle uintptr)) ClassID {
	return ClassID(r.newClassID(name, finalize))
}

func (r *Runtime) newClassID(name string, finalize func(handle uintptr)) lib.TJSClassID {
	classMu.Lock()
	if r.classCount == nil {
		r.classCount = map[string]int{}
		r.finalizers = map[lib.TJSClassID]func(uintptr){}
	}
	key := classKey{name, r.classCount[name]}
	r.classCount[name]++
	id, ok := classIDs[key]
	if !ok {
		pid := libc.Xcalloc(r.tls, 1, 4)
		id = lib.XJS_NewClassID(r.tls, pid)
		libc.Xfree(r.tls, pid)
		classIDs[key] = id
	}
	r.finalizers[id] = finalize
	runtimes[r.rt] = r
	classMu.Unlock()

	def := libc.Xcalloc(r.tls, 1, lib.Tsize_t(unsafe.Sizeof(lib.TJSClassDef{})))
	defer libc.Xfree(r.tls, def)
	cname, _ := libc.CString(name)
	// QuickJS keeps the name as an atom, so the C string can go after.
	defer libc.Xfree(r.tls, cname)
	d := (*lib.TJSClassDef)(ptr(def))
	d.Fclass_name = cname
	d.Ffinalizer = cfp(classFinalizer)
	lib.XJS_NewClass(r.tls, r.rt, id, def)
	return id
}

// forgetClasses drops the runtime's finalizers once the engine runtime is
// freed.
func (r *Runtime) forgetClasses() {
	classMu.Lock()
	delete(runtimes, r.rt)
	r.finalizers = nil
	classMu.Unlock()
}

// void finalizer(JSRuntime *rt, JSValue val)
func classFinalizer(tls *libc.TLS, rt uintptr, v lib.TJSValue) {
	id := lib.XJS_GetClassID(tls, v)
	classMu.Lock()
	var f func(uintptr)
	if r := runtimes[rt]; r != nil {
		f = r.finalizers[id]
	}
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
