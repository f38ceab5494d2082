package qjs

import (
	"reflect"
	"testing"
	"unsafe"

	lib "modernc.org/libquickjs"
)

func TestFastArrayLayout(t *testing.T) {
	var o lib.TJSObject
	at := reflect.TypeOf(o.Fu.Farray).Elem()
	mt := reflect.TypeOf(fastArray{})
	for _, f := range []struct{ engine, mirror string }{{"Fu1", "size"}, {"Fu", "values"}, {"Fcount", "count"}} {
		ef, ok1 := at.FieldByName(f.engine)
		mf, ok2 := mt.FieldByName(f.mirror)
		if !ok1 || !ok2 || ef.Offset != mf.Offset {
			t.Errorf("field %s: engine offset %d, mirror %d", f.engine, ef.Offset, mf.Offset)
		}
	}
	if vf, _ := at.FieldByName("Fu"); vf.Type.Size() != unsafe.Sizeof(uintptr(0)) {
		t.Errorf("values union size %d", vf.Type.Size())
	}
}

func TestStoreArrayElement(t *testing.T) {
	_, c := newTestRuntime(t)
	mk, err := c.Eval(`(function (k) {
		if (k === 0) return ['', '', ''];
		if (k === 1) { const a = []; a[5] = 1; return a; }
		if (k === 2) return { 0: 'x', length: 1 };
		if (k === 3) { const a = ['', '']; delete a[1]; return a; }
		return 'str';
	})`, "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(mk)
	arr, _ := c.Call(mk, Undefined, Int32(0))
	defer c.Free(arr)
	for i := uint32(0); i < 3; i++ {
		if !c.StoreArrayElement(arr, i, c.String(string(rune('a'+i)))) {
			t.Fatalf("store %d refused", i)
		}
	}
	s := c.String("x")
	if c.StoreArrayElement(arr, 3, s) {
		t.Error("stored past the length")
	}
	c.Free(s)
	join, _ := c.Eval(`(a) => JSON.stringify(a) + a.length`, "j.js", EvalGlobal)
	defer c.Free(join)
	r, _ := c.Call(join, Undefined, arr)
	if got := c.GoString(r); got != `["a","b","c"]3` {
		t.Errorf("array = %s", got)
	}
	c.Free(r)
	for k := int32(1); k <= 4; k++ {
		v, _ := c.Call(mk, Undefined, Int32(k))
		x := c.String("y")
		if k != 3 && c.StoreArrayElement(v, 0, x) {
			t.Errorf("case %d: stored", k)
		} else if k != 3 {
			c.Free(x)
		} else if c.StoreArrayElement(v, 1, x) {
			t.Errorf("case %d: stored into a hole", k)
		} else {
			c.Free(x)
		}
		c.Free(v)
	}
}
