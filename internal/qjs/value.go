package qjs

import (
	"math"
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// Value is a raw engine value. It is a small struct copied by value; its
// reference count is managed explicitly with Context.Dup and Context.Free.
type Value struct{ v lib.TJSValue }

var (
	// Undefined is the JS undefined value; freeing it is a no-op.
	Undefined = Value{lib.TJSValue{Ftag: lib.EJS_TAG_UNDEFINED}}
	// Null is the JS null value; freeing it is a no-op.
	Null = Value{lib.TJSValue{Ftag: lib.EJS_TAG_NULL}}
	// Exception marks a thrown exception pending in the context.
	Exception = Value{lib.TJSValue{Ftag: lib.EJS_TAG_EXCEPTION}}
)

const sizeofValue = int(unsafe.Sizeof(lib.TJSValue{}))

// Int32 makes an integer value.
func Int32(n int32) Value {
	var v lib.TJSValue
	*(*uint64)(unsafe.Pointer(&v)) = uint64(uint32(n))
	v.Ftag = lib.EJS_TAG_INT
	return Value{v}
}

// Float64 makes a number value.
func Float64(f float64) Value {
	var v lib.TJSValue
	*(*float64)(unsafe.Pointer(&v)) = f
	v.Ftag = lib.EJS_TAG_FLOAT64
	return Value{v}
}

// Number makes a number value, as an int32 when it fits.
func Number(f float64) Value {
	if i := int32(f); float64(i) == f && !(f == 0 && math.Signbit(f)) {
		return Int32(i)
	}
	return Float64(f)
}

// Int64 makes a number value from an integer.
func Int64(n int64) Value {
	if n >= math.MinInt32 && n <= math.MaxInt32 {
		return Int32(int32(n))
	}
	return Float64(float64(n))
}

// Bool makes a boolean value.
func Bool(b bool) Value {
	var v lib.TJSValue
	if b {
		*(*uint64)(unsafe.Pointer(&v)) = 1
	}
	v.Ftag = lib.EJS_TAG_BOOL
	return Value{v}
}

// Tag returns the engine's type tag.
func (v Value) tag() int64 { return v.v.Ftag }

// IsException reports whether v is the exception marker.
func (v Value) IsException() bool { return v.v.Ftag == lib.EJS_TAG_EXCEPTION }

// IsUndefined reports whether v is undefined.
func (v Value) IsUndefined() bool { return v.v.Ftag == lib.EJS_TAG_UNDEFINED }

// IsNull reports whether v is null.
func (v Value) IsNull() bool { return v.v.Ftag == lib.EJS_TAG_NULL }

// IsNullish reports whether v is null or undefined.
func (v Value) IsNullish() bool { return v.IsNull() || v.IsUndefined() }

// IsBool reports whether v is a boolean.
func (v Value) IsBool() bool { return v.v.Ftag == lib.EJS_TAG_BOOL }

// IsNumber reports whether v is a number.
func (v Value) IsNumber() bool {
	return v.v.Ftag == lib.EJS_TAG_INT || v.v.Ftag == lib.EJS_TAG_FLOAT64
}

// IsString reports whether v is a string.
func (v Value) IsString() bool {
	return v.v.Ftag == lib.EJS_TAG_STRING || v.v.Ftag == lib.EJS_TAG_STRING_ROPE
}

// IsObject reports whether v is an object (functions included).
func (v Value) IsObject() bool { return v.v.Ftag == lib.EJS_TAG_OBJECT }

// IsSymbol reports whether v is a symbol.
func (v Value) IsSymbol() bool { return v.v.Ftag == lib.EJS_TAG_SYMBOL }

// IsBigInt reports whether v is a bigint.
func (v Value) IsBigInt() bool {
	return v.v.Ftag == lib.EJS_TAG_BIG_INT || v.v.Ftag == lib.EJS_TAG_SHORT_BIG_INT
}

// hasRefCount reports whether the value is heap-allocated.
func (v Value) hasRefCount() bool { return v.v.Ftag < 0 }

// rawInt returns the int32 payload of an int or bool.
func (v Value) rawInt() int32 { return int32(*(*uint64)(unsafe.Pointer(&v.v))) }

// rawFloat returns the float payload.
func (v Value) rawFloat() float64 { return *(*float64)(unsafe.Pointer(&v.v)) }

// Dup returns a new reference to v.
func (c *Context) Dup(v Value) Value {
	if v.hasRefCount() {
		return Value{lib.XDupValue(c.tls, c.c, v.v)}
	}
	return v
}

// Free releases a reference to v.
func (c *Context) Free(v Value) {
	if v.hasRefCount() {
		lib.XFreeValue(c.tls, c.c, v.v)
	}
}

// FreeAll releases each value.
func (c *Context) FreeAll(vs ...Value) {
	for _, v := range vs {
		c.Free(v)
	}
}

// String makes a JS string from s (UTF-8; invalid bytes become U+FFFD).
func (c *Context) String(s string) Value {
	if len(s) == 0 {
		return Value{lib.XJS_NewStringLen(c.tls, c.c, c.scratch(1), 0)}
	}
	p := c.cbytes(s)
	v := lib.XJS_NewStringLen(c.tls, c.c, p, lib.Tsize_t(len(s)))
	c.freeCBytes(p, len(s))
	return Value{v}
}

// scratch returns a reusable C buffer of at least n bytes; it is valid
// until the next call.
func (c *Context) scratch(n int) uintptr {
	if n > c.scratchLen {
		if c.scratchBuf != 0 {
			libc.Xfree(c.tls, c.scratchBuf)
		}
		size := max(n, 256)
		c.scratchBuf = libc.Xmalloc(c.tls, lib.Tsize_t(size))
		c.scratchLen = size
	}
	return c.scratchBuf
}

// cbytes copies s into C memory (the scratch buffer when small).
func (c *Context) cbytes(s string) uintptr {
	n := len(s)
	var p uintptr
	if n <= 4096 {
		p = c.scratch(n + 1)
	} else {
		p = libc.Xmalloc(c.tls, lib.Tsize_t(n+1))
	}
	dst := unsafe.Slice((*byte)(ptr(p)), n+1)
	copy(dst, s)
	dst[n] = 0
	return p
}

func (c *Context) freeCBytes(p uintptr, n int) {
	if n > 4096 {
		libc.Xfree(c.tls, p)
	}
}

// ToGoString converts v to a Go string with JS ToString semantics. It
// returns an error if the conversion throws.
func (c *Context) ToGoString(v Value) (string, error) {
	if v.IsString() || v.IsNumber() || v.IsBool() || v.IsNullish() || v.IsBigInt() || v.IsObject() {
		// fall through to the engine
	} else if v.IsSymbol() {
		// The engine throws a TypeError, as String concatenation would.
	}
	plen := c.tls.Alloc(8)
	defer c.tls.Free(8)
	p := lib.XJS_ToCStringLen2(c.tls, c.c, plen, v.v, 0)
	if p == 0 {
		return "", c.takeException()
	}
	n := *(*lib.Tsize_t)(ptr(plen))
	s := string(unsafe.Slice((*byte)(ptr(p)), n))
	lib.XJS_FreeCString(c.tls, c.c, p)
	return s, nil
}

// GoString converts v to a Go string; a throwing conversion yields "".
// Use it for values known to be strings.
func (c *Context) GoString(v Value) string {
	s, err := c.ToGoString(v)
	if err != nil {
		return ""
	}
	return s
}

// ToFloat64 converts with JS ToNumber.
func (c *Context) ToFloat64(v Value) (float64, error) {
	switch v.tag() {
	case lib.EJS_TAG_INT:
		return float64(v.rawInt()), nil
	case lib.EJS_TAG_FLOAT64:
		return v.rawFloat(), nil
	}
	p := c.tls.Alloc(8)
	defer c.tls.Free(8)
	if lib.XJS_ToFloat64(c.tls, c.c, p, v.v) < 0 {
		return 0, c.takeException()
	}
	return *(*float64)(ptr(p)), nil
}

// Float returns the number held by v, or NaN if v is not a number.
func (v Value) Float() float64 {
	switch v.tag() {
	case lib.EJS_TAG_INT:
		return float64(v.rawInt())
	case lib.EJS_TAG_FLOAT64:
		return v.rawFloat()
	}
	return math.NaN()
}

// Int returns the number held by v truncated to int64 (0 for NaN or
// non-numbers).
func (v Value) Int() int64 {
	switch v.tag() {
	case lib.EJS_TAG_INT:
		return int64(v.rawInt())
	case lib.EJS_TAG_FLOAT64:
		f := v.rawFloat()
		if f != f {
			return 0
		}
		return int64(f)
	case lib.EJS_TAG_BOOL:
		return int64(v.rawInt())
	}
	return 0
}

// ToBool converts with JS ToBoolean.
func (c *Context) ToBool(v Value) bool {
	if v.tag() == lib.EJS_TAG_BOOL {
		return v.rawInt() != 0
	}
	return lib.XJS_ToBool(c.tls, c.c, v.v) > 0
}

// ToInt64 converts with JS ToNumber then truncation (saturating).
func (c *Context) ToInt64(v Value) (int64, error) {
	if v.tag() == lib.EJS_TAG_INT {
		return int64(v.rawInt()), nil
	}
	p := c.tls.Alloc(8)
	defer c.tls.Free(8)
	if lib.XJS_ToInt64Sat(c.tls, c.c, p, v.v) < 0 {
		return 0, c.takeException()
	}
	return *(*int64)(ptr(p)), nil
}

// BigInt64 makes a BigInt from n.
func (c *Context) BigInt64(n int64) Value {
	return Value{lib.XJS_NewBigInt64(c.tls, c.c, n)}
}

// BigUint64 makes a BigInt from n.
func (c *Context) BigUint64(n uint64) Value {
	return Value{lib.XJS_NewBigUint64(c.tls, c.c, n)}
}

// ToBigInt64 converts a BigInt (or throws for other types).
func (c *Context) ToBigInt64(v Value) (int64, error) {
	p := c.tls.Alloc(8)
	defer c.tls.Free(8)
	if lib.XJS_ToBigInt64(c.tls, c.c, p, v.v) < 0 {
		return 0, c.takeException()
	}
	return *(*int64)(ptr(p)), nil
}

// Object makes a plain object.
func (c *Context) Object() Value { return Value{lib.XJS_NewObject(c.tls, c.c)} }

// ObjectProto makes an object with the given prototype (borrowed).
func (c *Context) ObjectProto(proto Value) Value {
	return Value{lib.XJS_NewObjectProto(c.tls, c.c, proto.v)}
}

// Array makes an empty array.
func (c *Context) Array() Value { return Value{lib.XJS_NewArray(c.tls, c.c)} }

// StringArray makes an array of strings.
func (c *Context) StringArray(ss []string) Value {
	a := c.Array()
	for i, s := range ss {
		c.SetIndex(a, uint32(i), c.String(s))
	}
	return a
}

// Global returns the global object.
func (c *Context) Global() Value { return Value{lib.XJS_GetGlobalObject(c.tls, c.c)} }

// Get reads obj[name].
func (c *Context) Get(obj Value, name string) Value {
	a := c.atom(name)
	v := lib.XJS_GetPropertyInternal(c.tls, c.c, obj.v, a, obj.v, 0)
	return Value{v}
}

// GetIndex reads obj[i].
func (c *Context) GetIndex(obj Value, i uint32) Value {
	return Value{lib.XJS_GetPropertyUint32(c.tls, c.c, obj.v, i)}
}

// GetValue reads obj[key] for any key value (borrowed).
func (c *Context) GetValue(obj, key Value) Value {
	a := lib.XJS_ValueToAtom(c.tls, c.c, key.v)
	if a == 0 {
		return Exception
	}
	v := lib.XJS_GetPropertyInternal(c.tls, c.c, obj.v, a, obj.v, 0)
	lib.XJS_FreeAtom(c.tls, c.c, a)
	return Value{v}
}

// Set writes obj[name] = val, taking val. It returns an error if the write
// throws.
func (c *Context) Set(obj Value, name string, val Value) error {
	a := c.atom(name)
	if lib.XJS_SetPropertyInternal(c.tls, c.c, obj.v, a, val.v, obj.v, lib.MJS_PROP_THROW) < 0 {
		return c.takeException()
	}
	return nil
}

// SetIndex writes obj[i] = val, taking val.
func (c *Context) SetIndex(obj Value, i uint32, val Value) error {
	if lib.XJS_SetPropertyUint32(c.tls, c.c, obj.v, i, val.v) < 0 {
		return c.takeException()
	}
	return nil
}

// Define defines a data property with the given attributes, taking val.
func (c *Context) Define(obj Value, name string, val Value, writable, enumerable, configurable bool) error {
	flags := int32(0)
	if writable {
		flags |= lib.MJS_PROP_WRITABLE
	}
	if enumerable {
		flags |= lib.MJS_PROP_ENUMERABLE
	}
	if configurable {
		flags |= lib.MJS_PROP_CONFIGURABLE
	}
	a := c.atom(name)
	if lib.XJS_DefinePropertyValue(c.tls, c.c, obj.v, lib.XJS_DupAtom(c.tls, c.c, a), val.v, flags|lib.MJS_PROP_THROW) < 0 {
		return c.takeException()
	}
	return nil
}

// Has reports whether obj has the property name (own or inherited).
func (c *Context) Has(obj Value, name string) bool {
	return lib.XJS_HasProperty(c.tls, c.c, obj.v, c.atom(name)) > 0
}

// Delete removes obj[name].
func (c *Context) Delete(obj Value, name string) {
	a := lib.XJS_DupAtom(c.tls, c.c, c.atom(name))
	lib.XJS_DeleteProperty(c.tls, c.c, obj.v, a, 0)
	lib.XJS_FreeAtom(c.tls, c.c, a)
}

// Keys returns the own enumerable string keys of obj.
func (c *Context) Keys(obj Value) ([]string, error) {
	ptab := c.tls.Alloc(8)
	plen := c.tls.Alloc(8)
	defer c.tls.Free(16)
	if lib.XJS_GetOwnPropertyNames(c.tls, c.c, ptab, plen, obj.v, lib.MJS_GPN_STRING_MASK|lib.MJS_GPN_ENUM_ONLY) < 0 {
		return nil, c.takeException()
	}
	tab := *(*uintptr)(ptr(ptab))
	n := *(*uint32)(ptr(plen))
	out := make([]string, 0, n)
	es := unsafe.Slice((*lib.TJSPropertyEnum)(ptr(tab)), n)
	for _, e := range es {
		s := Value{lib.XJS_AtomToString(c.tls, c.c, e.Fatom)}
		out = append(out, c.GoString(s))
		c.Free(s)
	}
	lib.XJS_FreePropertyEnum(c.tls, c.c, tab, n)
	return out, nil
}

// Length returns obj.length as an int.
func (c *Context) Length(obj Value) int {
	l := c.Get(obj, "length")
	n := l.Int()
	c.Free(l)
	return int(n)
}

// IsFunction reports whether v is callable.
func (c *Context) IsFunction(v Value) bool {
	return v.IsObject() && lib.XJS_IsFunction(c.tls, c.c, v.v) != 0
}

// IsArray reports whether v is an Array.
func (c *Context) IsArray(v Value) bool {
	return v.IsObject() && lib.XJS_IsArray(c.tls, c.c, v.v) > 0
}

// IsError reports whether v is an Error object.
func (c *Context) IsError(v Value) bool {
	return v.IsObject() && lib.XJS_IsError(c.tls, c.c, v.v) != 0
}

// StrictEquals compares with ===.
func (c *Context) StrictEquals(a, b Value) bool {
	return lib.XJS_StrictEq(c.tls, c.c, a.v, b.v) != 0
}

// JSONParse parses JSON text.
func (c *Context) JSONParse(s, filename string) (Value, error) {
	p := libc.Xmalloc(c.tls, lib.Tsize_t(len(s)+1))
	defer libc.Xfree(c.tls, p)
	dst := unsafe.Slice((*byte)(ptr(p)), len(s)+1)
	copy(dst, s)
	dst[len(s)] = 0
	fn := c.cstr(filename)
	defer libc.Xfree(c.tls, fn)
	v := Value{lib.XJS_ParseJSON(c.tls, c.c, p, lib.Tsize_t(len(s)), fn)}
	if v.IsException() {
		return Undefined, c.takeException()
	}
	return v, nil
}

// JSONStringify stringifies v; undefined results give ok=false.
func (c *Context) JSONStringify(v Value) (string, bool, error) {
	r := Value{lib.XJS_JSONStringify(c.tls, c.c, v.v, Undefined.v, Undefined.v)}
	if r.IsException() {
		return "", false, c.takeException()
	}
	defer c.Free(r)
	if r.IsUndefined() {
		return "", false, nil
	}
	return c.GoString(r), true, nil
}

func (c *Context) cstr(s string) uintptr {
	p, _ := libc.CString(s)
	return p
}

// atom returns a cached atom for a property name. Atoms in the cache live
// as long as the context; names come from Go code, a bounded set.
func (c *Context) atom(name string) lib.TJSAtom {
	if a, ok := c.atoms[name]; ok {
		return a
	}
	p := c.cbytes(name)
	a := lib.XJS_NewAtomLen(c.tls, c.c, p, lib.Tsize_t(len(name)))
	c.freeCBytes(p, len(name))
	c.atoms[name] = a
	return a
}
