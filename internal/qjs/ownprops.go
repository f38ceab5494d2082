package qjs

import (
	"unsafe"

	lib "modernc.org/libquickjs"
)

// What OwnProperty found.
const (
	PropMissing  = 0 // no such own property
	PropData     = 1 // a data property: its value is returned
	PropAccessor = 2 // a getter and/or setter: no value is read
)

// OwnKeys lists obj's own property keys as Reflect.ownKeys orders them
// (indices, strings, then symbols); with enumOnly only the enumerable ones.
// Release each key with FreeKey. ok is false when a Proxy trap threw (the
// exception is then pending).
func (c *Context) OwnKeys(obj Value, enumOnly bool) (keys []Key, ok bool) {
	es, free, ok := c.ownPropertyEnum(obj, enumOnly)
	if !ok {
		return nil, false
	}
	defer free()
	keys = make([]Key, len(es))
	for i, e := range es {
		keys[i] = Key{lib.XJS_DupAtom(c.tls, c.c, e.Fatom)}
	}
	return keys, true
}

// IndexKey makes the Key of the array index i.
func (c *Context) IndexKey(i uint32) Key {
	return Key{lib.XJS_NewAtomUInt32(c.tls, c.c, i)}
}

// KeyValue returns k as a JS value: a string (indices too) or a symbol.
func (c *Context) KeyValue(k Key) Value {
	return Value{lib.XJS_AtomToValue(c.tls, c.c, k.a)}
}

// OwnProperty looks up obj's own property k without calling a getter, as
// Object.getOwnPropertyDescriptor does: kind is PropMissing, PropAccessor,
// or PropData with val (a new reference); enumerable is the property's
// flag. kind is -1 when a Proxy trap threw (the exception is pending).
func (c *Context) OwnProperty(obj Value, k Key) (val Value, kind int, enumerable bool) {
	desc := c.tls.Alloc(int(unsafe.Sizeof(lib.TJSPropertyDescriptor{})))
	defer c.tls.Free(int(unsafe.Sizeof(lib.TJSPropertyDescriptor{})))
	r := lib.XJS_GetOwnProperty(c.tls, c.c, desc, obj.v, k.a)
	if r < 0 {
		return Undefined, -1, false
	}
	if r == 0 {
		return Undefined, PropMissing, false
	}
	d := (*lib.TJSPropertyDescriptor)(ptr(desc))
	enumerable = d.Fflags&lib.MJS_PROP_ENUMERABLE != 0
	if d.Fflags&lib.MJS_PROP_GETSET != 0 {
		c.Free(Value{d.Fvalue})
		c.Free(Value{d.Fgetter})
		c.Free(Value{d.Fsetter})
		return Undefined, PropAccessor, enumerable
	}
	c.Free(Value{d.Fgetter})
	c.Free(Value{d.Fsetter})
	return Value{d.Fvalue}, PropData, enumerable
}

// Prototype returns obj's prototype (a new reference; Null at the end of
// the chain), or Exception with the exception pending when a Proxy trap
// threw.
func (c *Context) Prototype(obj Value) Value {
	return Value{lib.XJS_GetPrototype(c.tls, c.c, obj.v)}
}
