// Package util implements the util binding: what util.inspect and
// util.types need to see of a value that JS cannot ask the engine itself
// (internal class, promise state, proxy target, iterator contents).
package util

import (
	"time"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("util", initUtil) }

// Promise states as getPromiseDetails reports them (Node's constants).
const (
	kPending   = 0
	kFulfilled = 1
	kRejected  = 2
)

func initUtil(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	classes := c.Object()
	for name, id := range map[string]int{
		"object": qjs.ClassObject, "array": qjs.ClassArray, "error": qjs.ClassError,
		"number": qjs.ClassNumber, "string": qjs.ClassString, "boolean": qjs.ClassBoolean,
		"symbol": qjs.ClassSymbol, "bigint": qjs.ClassBigInt,
		"arguments": qjs.ClassArguments, "mappedArguments": qjs.ClassMappedArguments,
		"date": qjs.ClassDate, "moduleNamespace": qjs.ClassModuleNS, "regexp": qjs.ClassRegExp,
		"generatorFunction": qjs.ClassGeneratorFunction, "asyncFunction": qjs.ClassAsyncFunction,
		"asyncGeneratorFunction": qjs.ClassAsyncGeneratorFunction,
		"arrayBuffer":            qjs.ClassArrayBuffer, "sharedArrayBuffer": qjs.ClassSharedArrayBuffer,
		"firstTypedArray": qjs.ClassUint8CArray, "lastTypedArray": qjs.ClassFloat64Array,
		"dataView": qjs.ClassDataView, "map": qjs.ClassMap, "set": qjs.ClassSet,
		"weakMap": qjs.ClassWeakMap, "weakSet": qjs.ClassWeakSet,
		"mapIterator": qjs.ClassMapIterator, "setIterator": qjs.ClassSetIterator,
		"generator": qjs.ClassGenerator, "asyncGenerator": qjs.ClassAsyncGenerator,
		"proxy": qjs.ClassProxy, "promise": qjs.ClassPromise, "weakRef": qjs.ClassWeakRef,
	} {
		c.Set(classes, name, qjs.Int32(int32(id)))
	}
	c.Set(obj, "classIds", classes)
	c.Set(obj, "kPending", qjs.Int32(kPending))
	c.Set(obj, "kFulfilled", qjs.Int32(kFulfilled))
	c.Set(obj, "kRejected", qjs.Int32(kRejected))

	// sleep(ms): blocks the thread for ms milliseconds (internal/util.sleep).
	binding.Func(c, obj, "sleep", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ms, err := c.ToInt64(qjs.Arg(args, 0))
		if err != nil {
			return qjs.Exception
		}
		if ms > 0 {
			time.Sleep(time.Duration(ms) * time.Millisecond)
		}
		return qjs.Undefined
	})

	initDiff(c, obj)

	// getOwnNonIndexProperties(obj, filter): obj's own keys (strings, then
	// symbols) that are not array indices; filter 2 (ONLY_ENUMERABLE) keeps
	// the enumerable ones, 0 (ALL_PROPERTIES) all of them.
	c.Set(obj, "ALL_PROPERTIES", qjs.Int32(0))
	c.Set(obj, "ONLY_ENUMERABLE", qjs.Int32(2))
	binding.Func(c, obj, "getOwnNonIndexProperties", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		o := qjs.Arg(args, 0)
		if !o.IsObject() {
			return c.Array()
		}
		return c.OwnNonIndexKeys(o, qjs.Arg(args, 1).Int()&2 != 0)
	})

	// getOwnEntries(obj): obj's own enumerable properties as a flat list
	// [key, value, flags, ...] in Reflect.ownKeys order, read without
	// calling getters: flags bit 1 marks an accessor (value undefined),
	// bit 2 a string key that inspect prints unquoted (an identifier).
	binding.Func(c, obj, "getOwnEntries", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return ownEntries(c, qjs.Arg(args, 0))
	})

	// formatSimple(ctx, value, recurseTimes, intrinsics): util.inspect's
	// Go fast path for plain data (see inspect.go); undefined when JS must
	// format value.
	binding.Func(c, obj, "formatSimple", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return formatSimple(c, qjs.Arg(args, 0), qjs.Arg(args, 1), qjs.Arg(args, 2), qjs.Arg(args, 3))
	})

	// isPlainString(str): true if inspect prints str in single quotes as
	// it is: no single quote, backslash, control character (C0, DEL, C1)
	// or lone surrogate.
	binding.Func(c, obj, "isPlainString", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		v := qjs.Arg(args, 0)
		return qjs.Bool(v.IsString() && isPlainString(c.GoString(v)))
	})

	// getArrayValues(arr, n, hole, accessor): the values of arr's own
	// elements 0..n-1, read without calling getters; an accessor is given
	// as accessor, and the list ends at the first missing element, given
	// as hole.
	binding.Func(c, obj, "getArrayValues", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return arrayValues(c, qjs.Arg(args, 0), qjs.Arg(args, 1), qjs.Arg(args, 2), qjs.Arg(args, 3))
	})

	// getClassId(value): the engine class of an object, -1 for primitives.
	binding.Func(c, obj, "getClassId", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Int32(int32(c.ClassID(qjs.Arg(args, 0))))
	})

	// getProxyDetails(value, full): undefined if value is not a Proxy; else
	// [target, handler] when full, else target (null when revoked).
	binding.Func(c, obj, "getProxyDetails", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		target, handler, ok := c.ProxyDetails(qjs.Arg(args, 0))
		if !ok {
			return qjs.Undefined
		}
		if len(args) > 1 && !c.ToBool(args[1]) {
			c.Free(handler)
			return target
		}
		arr := c.Array()
		c.SetIndex(arr, 0, target)
		c.SetIndex(arr, 1, handler)
		return arr
	})

	// getPromiseDetails(promise): [state] or [state, result].
	binding.Func(c, obj, "getPromiseDetails", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := qjs.Arg(args, 0)
		st := c.PromiseState(p)
		if st < 0 {
			return qjs.Undefined
		}
		arr := c.Array()
		switch st {
		case qjs.PromisePending:
			c.SetIndex(arr, 0, qjs.Int32(kPending))
		case qjs.PromiseFulfilled:
			c.SetIndex(arr, 0, qjs.Int32(kFulfilled))
			c.SetIndex(arr, 1, c.PromiseResult(p))
		default:
			c.SetIndex(arr, 0, qjs.Int32(kRejected))
			c.SetIndex(arr, 1, c.PromiseResult(p))
		}
		return arr
	})

	// previewEntries(iterator): [flatEntries, isKeyValue] for a Map or Set
	// iterator, without advancing it; undefined for anything else.
	binding.Func(c, obj, "previewEntries", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		entries, kind, ok := c.MapIteratorEntries(qjs.Arg(args, 0))
		if !ok {
			return qjs.Undefined
		}
		isMap := c.ClassID(qjs.Arg(args, 0)) == qjs.ClassMapIterator
		list := c.Array()
		n := uint32(0)
		for i := 0; i < len(entries); i++ {
			if isMap && kind != 2 {
				// keys() or values() of a Map: keep one half of each pair.
				if (i%2 == 0) != (kind == 0) {
					c.Free(entries[i])
					continue
				}
			}
			c.SetIndex(list, n, entries[i])
			n++
		}
		out := c.Array()
		c.SetIndex(out, 0, list)
		c.SetIndex(out, 1, qjs.Bool(isMap && kind == 2))
		return out
	})
}

