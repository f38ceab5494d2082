package qjs

import (
	"errors"
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// Serialize writes v (borrowed) in the engine's object format, without
// bytecode: primitives, plain objects and arrays (with shared references
// and cycles), typed arrays, ArrayBuffers, Dates and boxed primitives. The
// bytes can be read back by Deserialize in any runtime. Objects of other
// classes (functions, Maps, ...) make it fail with the engine's exception.
func (c *Context) Serialize(v Value) ([]byte, error) {
	psize := c.tls.Alloc(8)
	defer c.tls.Free(8)
	p := lib.XJS_WriteObject(c.tls, c.c, psize, v.v, lib.MJS_WRITE_OBJ_REFERENCE)
	if p == 0 {
		return nil, c.takeException()
	}
	n := *(*lib.Tsize_t)(ptr(psize))
	out := make([]byte, n)
	copy(out, unsafe.Slice((*byte)(ptr(p)), n))
	lib.Xjs_free(c.tls, c.c, p)
	return out, nil
}

// Deserialize reads bytes written by Serialize and returns the new value
// (owned by the caller).
func (c *Context) Deserialize(b []byte) (Value, error) {
	if len(b) == 0 {
		return Undefined, errors.New("qjs: empty serialized data")
	}
	p := libc.Xmalloc(c.tls, lib.Tsize_t(len(b)))
	copy(unsafe.Slice((*byte)(ptr(p)), len(b)), b)
	v := Value{lib.XJS_ReadObject(c.tls, c.c, p, lib.Tsize_t(len(b)), lib.MJS_READ_OBJ_REFERENCE)}
	libc.Xfree(c.tls, p)
	if v.IsException() {
		return Undefined, c.takeException()
	}
	return v, nil
}
