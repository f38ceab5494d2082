package qjs

import "testing"

func TestSerializeAcrossRuntimes(t *testing.T) {
	a, err := NewRuntime(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := NewRuntime(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ca, cb := a.Context(), b.Context()
	v, err := ca.Eval(`const o = {n: 1, s: "x", d: new Date(5), u8: new Uint8Array([1,2,3]), big: 7n}; o.self = o; o`, "a.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	data, err := ca.Serialize(v)
	ca.Free(v)
	if err != nil {
		t.Fatal(err)
	}
	w, err := cb.Deserialize(data)
	if err != nil {
		t.Fatal(err)
	}
	g := cb.Global()
	cb.Set(g, "w", w)
	cb.Free(g)
	r, err := cb.Eval(`[w.n, w.s, w.d.getTime(), w.u8.join(), String(w.big), w.self === w].join("|")`, "b.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer cb.Free(r)
	if got, want := cb.GoString(r), "1|x|5|1,2,3|7|true"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	f, _ := ca.Eval(`(function () {})`, "f.js", EvalGlobal)
	defer ca.Free(f)
	if _, err := ca.Serialize(f); err == nil {
		t.Fatal("serializing a function did not fail")
	}
}

func TestSerializeSharedArrayBuffer(t *testing.T) {
	a, _ := NewRuntime(Options{})
	defer a.Close()
	b, _ := NewRuntime(Options{})
	defer b.Close()
	ca, cb := a.Context(), b.Context()
	v, err := ca.Eval(`globalThis.sab = new SharedArrayBuffer(8); new Int32Array(sab)[0] = 5; sab`, "a.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	data, err := ca.Serialize(v)
	ca.Free(v)
	if err != nil {
		t.Fatal(err)
	}
	w, err := cb.Deserialize(data)
	if err != nil {
		t.Fatal(err)
	}
	g := cb.Global()
	cb.Set(g, "sab", w)
	cb.Free(g)
	r, err := cb.Eval(`const i = new Int32Array(sab); const old = i[0]; i[1] = 9; old`, "b.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	if r.Int() != 5 {
		t.Fatalf("b sees %d, want 5", r.Int())
	}
	r, err = ca.Eval(`new Int32Array(sab)[1]`, "a2.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	if r.Int() != 9 {
		t.Fatalf("a sees %d, want 9 (memory not shared)", r.Int())
	}
}
