package qjs

import (
	"strings"
	"testing"
)

func TestOwnKeysAndProperty(t *testing.T) {
	_, c := newTestRuntime(t)
	obj := evalT(t, c, `var o = {b: 1, 0: 'zero', get g() { throw new Error('getter ran'); }};
		Object.defineProperty(o, 'h', {value: 2});
		o[Symbol.for('s')] = 3;
		o`)
	defer c.Free(obj)
	describe := func(enumOnly bool) string {
		keys, ok := c.OwnKeys(obj, enumOnly)
		if !ok {
			t.Fatal("OwnKeys failed")
		}
		var parts []string
		for _, k := range keys {
			kv := c.KeyValue(k)
			name := "sym"
			if kv.IsString() {
				name = c.GoString(kv)
			}
			c.Free(kv)
			val, kind, enum := c.OwnProperty(obj, k)
			c.FreeKey(k)
			s := name + "="
			switch kind {
			case PropData:
				s += c.GoString(val)
			case PropAccessor:
				s += "accessor"
			default:
				s += "?"
			}
			if !enum {
				s += "(hidden)"
			}
			c.Free(val)
			parts = append(parts, s)
		}
		return strings.Join(parts, ",")
	}
	if got, want := describe(true), "0=zero,b=1,g=accessor,sym=3"; got != want {
		t.Errorf("enumerable: got %q, want %q", got, want)
	}
	if got, want := describe(false), "0=zero,b=1,g=accessor,h=2(hidden),sym=3"; got != want {
		t.Errorf("all: got %q, want %q", got, want)
	}
	k := c.NamedKey("missing")
	if _, kind, _ := c.OwnProperty(obj, k); kind != PropMissing {
		t.Errorf("missing property: kind %d", kind)
	}
	c.FreeKey(k)
}

func TestIndexKeyAndPrototype(t *testing.T) {
	_, c := newTestRuntime(t)
	arr := evalT(t, c, "var a = [10, , 30]; a")
	defer c.Free(arr)
	for i, want := range []int{PropData, PropMissing, PropData, PropMissing} {
		k := c.IndexKey(uint32(i))
		val, kind, _ := c.OwnProperty(arr, k)
		c.FreeKey(k)
		if kind != want {
			t.Errorf("a[%d]: kind %d, want %d", i, kind, want)
		}
		c.Free(val)
	}
	proto := c.Prototype(arr)
	ap := evalT(t, c, "Array.prototype")
	if proto.Ptr() == 0 || proto.Ptr() != ap.Ptr() {
		t.Error("Prototype of an array is not Array.prototype")
	}
	c.FreeAll(proto, ap)
	np := evalT(t, c, "Object.create(null)")
	if p := c.Prototype(np); !p.IsNull() {
		t.Error("Prototype of Object.create(null) is not null")
	}
	c.Free(np)
}
