package qjs

import (
	"unsafe"

	lib "modernc.org/libquickjs"
)

// OwnNonIndexKeys returns a new array of obj's own property keys that are
// not array indices: strings then symbols, in the engine's order. With
// enumOnly only enumerable keys are kept. Index keys are skipped without
// being turned into strings, so a large array or typed array costs little.
// On failure it returns Exception with the exception pending.
func (c *Context) OwnNonIndexKeys(obj Value, enumOnly bool) Value {
	es, free, ok := c.ownPropertyEnum(obj, enumOnly)
	if !ok {
		return Exception
	}
	defer free()
	arr := c.Array()
	var i uint32
	for _, e := range es {
		if uint32(e.Fatom)&lib.MJS_ATOM_TAG_INT != 0 {
			continue
		}
		v := Value{lib.XJS_AtomToValue(c.tls, c.c, e.Fatom)}
		if v.IsString() && isArrayIndex(c.GoString(v)) {
			c.Free(v)
			continue
		}
		c.SetIndex(arr, i, v)
		i++
	}
	return arr
}

// ownPropertyEnum lists obj's own string and symbol keys (only the
// enumerable ones with enumOnly) in the engine's order; free releases the
// list. ok is false when a Proxy trap threw (the exception is pending).
func (c *Context) ownPropertyEnum(obj Value, enumOnly bool) (es []lib.TJSPropertyEnum, free func(), ok bool) {
	flags := int32(lib.MJS_GPN_STRING_MASK | lib.MJS_GPN_SYMBOL_MASK)
	if enumOnly {
		flags |= lib.MJS_GPN_ENUM_ONLY
	}
	// Each Alloc takes a 16-byte slot of the TLS stack: each gets its Free.
	ptab := c.tls.Alloc(8)
	defer c.tls.Free(8)
	plen := c.tls.Alloc(8)
	defer c.tls.Free(8)
	if lib.XJS_GetOwnPropertyNames(c.tls, c.c, ptab, plen, obj.v, flags) < 0 {
		return nil, nil, false
	}
	tab := *(*uintptr)(ptr(ptab))
	n := *(*uint32)(ptr(plen))
	return unsafe.Slice((*lib.TJSPropertyEnum)(ptr(tab)), n), func() { lib.XJS_FreePropertyEnum(c.tls, c.c, tab, n) }, true
}

// isArrayIndex reports whether s is the canonical form of an integer in
// [0, 2^32-2], the property names that arrays treat as indices.
func isArrayIndex(s string) bool {
	if s == "" || len(s) > 10 || (len(s) > 1 && s[0] == '0') {
		return false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		n = n*10 + uint64(s[i]-'0')
	}
	return n < 1<<32-1
}
