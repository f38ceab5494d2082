package qjs

import (
	"unsafe"

	lib "modernc.org/libquickjs"
)

// Strings made in Go, in the engine's own layout (that of the pinned
// modernc.org/libquickjs): the allocator's block header in front of every
// engine allocation holds the reference count; JSString is three 32-bit
// words (len:31 is_wide_char:1, hash:30 atom_type:2, hash_next) followed
// by the characters and a NUL. strfast_test.go compares these strings with
// the engine's, and the libc.memgrind leak test checks how they are freed.
const (
	sizeofJSString   = unsafe.Sizeof(lib.TJSString{})
	sizeofBlockHdr   = unsafe.Sizeof(lib.TJSMallocBlockHeader{})
	blockRefCountOff = unsafe.Offsetof(lib.TJSMallocBlockHeader{}.Fref_count)
	maxStringLen     = 1<<30 - 1 // JS_STRING_LEN_MAX
)

// Latin1String makes a JS string whose characters are the bytes of b, one
// character per byte (Latin-1). For ASCII bytes it is the string that
// StringFromBytes makes, without the engine's scan of every byte to tell
// ASCII from UTF-8: callers that already know b is ASCII save that scan.
// The result may be Exception (out of memory, or b too long).
func (c *Context) Latin1String(b []byte) Value {
	n := len(b)
	if n == 0 || n > maxStringLen {
		// The engine's own paths: the empty string is an atom, and an
		// over-long one throws.
		return c.StringFromBytes(b)
	}
	p := lib.Xjs_malloc_rt(c.tls, c.rt.rt, lib.Tsize_t(sizeofJSString+uintptr(n)+1))
	if p == 0 {
		return Value{lib.XJS_ThrowOutOfMemory(c.tls, c.c)}
	}
	*refCount(p) = 1
	setLatin1(p, b)
	var v lib.TJSValue
	*(*uintptr)(unsafe.Pointer(&v.Fu)) = p
	v.Ftag = lib.EJS_TAG_STRING
	return Value{v}
}

// refCount points at the reference count of the engine allocation p.
func refCount(p uintptr) *int32 {
	return (*int32)(ptr(p - sizeofBlockHdr + blockRefCountOff))
}

// setLatin1 fills the string at p (allocated for at least len(b) bytes)
// with b, as the engine's js_alloc_string lays a string out: the header
// (length, not wide, no hash, not an atom), the bytes, a NUL.
func setLatin1(p uintptr, b []byte) {
	n := len(b)
	h := (*[3]uint32)(ptr(p))
	h[0] = uint32(n) // len:31, is_wide_char:1 (0)
	h[1] = 0         // hash:30, atom_type:2
	h[2] = 0         // hash_next
	d := unsafe.Slice((*byte)(ptr(p+sizeofJSString)), n+1)
	copy(d, b)
	d[n] = 0
}

// Caller calls one function with one argument again and again, reusing
// the argument array the engine reads (CallRaw allocates one per call)
// and, in CallLatin1, the memory of a string the function did not keep.
// Make it with NewCaller and release it with Close, in the same Go call
// that made it: it holds engine stack memory.
type Caller struct {
	c        *Context
	fn, this Value
	argv     uintptr
	// A string of CallLatin1 that only the Caller holds, to be rewritten
	// for the next call (0 when none), and how many bytes it can hold.
	spare    uintptr
	spareCap int
}

// NewCaller prepares calls of fn with this (both borrowed: they must stay
// alive until Close).
func (c *Context) NewCaller(fn, this Value) Caller {
	return Caller{c: c, fn: fn, this: this, argv: c.tls.Alloc(sizeofValue)}
}

// Call calls the function with arg (borrowed) and returns its owned
// result, which may be Exception.
func (k *Caller) Call(arg Value) Value {
	*(*Value)(ptr(k.argv)) = arg
	return Value{lib.XJS_Call(k.c.tls, k.c.c, k.fn.v, k.this.v, 1, k.argv)}
}

// CallLatin1 calls the function with the string Latin1String(b); the
// result is as Call's. When the function did not keep the string (its
// only reference is the Caller's, and it did not become an atom), the
// next call rewrites it in place instead of freeing it and allocating
// another: nothing else can see it. When the string cannot be made, it
// returns Exception without calling.
func (k *Caller) CallLatin1(b []byte) Value {
	if len(b) == 0 {
		// The empty string is the engine's atom: never rewritten.
		s := k.c.Latin1String(b)
		r := k.Call(s)
		k.c.Free(s)
		return r
	}
	var s Value
	if k.spare != 0 && len(b) <= k.spareCap {
		setLatin1(k.spare, b)
		*(*uintptr)(unsafe.Pointer(&s.v.Fu)) = k.spare
		s.v.Ftag = lib.EJS_TAG_STRING
		k.spare = 0
	} else {
		k.dropSpare()
		s = k.c.Latin1String(b)
		if s.IsException() {
			return s
		}
		k.spareCap = len(b)
	}
	r := k.Call(s)
	p := *(*uintptr)(unsafe.Pointer(&s.v.Fu))
	if *refCount(p) == 1 && (*[3]uint32)(ptr(p))[1] == 0 {
		k.spare = p
	} else {
		k.c.Free(s)
	}
	return r
}

// dropSpare releases the spare string.
func (k *Caller) dropSpare() {
	if k.spare != 0 {
		var s Value
		*(*uintptr)(unsafe.Pointer(&s.v.Fu)) = k.spare
		s.v.Ftag = lib.EJS_TAG_STRING
		k.spare = 0
		k.c.Free(s)
	}
}

// Close releases the argument array and the spare string.
func (k *Caller) Close() {
	k.dropSpare()
	if k.argv != 0 {
		k.c.tls.Free(sizeofValue)
		k.argv = 0
	}
}