// ownEntries implements getOwnEntries.
func ownEntries(c *qjs.Context, o qjs.Value) qjs.Value {
	if !o.IsObject() {
		return c.Array()
	}
	keys, ok := c.OwnKeys(o, true)
	if !ok {
		return qjs.Exception
	}
	out := c.Array()
	n := uint32(0)
	for i, k := range keys {
		val, kind, _ := c.OwnProperty(o, k)
		if kind < 0 {
			for _, k := range keys[i:] {
				c.FreeKey(k)
			}
			c.Free(out)
			return qjs.Exception
		}
		if kind == qjs.PropMissing {
			c.FreeKey(k)
			continue
		}
		kv := c.KeyValue(k)
		c.FreeKey(k)
		flags := int32(0)
		if kind == qjs.PropAccessor {
			flags |= 1
		}
		if kv.IsString() && isPlainKey(c.GoString(kv)) {
			flags |= 2
		}
		c.SetIndex(out, n, kv)
		c.SetIndex(out, n+1, val)
		c.SetIndex(out, n+2, qjs.Int32(flags))
		n += 3
	}
	return out
}

// isPlainKey reports whether s matches /^[a-zA-Z_][a-zA-Z_0-9]*$/, the
// property names inspect prints without quotes, and is not __proto__
// (which inspect prints as ['__proto__']).
func isPlainKey(s string) bool {
	if s == "" || s == "__proto__" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b == '_':
		case b >= '0' && b <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// arrayValues implements getArrayValues.
func arrayValues(c *qjs.Context, arr, count, hole, accessor qjs.Value) qjs.Value {
	out := c.Array()
	if !arr.IsObject() {
		return out
	}
	n := uint32(count.Int())
	for i := uint32(0); i < n; i++ {
		k := c.IndexKey(i)
		val, kind, _ := c.OwnProperty(arr, k)
		c.FreeKey(k)
		switch kind {
		case qjs.PropData:
		case qjs.PropAccessor:
			val = c.Dup(accessor)
		case qjs.PropMissing:
			// The caller lists a sparse array's keys instead.
			c.SetIndex(out, i, c.Dup(hole))
			return out
		default:
			c.Free(out)
			return qjs.Exception
		}
		c.SetIndex(out, i, val)
	}
	return out
}

// isPlainString implements isPlainString on the engine's UTF-8 form of a
// string, in which a lone surrogate is the 3-byte sequence ED A0..BF xx.
func isPlainString(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b < 0x20, b == '\'', b == '\\', b == 0x7f:
			return false
		case b == 0xc2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
				return false
			}
		case b == 0xed:
			if i+1 < len(s) && s[i+1] >= 0xa0 {
				return false
			}
		}
	}
	return true
}
