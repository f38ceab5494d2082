package qjs

import (
	"unsafe"

	lib "modernc.org/libquickjs"
)

// fastArray mirrors the array member of the engine's JSObject union (that
// of the pinned modernc.org/libquickjs): a fast array keeps its elements
// in values[0:count]; an array that is not fast has count 0.
// arrayfast_test.go checks the layout against the engine's type.
type fastArray struct {
	size   uint32
	_      [4]byte
	values uintptr
	count  uint32
}

var objectUnionOff = unsafe.Offsetof(lib.TJSObject{}.Fu)

// StoreArrayElement stores v at index i of arr, taking v, when arr is an
// array whose elements are stored densely (as an array literal makes
// them) and i is below its length: what arr[i] = v does then, without the
// engine's property lookup. Otherwise it stores nothing, does not take v,
// and returns false.
func (c *Context) StoreArrayElement(arr Value, i uint32, v Value) bool {
	if arr.tag() != lib.EJS_TAG_OBJECT {
		return false
	}
	p := *(*uintptr)(unsafe.Pointer(&arr.v.Fu))
	if (*lib.TJSObject)(ptr(p)).Fclass_id != lib.EJS_CLASS_ARRAY {
		return false
	}
	a := (*fastArray)(ptr(p + objectUnionOff))
	if i >= a.count {
		return false
	}
	slot := (*lib.TJSValue)(ptr(a.values + uintptr(i)*uintptr(sizeofValue)))
	old := Value{*slot}
	*slot = v.v
	c.Free(old)
	return true
}
