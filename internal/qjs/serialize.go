package qjs

import (
	"encoding/binary"
	"errors"
	"sync/atomic"
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// SharedArrayBuffers live in memory shared by all runtimes of the process
// (libc's allocator is process-wide), with a reference count in a header
// before the data, so that a buffer sent to another runtime stays valid
// while any runtime holds it.
const sabHeader = 16

func sabAlloc(tls *libc.TLS, opaque uintptr, size lib.Tsize_t) uintptr {
	p := libc.Xcalloc(tls, 1, size+sabHeader)
	if p == 0 {
		return 0
	}
	atomic.StoreInt64((*int64)(ptr(p)), 1)
	return p + sabHeader
}

func sabFree(tls *libc.TLS, opaque uintptr, p uintptr) {
	if p == 0 {
		return
	}
	if atomic.AddInt64((*int64)(ptr(p-sabHeader)), -1) == 0 {
		libc.Xfree(tls, p-sabHeader)
	}
}

func sabDup(tls *libc.TLS, opaque uintptr, p uintptr) {
	atomic.AddInt64((*int64)(ptr(p-sabHeader)), 1)
}

// enableSharedMemory makes the runtime's SharedArrayBuffers shareable with
// other runtimes and lets Atomics.wait block (NewRuntime calls it).
func (r *Runtime) enableSharedMemory() {
	sf := libc.Xcalloc(r.tls, 1, lib.Tsize_t(unsafe.Sizeof(lib.TJSSharedArrayBufferFunctions{})))
	f := (*lib.TJSSharedArrayBufferFunctions)(ptr(sf))
	f.Fsab_alloc = cfp(sabAlloc)
	f.Fsab_free = cfp(sabFree)
	f.Fsab_dup = cfp(sabDup)
	lib.XJS_SetSharedArrayBufferFunctions(r.tls, r.rt, sf)
	libc.Xfree(r.tls, sf)
	// Atomics.wait may block, as in Node (main thread included).
	lib.XJS_SetCanBlock(r.tls, r.rt, 1)
}

// Serialize writes v (borrowed) in the engine's object format, without
// bytecode: primitives, plain objects and arrays (with shared references
// and cycles), typed arrays, ArrayBuffers, SharedArrayBuffers (by
// reference: the reader shares the memory), Dates and boxed primitives.
// The bytes can be read back by Deserialize in any runtime of the process;
// they hold a reference on each SharedArrayBuffer until read. Objects of
// other classes (functions, Maps, ...) make it fail with the engine's
// exception.
func (c *Context) Serialize(v Value) ([]byte, error) {
	psize := c.tls.Alloc(8)
	defer c.tls.Free(8)
	ptab := c.tls.Alloc(8)
	defer c.tls.Free(8)
	plen := c.tls.Alloc(8)
	defer c.tls.Free(8)
	p := lib.XJS_WriteObject2(c.tls, c.c, psize, v.v, lib.MJS_WRITE_OBJ_REFERENCE|lib.MJS_WRITE_OBJ_SAB, ptab, plen)
	if p == 0 {
		return nil, c.takeException()
	}
	n := int(*(*lib.Tsize_t)(ptr(psize)))
	tab := *(*uintptr)(ptr(ptab))
	ntab := int(*(*lib.Tsize_t)(ptr(plen)))
	// Layout: [u32 count][count x u64 SAB data pointers][engine bytes].
	out := make([]byte, 4+8*ntab+n)
	binary.LittleEndian.PutUint32(out, uint32(ntab))
	for i := 0; i < ntab; i++ {
		sab := *(*uintptr)(ptr(tab + uintptr(8*i)))
		sabDup(c.tls, 0, sab)
		binary.LittleEndian.PutUint64(out[4+8*i:], uint64(sab))
	}
	copy(out[4+8*ntab:], unsafe.Slice((*byte)(ptr(p)), n))
	lib.Xjs_free(c.tls, c.c, p)
	if tab != 0 {
		lib.Xjs_free(c.tls, c.c, tab)
	}
	return out, nil
}

// Deserialize reads bytes written by Serialize and returns the new value
// (owned by the caller). The bytes must be read once.
func (c *Context) Deserialize(b []byte) (Value, error) {
	if len(b) < 5 {
		return Undefined, errors.New("qjs: bad serialized data")
	}
	ntab := int(binary.LittleEndian.Uint32(b))
	if len(b) < 4+8*ntab+1 {
		return Undefined, errors.New("qjs: bad serialized data")
	}
	data := b[4+8*ntab:]
	p := libc.Xmalloc(c.tls, lib.Tsize_t(len(data)))
	copy(unsafe.Slice((*byte)(ptr(p)), len(data)), data)
	v := Value{lib.XJS_ReadObject(c.tls, c.c, p, lib.Tsize_t(len(data)), lib.MJS_READ_OBJ_REFERENCE|lib.MJS_READ_OBJ_SAB)}
	libc.Xfree(c.tls, p)
	// Drop the references Serialize took: the value holds its own now.
	for i := 0; i < ntab; i++ {
		sabFree(c.tls, 0, uintptr(binary.LittleEndian.Uint64(b[4+8*i:])))
	}
	if v.IsException() {
		return Undefined, c.takeException()
	}
	return v, nil
}
