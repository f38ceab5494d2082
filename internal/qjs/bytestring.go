package qjs

import (
	"runtime"
	"unsafe"

	lib "modernc.org/libquickjs"
)

// StringFromBytes makes a JS string from the UTF-8 bytes b (invalid bytes
// become U+FFFD) without copying them first: b must live in engine memory
// (as the bytes TypedArrayBytes returns) or on the Go heap, never on a
// goroutine stack.
func (c *Context) StringFromBytes(b []byte) Value {
	if len(b) == 0 {
		return Value{lib.XJS_NewStringLen(c.tls, c.c, c.scratch(1), 0)}
	}
	v := lib.XJS_NewStringLen(c.tls, c.c, uintptr(unsafe.Pointer(&b[0])), lib.Tsize_t(len(b)))
	runtime.KeepAlive(b)
	return Value{v}
}

// Key is a property key held as an engine atom: reading a property by Key
// skips the name lookup that Get does. Release it with FreeKey.
type Key struct{ a lib.TJSAtom }

// KeyOf makes the Key of v (a string or symbol; borrowed). ok is false if
// v cannot be a key (an exception is then pending).
func (c *Context) KeyOf(v Value) (k Key, ok bool) {
	a := lib.XJS_ValueToAtom(c.tls, c.c, v.v)
	return Key{a}, a != 0
}

// NamedKey makes the Key of a property name.
func (c *Context) NamedKey(name string) Key {
	return Key{lib.XJS_DupAtom(c.tls, c.c, c.atom(name))}
}

// FreeKey releases k.
func (c *Context) FreeKey(k Key) {
	if k.a != 0 {
		lib.XJS_FreeAtom(c.tls, c.c, k.a)
	}
}

// GetKey reads obj[k] (obj borrowed); the result may be Exception.
func (c *Context) GetKey(obj Value, k Key) Value {
	return Value{lib.XJS_GetPropertyInternal(c.tls, c.c, obj.v, k.a, obj.v, 0)}
}
