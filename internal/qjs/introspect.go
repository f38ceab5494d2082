package qjs

import (
	"unsafe"

	lib "modernc.org/libquickjs"
)

// Engine class ids of built-in objects, as ClassID reports them.
const (
	ClassObject                 = lib.EJS_CLASS_OBJECT
	ClassArray                  = lib.EJS_CLASS_ARRAY
	ClassError                  = lib.EJS_CLASS_ERROR
	ClassNumber                 = lib.EJS_CLASS_NUMBER
	ClassString                 = lib.EJS_CLASS_STRING
	ClassBoolean                = lib.EJS_CLASS_BOOLEAN
	ClassSymbol                 = lib.EJS_CLASS_SYMBOL
	ClassArguments              = lib.EJS_CLASS_ARGUMENTS
	ClassMappedArguments        = lib.EJS_CLASS_MAPPED_ARGUMENTS
	ClassDate                   = lib.EJS_CLASS_DATE
	ClassModuleNS               = lib.EJS_CLASS_MODULE_NS
	ClassGeneratorFunction      = lib.EJS_CLASS_GENERATOR_FUNCTION
	ClassRegExp                 = lib.EJS_CLASS_REGEXP
	ClassArrayBuffer            = lib.EJS_CLASS_ARRAY_BUFFER
	ClassSharedArrayBuffer      = lib.EJS_CLASS_SHARED_ARRAY_BUFFER
	ClassUint8CArray            = lib.EJS_CLASS_UINT8C_ARRAY
	ClassFloat64Array           = lib.EJS_CLASS_FLOAT64_ARRAY
	ClassDataView               = lib.EJS_CLASS_DATAVIEW
	ClassBigInt                 = lib.EJS_CLASS_BIG_INT
	ClassMap                    = lib.EJS_CLASS_MAP
	ClassSet                    = lib.EJS_CLASS_SET
	ClassWeakMap                = lib.EJS_CLASS_WEAKMAP
	ClassWeakSet                = lib.EJS_CLASS_WEAKSET
	ClassMapIterator            = lib.EJS_CLASS_MAP_ITERATOR
	ClassSetIterator            = lib.EJS_CLASS_SET_ITERATOR
	ClassGenerator              = lib.EJS_CLASS_GENERATOR
	ClassProxy                  = lib.EJS_CLASS_PROXY
	ClassPromise                = lib.EJS_CLASS_PROMISE
	ClassAsyncFunction          = lib.EJS_CLASS_ASYNC_FUNCTION
	ClassAsyncGeneratorFunction = lib.EJS_CLASS_ASYNC_GENERATOR_FUNCTION
	ClassAsyncGenerator         = lib.EJS_CLASS_ASYNC_GENERATOR
	ClassWeakRef                = lib.EJS_CLASS_WEAK_REF
	// ClassFirstNative is the lowest class id that NewClass can hand
	// out: objects of classes at or above it carry Go state.
	ClassFirstNative = lib.EJS_CLASS_INIT_COUNT
)

// ClassID returns the engine class id of an object (one of the Class*
// constants for built-ins), or -1 if v is not an object. It never runs JS:
// a Proxy reports ClassProxy whatever its target.
func (c *Context) ClassID(v Value) int {
	if !v.IsObject() {
		return -1
	}
	return int(lib.XJS_GetClassID(c.tls, v.v))
}

// ProxyDetails returns the target and handler of a Proxy, both new
// references (null when the proxy is revoked). ok is false if v is not a
// Proxy.
func (c *Context) ProxyDetails(v Value) (target, handler Value, ok bool) {
	p := lib.XJS_GetOpaque(c.tls, v.v, uint32(lib.EJS_CLASS_PROXY))
	if p == 0 {
		return Undefined, Undefined, false
	}
	d := (*lib.TJSProxyData)(ptr(p))
	if d.Fis_revoked != 0 {
		return Null, Null, true
	}
	return c.Dup(Value{d.Ftarget}), c.Dup(Value{d.Fhandler}), true
}

// MapIteratorEntries lists what a Map or Set iterator has left to yield,
// without advancing it: keys and values as new references, with kind 0
// (keys), 1 (values) or 2 (entries). ok is false if v is not such an
// iterator.
func (c *Context) MapIteratorEntries(v Value) (entries []Value, kind int, ok bool) {
	cls := c.ClassID(v)
	if cls != lib.EJS_CLASS_MAP_ITERATOR && cls != lib.EJS_CLASS_SET_ITERATOR {
		return nil, 0, false
	}
	p := lib.XJS_GetOpaque(c.tls, v.v, uint32(cls))
	if p == 0 {
		return nil, 0, false
	}
	it := (*lib.TJSMapIteratorData)(ptr(p))
	kind = int(it.Fkind)
	if it.Fobj.Ftag != lib.EJS_TAG_OBJECT {
		return nil, kind, true // exhausted
	}
	mapClass := lib.EJS_CLASS_MAP
	if cls == lib.EJS_CLASS_SET_ITERATOR {
		mapClass = lib.EJS_CLASS_SET
	}
	sp := lib.XJS_GetOpaque(c.tls, it.Fobj, uint32(mapClass))
	if sp == 0 {
		return nil, kind, true
	}
	ms := (*lib.TJSMapState)(ptr(sp))
	head := sp + unsafe.Offsetof(ms.Frecords)
	var el uintptr
	if it.Fcur_record == 0 {
		el = ms.Frecords.Fnext
	} else {
		el = (*lib.TJSMapRecord)(ptr(it.Fcur_record)).Flink.Fnext
	}
	linkOff := unsafe.Offsetof(lib.TJSMapRecord{}.Flink)
	for el != head && el != 0 {
		recp := el - linkOff
		rec := (*lib.TJSMapRecord)(ptr(recp))
		el = rec.Flink.Fnext
		if *(*uint8)(ptr(recp + 4)) != 0 { // the "empty" flag: deleted, kept linked for live iterators
			continue
		}
		entries = append(entries, c.Dup(Value{rec.Fkey}))
		if cls == lib.EJS_CLASS_MAP_ITERATOR {
			entries = append(entries, c.Dup(Value{rec.Fvalue}))
		}
	}
	return entries, kind, true
}
