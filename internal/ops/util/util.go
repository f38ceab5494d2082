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
